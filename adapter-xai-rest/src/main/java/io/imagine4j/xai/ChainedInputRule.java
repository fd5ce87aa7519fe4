package io.imagine4j.xai;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;

/**
 * A previous result the service did not know is looked up at xAI by its request id, which only
 * works for an xAI job: the result of another provider's job must come with its video
 * ({@code MediaSource.of(video)}), whose URL is then sent.
 */
final class ChainedInputRule implements RequestRule {

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        return request.input()
                .filter(MediaSource.PreviousResult.class::isInstance)
                .map(MediaSource.PreviousResult.class::cast)
                .filter(previous -> !previous.isResolved() && !previous.jobId().provider().equals(XaiCapabilities.PROVIDER))
                .map(previous -> (Seq<Violation>) List.of(new Violation("video", previous.describe(),
                        "cannot be looked up at xAI: it is a job of " + previous.jobId().provider(),
                        "MediaSource.of(video) with that job's GeneratedVideo, or a public URL", Violation.Reason.NOT_ALLOWED)))
                .getOrElse(List.empty());
    }
}
