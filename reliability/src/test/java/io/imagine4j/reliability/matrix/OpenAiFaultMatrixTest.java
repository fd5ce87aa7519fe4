package io.imagine4j.reliability.matrix;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** The fault matrix on an OpenAI-compatible /v1/videos API. */
class OpenAiFaultMatrixTest {

    static final Lab LAB = Lab.of(Targets.openAi());

    static List<Cell> cells() {
        return FaultMatrix.cells(LAB.target());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) throws Exception {
        LAB.run(cell);
    }

    @AfterAll
    static void scanForTheKeyAndClose() throws Exception {
        MatrixSecrets.scan(LAB);
    }
}
