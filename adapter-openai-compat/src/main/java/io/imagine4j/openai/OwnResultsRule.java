package io.imagine4j.openai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * A previous result is sent by its id ({@code {"video": {"id": …}}}, {@code /videos/{id}/remix}),
 * which only the server that made it knows: a result of another provider is refused before
 * anything is sent, with the way out (download it, then give the file).
 */
final class OwnResultsRule implements RequestRule {

    private final String provider;

    OwnResultsRule(String provider) {
        this.provider = provider;
    }

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        if (request.input().isEmpty() || !(request.input().get() instanceof MediaSource.PreviousResult previous)
                || previous.jobId().provider().equals(provider)) {
            return List.empty();
        }
        return List.of(new Violation("video", previous.describe(), "was made by " + previous.jobId().provider()
                + ", and " + provider + " takes previous results by its own ids only",
                "a result of " + provider + ", or the video downloaded and given as a local file", Violation.Reason.UNSUPPORTED));
    }
}
