package io.imagine4j.testkit.contract;

import io.imagine4j.core.job.JobStatus;
import io.imagine4j.core.model.ProviderFeature;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.testkit.contract.BrokenProvider.Defect;
import io.imagine4j.testkit.fake.FakeVideoProvider;
import io.imagine4j.testkit.scenario.BackendControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract can fail: run against providers with one deliberate defect each, the tests that
 * guard against that defect fail, and across all defects every test of the contract fails at least
 * once. Runs the contract through the JUnit Platform and reads which tests failed.
 */
class ContractCatchesBrokenProvidersTest {

    /** The defect the next contract run's provider has; set before each run, which runs on this thread. */
    private static volatile Defect defect = Defect.NONE;

    private static final Map<Setup, Map<Defect, ContractRun>> RUNS = new EnumMap<>(Setup.class);

    /**
     * What the contract runs on: the fake with every feature, the basic one without cancel, push or
     * extend, and the fake behind a poorer wire whose limits are declared through the hooks.
     */
    enum Setup {
        FULL(BrokenFullFake.class),
        BASIC(BrokenBasicFake.class),
        LOSSY(BrokenLossyFake.class);

        final Class<? extends VideoProviderContract> contract;

        Setup(Class<? extends VideoProviderContract> contract) {
            this.contract = contract;
        }
    }

    /** Which tests must fail, per setup and defect. */
    private static final Map<Defect, Map<Setup, List<String>>> CAUGHT_BY = new EnumMap<>(Defect.class);

    static {
        full(Defect.WRONG_PROVIDER_NAME, "SubmitGroup/acceptedWithAnIdOfTheProvidersName", "SubmitGroup/twoSubmitsMakeTwoJobs",
                "SubmitGroup/everyOfferedKindIsAccepted/text-to-video", "SubmitGroup/everyOfferedKindIsAccepted/extend");
        full(Defect.SAME_ID, "SubmitGroup/twoSubmitsMakeTwoJobs");
        full(Defect.QUEUED_AS_RUNNING, "StatusMappingGroup/queuedThenRunningThenSucceeded");
        full(Defect.RUNNING_AS_QUEUED, "StatusMappingGroup/queuedThenRunningThenSucceeded", "ProgressGroup/progressFollowsTheBackend");
        full(Defect.BACKWARDS_AFTER_END, "StatusMappingGroup/statusNeverMovesBackwards", "StatusMappingGroup/terminalStatusesStay");
        full(Defect.PROGRESS_BACKWARDS, "ProgressGroup/progressNeverDecreases", "ProgressGroup/progressFollowsTheBackend");
        full(Defect.NO_PROGRESS, "ProgressGroup/progressFollowsTheBackend");
        full(Defect.RETRIES_SUBMIT, "SubmissionSafetyGroup/connectionResetOnSubmitIsAmbiguous",
                "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/429", "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/503",
                "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/500", "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/reset",
                "TypedFailuresGroup/badRequestOnSubmitIsInvalidRequest");
        full(Defect.AMBIGUOUS_AS_REFUSED, "SubmissionSafetyGroup/connectionResetOnSubmitIsAmbiguous",
                "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/500", "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/502",
                "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/reset", "SubmissionSafetyGroup/everySubmitFaultCostsOneCall/malformed");
        full(Defect.FLATTENS_FAILURE_KINDS, "TypedFailuresGroup/badRequestOnSubmitIsInvalidRequest",
                "TypedFailuresGroup/refusedCredentialOnSubmitIsAuthentication", "TypedFailuresGroup/refusedCredentialOnPollIsAuthentication",
                "TypedFailuresGroup/rateLimitOnSubmitCarriesRetryAfter", "TypedFailuresGroup/rateLimitOnPollCarriesRetryAfter",
                "TypedFailuresGroup/unavailableOnSubmitIsRefused", "TypedFailuresGroup/unknownJobIsNotFound",
                "TypedFailuresGroup/malformedPollAnswerIsProtocol", "TerminalOutcomesGroup/moderatedIsAModerationFailure",
                "TerminalOutcomesGroup/expiredJobIsExpired", "ContentStreamGroup/expiredResultIsExpired");
        full(Defect.DROPS_RETRY_AFTER, "TypedFailuresGroup/rateLimitOnSubmitCarriesRetryAfter",
                "TypedFailuresGroup/rateLimitOnPollCarriesRetryAfter");
        full(Defect.LOSES_FAILURE_CODES, "TerminalOutcomesGroup/failedCarriesTheProvidersFailure");
        full(Defect.FAILED_CALLS_AS_FAILED_JOBS, "TypedFailuresGroup/serverErrorOnPollIsTransient",
                "TypedFailuresGroup/connectionResetOnPollIsTransient", "TypedFailuresGroup/malformedPollAnswerIsProtocol",
                "TypedFailuresGroup/refusedCredentialOnPollIsAuthentication", "TypedFailuresGroup/rateLimitOnPollCarriesRetryAfter",
                "TypedFailuresGroup/unknownJobIsNotFound");
        full(Defect.UNKNOWN_ID_IS_QUEUED, "TypedFailuresGroup/unknownJobIsNotFound");
        full(Defect.EXPIRED_AS_PROVIDER_ERROR, "TerminalOutcomesGroup/expiredJobIsExpired");
        full(Defect.EMPTY_PENDING_ENDS_THE_JOB, "TypedFailuresGroup/emptyPendingAnswerIsNotAnEnd");
        full(Defect.PROGRESS_INVENTED, "ProgressGroup/progressNeverDecreases");
        full(Defect.FAILED_JOBS_BLAME_THE_REQUEST, "TerminalOutcomesGroup/failedCarriesTheProvidersFailure");
        full(Defect.CANCEL_IGNORED, "CancelGroup/cancelOfARunningJob");
        basic(Defect.CANCEL_IGNORED, "CancelGroup/cancelOfARunningJob", "CancelGroup/cancelOfAFinishedJobChangesNothing");
        full(Defect.CANCEL_CLOBBERS_FINISHED, "CancelGroup/cancelOfAFinishedJobChangesNothing");
        full(Defect.CONTENT_IGNORES_OFFSET, "ContentStreamGroup/readingFromAnOffsetReturnsTheRest");
        full(Defect.WRONG_DURATION, "ContentStreamGroup/contentIsAnMp4OfTheAnnouncedLength");
        full(Defect.CONTENT_NOT_MP4, "TerminalOutcomesGroup/succeededCarriesAPlayableResult",
                "ContentStreamGroup/contentIsAnMp4OfTheAnnouncedLength", "ContentStreamGroup/resetWhileOpeningIsTransient");
        full(Defect.CONTENT_FAILURES_FINAL, "ContentStreamGroup/resetWhileOpeningIsTransient");
        full(Defect.IGNORES_SUBMISSION_KEY, "SubmissionSafetyGroup/idempotentSubmitAnswersTheSameJob/a repeat after an acceptance",
                "SubmissionSafetyGroup/idempotentSubmitAnswersTheSameJob/a repeat after an ambiguous submit");
        full(Defect.PUSH_SILENT, "PushEventsGroup/eventsFollowTheDeclaredCapability");
        basic(Defect.PUSH_UNDECLARED, "PushEventsGroup/eventsFollowTheDeclaredCapability");
        lossy(Defect.RUNNING_AS_QUEUED, "StatusMappingGroup/queuedThenRunningThenSucceeded", "ProgressGroup/progressFollowsTheBackend");
        lossy(Defect.EXPIRED_AS_PROVIDER_ERROR, "TerminalOutcomesGroup/expiredJobIsExpired");
        lossy(Defect.PROGRESS_INVENTED, "ProgressGroup/progressNeverDecreases", "ProgressGroup/progressFollowsTheBackend");
        lossy(Defect.FAILED_JOBS_BLAME_THE_REQUEST, "TerminalOutcomesGroup/failedCarriesTheProvidersFailure",
                "TerminalOutcomesGroup/moderatedIsAModerationFailure");
        lossy(Defect.EMPTY_PENDING_ENDS_THE_JOB, "TypedFailuresGroup/emptyPendingAnswerIsNotAnEnd");
        lossy(Defect.CONTENT_IGNORES_OFFSET, "ContentStreamGroup/readingFromAnOffsetReturnsTheRest");
        full(Defect.REMIX_STARTS_OVER, "RemixGroup/remixOfAFinishedJob");
        basic(Defect.PRETENDS_TO_REMIX, "RemixGroup/remixOfAFinishedJob");
        full(Defect.CHAINED_INPUT_DROPPED, "ChainedInputsGroup/aPreviousResultIsAnInput/edit of a known result",
                "ChainedInputsGroup/aPreviousResultIsAnInput/edit of a job id alone",
                "ChainedInputsGroup/aPreviousResultIsAnInput/extend of a known result");
        basic(Defect.CHAINED_INPUT_DROPPED, "ChainedInputsGroup/aPreviousResultIsAnInput/edit of a known result");
        full(Defect.GENERATIONS_COLLAPSE, "GenerationsGroup/twoGenerationsAreOneSubmitAndTwoJobs");
        basic(Defect.GENERATIONS_COLLAPSE, "GenerationsGroup/twoGenerationsAreOneSubmitAndTwoJobs");
        full(Defect.LIST_IGNORES_CURSOR, "ListGroup/jobsAppearOnceAcrossPages");
        basic(Defect.LIST_WITHOUT_FEATURE, "ListGroup/jobsAppearOnceAcrossPages");
        full(Defect.DELETE_IGNORED, "DeleteGroup/aDeletedJobIsGone");
        basic(Defect.DELETE_WITHOUT_FEATURE, "DeleteGroup/aDeletedJobIsGone");
        full(Defect.PREVIEW_IS_VIDEO, "ContentVariantsGroup/everyVariantAsDeclared/thumbnail",
                "ContentVariantsGroup/everyVariantAsDeclared/spritesheet");
        basic(Defect.PREVIEW_UNDECLARED, "ContentVariantsGroup/everyVariantAsDeclared/thumbnail");
        full(Defect.MODELS_EMPTY, "ModelsGroup/discoveredModelsMerge");
        basic(Defect.MODELS_WITHOUT_FEATURE, "ModelsGroup/discoveredModelsMerge");
    }

    private static void full(Defect broken, String... tests) {
        CAUGHT_BY.computeIfAbsent(broken, d -> new EnumMap<>(Setup.class)).put(Setup.FULL, List.of(tests));
    }

    private static void basic(Defect broken, String... tests) {
        CAUGHT_BY.computeIfAbsent(broken, d -> new EnumMap<>(Setup.class)).put(Setup.BASIC, List.of(tests));
    }

    private static void lossy(Defect broken, String... tests) {
        CAUGHT_BY.computeIfAbsent(broken, d -> new EnumMap<>(Setup.class)).put(Setup.LOSSY, List.of(tests));
    }

    private static synchronized ContractRun run(Setup setup, Defect broken) {
        return RUNS.computeIfAbsent(setup, s -> new EnumMap<>(Defect.class)).computeIfAbsent(broken, d -> {
            defect = d;
            try {
                return ContractRun.of(setup.contract);
            } finally {
                defect = Defect.NONE;
            }
        });
    }

    @Test
    void a_faithful_wrapper_passes_the_whole_contract_on_every_setup() {
        for (Setup setup : Setup.values()) {
            ContractRun faithful = run(setup, Defect.NONE);
            assertThat(faithful.tests()).as("contract tests on %s", setup).hasSizeGreaterThan(40);
            assertThat(faithful.failed()).as("failures on %s: %s", setup, describe(faithful)).isEmpty();
        }
    }

    @TestFactory
    Stream<DynamicTest> each_defect_fails_the_tests_that_guard_against_it() {
        return CAUGHT_BY.entrySet().stream().flatMap(byDefect -> byDefect.getValue().entrySet().stream()
                .map(bySetup -> DynamicTest.dynamicTest(byDefect.getKey() + " on " + bySetup.getKey(), () -> {
                    ContractRun broken = run(bySetup.getKey(), byDefect.getKey());
                    assertThat(broken.tests()).as("every expected test exists").containsAll(bySetup.getValue());
                    assertThat(broken.failed()).as("tests failed by %s", byDefect.getKey()).containsAll(bySetup.getValue());
                })));
    }

    @Test
    void every_test_of_the_contract_fails_against_some_defect() {
        for (Setup setup : Setup.values()) {
            Set<String> neverFailed = new TreeSet<>(run(setup, Defect.NONE).tests());
            for (Defect broken : Defect.values()) {
                if (broken != Defect.NONE) {
                    neverFailed.removeAll(run(setup, broken).failed());
                }
            }
            assertThat(neverFailed).as("contract tests no defect made fail on %s", setup).isEmpty();
        }
    }

    private static String describe(ContractRun run) {
        Map<String, String> causes = new LinkedHashMap<>();
        run.failed().forEach(test -> causes.put(test, run.cause(test)));
        return causes.toString();
    }

    /** The contract on a broken wrapper of the full-featured fake; run from this test only, never on its own. */
    static class BrokenFullFake extends BrokenContract {
        BrokenFullFake() {
            super(() -> FakeVideoProvider.builder()
                    .features(ProviderFeature.CANCEL, ProviderFeature.PUSH_EVENTS, ProviderFeature.IDEMPOTENT_SUBMIT,
                            ProviderFeature.LIST, ProviderFeature.DELETE, ProviderFeature.MODEL_DISCOVERY).build());
        }
    }

    /** The contract on a broken wrapper of the basic fake; run from this test only, never on its own. */
    static class BrokenBasicFake extends BrokenContract {
        BrokenBasicFake() {
            super(BasicFakes::create);
        }
    }

    /** The contract on a broken wrapper of the fake behind a poorer wire; run from this test only, never on its own. */
    static class BrokenLossyFake extends BrokenContract {
        BrokenLossyFake() {
            super(() -> FakeVideoProvider.builder().features(ProviderFeature.CANCEL).build(), LossyProvider::new);
        }

        @Override
        protected boolean reportsQueued() {
            return false;
        }

        @Override
        protected boolean reportsProgress() {
            return false;
        }

        @Override
        protected boolean reportsFailureCodes() {
            return false;
        }

        @Override
        protected JobStatus expiredStatus() {
            return JobStatus.FAILED;
        }

        @Override
        protected boolean honoursContentOffset() {
            return false;
        }
    }

    /** The contract on a fake wrapped with the current defect. */
    abstract static class BrokenContract extends VideoProviderContract {
        private final Supplier<FakeVideoProvider> fakes;
        private final UnaryOperator<VideoProvider> wire;
        private FakeVideoProvider fake;
        private BrokenProvider provider;

        BrokenContract(Supplier<FakeVideoProvider> fakes) {
            this(fakes, UnaryOperator.identity());
        }

        BrokenContract(Supplier<FakeVideoProvider> fakes, UnaryOperator<VideoProvider> wire) {
            this.fakes = fakes;
            this.wire = wire;
        }

        @BeforeEach
        void create() {
            fake = fakes.get();
            provider = new BrokenProvider(wire.apply(fake), defect);
        }

        @AfterEach
        void close() {
            provider.close();
        }

        @Override
        protected VideoProvider provider() {
            return provider;
        }

        @Override
        protected BackendControl backend() {
            return fake;
        }
    }
}
