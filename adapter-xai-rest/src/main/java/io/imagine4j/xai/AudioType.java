package io.imagine4j.xai;

import io.vavr.control.Option;
import io.vavr.control.Try;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioSystem;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.Arrays;

/**
 * The audio formats a reference clip may be sent inline in, recognised by their magic bytes (the
 * core's {@code MediaType} knows images and videos only). A WAV clip's length is read by the JDK's
 * own audio reader; the JDK reads no MP3, Ogg or FLAC, so xAI measures those.
 */
enum AudioType {
    WAV("audio/wav"),
    MP3("audio/mpeg"),
    OGG("audio/ogg"),
    FLAC("audio/flac");

    private final String mime;

    AudioType(String mime) {
        this.mime = mime;
    }

    String mime() {
        return mime;
    }

    static Option<AudioType> sniff(byte[] head) {
        if (starts(head, 0, "RIFF") && starts(head, 8, "WAVE")) {
            return Option.some(WAV);
        }
        if (starts(head, 0, "ID3") || (head.length > 1 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xE0) == 0xE0)) {
            return Option.some(MP3);
        }
        if (starts(head, 0, "OggS")) {
            return Option.some(OGG);
        }
        return starts(head, 0, "fLaC") ? Option.some(FLAC) : Option.none();
    }

    /** The type a {@code data:} URI's header names ({@code audio/wav}, {@code audio/x-wav}, {@code audio/mpeg}…), if any. */
    static Option<AudioType> ofMime(String mime) {
        String bare = mime.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (bare.equals("audio/x-wav") || bare.equals("audio/wave")) {
            return Option.some(WAV);
        }
        if (bare.equals("audio/mp3")) {
            return Option.some(MP3);
        }
        return Option.ofOptional(Arrays.stream(values()).filter(type -> type.mime.equals(bare)).findFirst());
    }

    /** How long a WAV clip plays, when the JDK can read it. */
    static Option<Duration> wavLength(byte[] clip) {
        return Try.of(() -> AudioSystem.getAudioFileFormat(new BufferedInputStream(new ByteArrayInputStream(clip))))
                .toOption()
                .filter(format -> format.getType() == AudioFileFormat.Type.WAVE && format.getFrameLength() > 0
                        && format.getFormat().getFrameRate() > 0)
                .map(format -> Duration.ofMillis(Math.round(format.getFrameLength() * 1000.0 / format.getFormat().getFrameRate())));
    }

    private static boolean starts(byte[] data, int offset, String ascii) {
        if (data.length < offset + ascii.length()) {
            return false;
        }
        for (int i = 0; i < ascii.length(); i++) {
            if (data[offset + i] != (byte) ascii.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
