package io.imagine4j.testkit.openai;

import java.time.Duration;
import java.util.Objects;

/** The {@code video} of an edit or extension: an uploaded MP4, or the id of a completed video. */
sealed interface VideoInput {

    /** A file part, already read: its name and exact length. */
    record Upload(String filename, Duration length) implements VideoInput {
        public Upload {
            Objects.requireNonNull(filename, "filename");
            Objects.requireNonNull(length, "length");
        }
    }

    /** {@code {"id": "video_…"}}: a video of this simulator. */
    record Reference(String id) implements VideoInput {
        public Reference {
            Objects.requireNonNull(id, "id");
        }
    }
}
