package io.imagine4j.benchmarks.load;

import java.util.List;

/** A load run whose jobs did not all end as they must: its numbers would mean nothing. */
public final class LoadCheckFailed extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    public LoadCheckFailed(List<String> problems) {
        super("the load run is not correct: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
