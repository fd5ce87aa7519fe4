package io.imagine4j.oxen;

import io.imagine4j.core.model.RequestLimits;
import io.imagine4j.core.model.RequestRule;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.model.Violation;
import io.vavr.collection.List;
import io.vavr.collection.Seq;
import io.vavr.control.Option;

/**
 * What a request for the synchronous generate ({@link OxenExtras#synchronous()}) must keep: a
 * response format Oxen knows, and one video (the endpoint has no {@code num_generations}).
 */
final class SynchronousRule implements RequestRule {

    @Override
    public Seq<Violation> check(VideoRequest request, RequestLimits limits) {
        Option<Object> format = OxenExtras.synchronousFormat(request.options());
        if (format.isEmpty()) {
            return List.empty();
        }
        List<Violation> found = List.empty();
        if (!OxenExtras.URL.equals(format.get()) && !OxenExtras.B64_JSON.equals(format.get())) {
            found = found.append(new Violation(OxenExtras.SYNCHRONOUS, String.valueOf(format.get()),
                    "is not a response format of Oxen's synchronous generate", OxenExtras.URL + " or " + OxenExtras.B64_JSON,
                    Violation.Reason.NOT_ALLOWED));
        }
        int generations = request.options().generationCount();
        if (generations > 1) {
            found = found.append(new Violation("generations", String.valueOf(generations),
                    "cannot be asked of the synchronous generate, which makes one video; leave out OxenExtras.synchronous()"
                            + " to enqueue them", "1", Violation.Reason.NOT_ALLOWED));
        }
        return found;
    }
}
