package io.imagine4j.testkit.fake;

import io.imagine4j.core.model.JobId;
import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.Mp4Header;
import io.imagine4j.core.model.VideoRequest;
import io.vavr.control.Option;
import io.vavr.control.Try;

import java.time.Duration;
import java.util.function.Function;

/**
 * How long a result runs, as the real providers decide it: a generation runs as long as asked; an
 * edit or a remix keeps its input's length; an extension is its input followed by the new segment.
 * A previous result of the fake itself is as long as the fake made it. An input the fake cannot
 * read (a remote URL) counts as the default length.
 */
final class ResultLength {

    private ResultLength() {
    }

    static Duration of(VideoRequest request, Duration defaultLength, Duration defaultSegment,
            Function<JobId, Option<Duration>> ownResults) {
        Option<Duration> asked = request.options().duration();
        Option<Duration> input = request.input().flatMap(source -> inputLength(source)
                .orElse(() -> source instanceof MediaSource.PreviousResult previous ? ownResults.apply(previous.jobId())
                        : Option.none()));
        switch (request.kind()) {
            case EDIT:
            case REMIX:
                return input.getOrElse(defaultLength);
            case EXTEND:
                return input.getOrElse(defaultLength).plus(asked.getOrElse(defaultSegment));
            default:
                return asked.getOrElse(defaultLength);
        }
    }

    /** The length of an input video read from its MP4 header, where the content is at hand. */
    static Option<Duration> inputLength(MediaSource source) {
        Try<Duration> length;
        if (source instanceof MediaSource.Bytes bytes) {
            length = Mp4Header.duration(bytes.data());
        } else if (source instanceof MediaSource.LocalFile file) {
            length = Mp4Header.duration(file.path());
        } else if (source instanceof MediaSource.Url url && url.isDataUri()) {
            length = url.dataBytes().flatMap(Mp4Header::duration);
        } else if (source instanceof MediaSource.PreviousResult previous) {
            return previous.duration();
        } else {
            return Option.none();
        }
        return length.toOption();
    }
}
