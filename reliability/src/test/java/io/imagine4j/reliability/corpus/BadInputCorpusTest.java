package io.imagine4j.reliability.corpus;

import io.imagine4j.core.cost.BudgetExceededException;
import io.imagine4j.core.model.InvalidRequestException;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.service.VideoJobService;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.reliability.figures.Figures;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.scenario.Call;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The corpus of invalid requests ({@link Corpus}), each sent through {@code VideoJobService} to its
 * provider: refused before anything is sent (the simulator hears nothing new but the polls of a job
 * already running), with a message that names the field, shows the value, and says what is allowed
 * or what to do instead. A value refused when the request is built ({@code MediaSource.url} with a
 * scheme other than http, https or data) counts when its message names what is allowed.
 */
class BadInputCorpusTest {

    private static final String SECTION = "invalid requests";
    /** Words of a refusal that, lacking a list of what is allowed, still says what to do. */
    private static final Set<String> GUIDANCE = Set.of("leave it unset", "submit the request once per video", "follows its input",
            "a public url", "wait for it", "has no result", "of this provider", "instead");

    private static Map<String, Desk> desks;

    static List<BadInput> corpus() {
        return Corpus.all();
    }

    @BeforeAll
    static void open() throws IOException {
        Path directory = Files.createTempDirectory("imagine4j-corpus");
        XaiSimulator xai = XaiSimulator.start();
        OpenAiSimulator openai = OpenAiSimulator.start();
        OxenSimulator oxen = OxenSimulator.start();
        desks = Map.of(
                Corpus.XAI, new Desk(Corpus.XAI, xai, xai(xai), xai(xai), directory.resolve("xai")),
                Corpus.OPENAI, new Desk(Corpus.OPENAI, openai, openAi(openai), openAi(openai), directory.resolve("openai")),
                Corpus.OXEN, new Desk(Corpus.OXEN, oxen, oxen(oxen), oxen(oxen), directory.resolve("oxen")));
        for (Desk desk : desks.values()) {
            Files.createDirectories(desk.files.directory);
        }
    }

    @AfterAll
    static void close() {
        desks.values().forEach(Desk::close);
        long count = Corpus.all().size();
        Figures.set(SECTION, "requests in the corpus", count);
        for (String provider : List.of(Corpus.XAI, Corpus.OPENAI, Corpus.OXEN)) {
            Figures.set(SECTION, provider, Corpus.all().stream().filter(input -> input.provider().equals(provider)).count());
        }
        Figures.set(SECTION, "fields named", Corpus.all().stream().map(BadInput::field).distinct().count());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void each_is_refused_before_any_call_naming_the_field_the_value_and_what_is_allowed(BadInput input) {
        Desk desk = desks.get(input.provider());
        VideoRequest request;
        try {
            request = input.request().apply(desk);
        } catch (IllegalArgumentException refusedWhenBuilt) {
            // A programming-time refusal: the value and what is allowed, before any request exists.
            assertThat(refusedWhenBuilt.getMessage()).as("the refusal of %s", input)
                    .contains(input.shown()).containsIgnoringCase("http");
            Figures.add(SECTION, "refused when the request is built (MediaSource.url)", 1);
            return;
        }
        int callsBefore = callsBesidesPolls(desk.sim);
        VideoJobService service = input.field().equals("budget") ? desk.budgeted : desk.jobs;

        RuntimeException refusal = refuse(service, request, input);

        assertThat(callsBesidesPolls(desk.sim)).as("calls %s heard for %s: %s", desk.name, input,
                desk.sim.journal().entries()).isEqualTo(callsBefore);
        Canary.assertAbsent("exception", refusal);
        assertThat(refusal).as("the refusal of %s", input).isInstanceOf(InvalidRequestException.class);
        List<Violation> violations = ((InvalidRequestException) refusal).violations();
        assertThat(violations).as("violations of %s: %s", input, refusal.getMessage())
                .anySatisfy(violation -> helpful(violation, input));
        if (input.field().equals("budget")) {
            assertThat(refusal).isInstanceOf(BudgetExceededException.class);
        }
        Figures.add(SECTION, "refused by the service before any call", 1);
    }

    private static RuntimeException refuse(VideoJobService service, VideoRequest request, BadInput input) {
        try {
            service.submit(request);
        } catch (RuntimeException refused) {
            return refused;
        }
        throw new AssertionError(input + " was accepted");
    }

    /** The violation names the field, shows the value, and says what is allowed (or what to do instead). */
    private static void helpful(Violation violation, BadInput input) {
        assertThat(violation.field()).isEqualTo(input.field());
        assertThat(violation.message()).startsWith(violation.field() + ": ").contains(input.shown());
        String problem = violation.problem().toLowerCase(Locale.ROOT);
        boolean guided = !violation.allowed().isBlank() || GUIDANCE.stream().anyMatch(problem::contains);
        assertThat(guided).as("what %s allows, in %s", input.provider(), violation.message()).isTrue();
    }

    private static int callsBesidesPolls(HttpSimulator<?> sim) {
        return sim.journal().entries(entry -> entry.call() != Call.POLL).size();
    }

    private static VideoProvider xai(XaiSimulator sim) {
        return XaiVideo.builder().apiKey(Canary.KEY).baseUrl(sim.baseUrl()).maxInlineImageBytes(64 * 1024).build();
    }

    private static VideoProvider openAi(OpenAiSimulator sim) {
        return OpenAiVideos.builder().apiKey(Canary.KEY).baseUrl(sim.baseUrl()).build();
    }

    private static VideoProvider oxen(OxenSimulator sim) {
        return OxenHub.builder().apiKey(Canary.KEY).baseUrl(sim.baseUrl()).push(false).build();
    }
}
