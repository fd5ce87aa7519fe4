package io.imagine4j.testkit.xai;

import io.vavr.control.Option;
import io.vavr.control.Try;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.time.Duration;

/**
 * The length of a WAV clip, read by the JDK's own audio file reader. Other audio formats are not
 * measured (the JDK reads none of MP3, AAC or Ogg): the simulator takes them as given.
 */
final class WavLength {

    private WavLength() {
    }

    /** The clip's length, when it is a WAV file the JDK can read. */
    static Option<Duration> of(byte[] clip) {
        return Try.of(() -> AudioSystem.getAudioFileFormat(new BufferedInputStream(new ByteArrayInputStream(clip))))
                .toOption()
                .filter(format -> format.getType() == AudioFileFormat.Type.WAVE && format.getFrameLength() > 0
                        && format.getFormat().getFrameRate() > 0)
                .map(format -> Duration.ofMillis(Math.round(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate())));
    }
}
