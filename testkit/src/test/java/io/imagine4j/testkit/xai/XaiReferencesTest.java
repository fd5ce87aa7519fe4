package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.junit.SimulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collections;

import static io.imagine4j.testkit.xai.XaiClient.assertFlatError;
import static org.assertj.core.api.Assertions.assertThat;

/** Reference-to-video and keyframes: how many, which combine, and what the simulator records of them. */
class XaiReferencesTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> XAI = SimulatorExtension.of(XaiSimulator::start);

    private static final String INVALID = "Client specified an invalid argument";
    private static final String IMAGE = "{\"url\":\"https://example.com/a.png\"}";

    @Test
    void referenceImagesAreRecordedWithDataUrisCutToTheirHeader(XaiSimulator xai) throws IOException {
        String png = XaiClient.dataUri("image/png", XaiSubmitTest.png());
        String id = new XaiClient(xai).generate("{\"prompt\":\"The two of them\",\"duration\":10,"
                + "\"reference_images\":[{\"url\":\"" + png + "\"}," + IMAGE + "]}");
        assertThat(xai.job(id).get().params().sentField("reference_images").get())
                .isEqualTo("[{\"url\":\"data:image/png;base64,\u2026\"}," + IMAGE + "]");
    }

    @Test
    void atMostSevenReferenceImages(XaiSimulator xai) throws IOException {
        String eight = String.join(",", Collections.nCopies(8, IMAGE));
        assertFlatError(new XaiClient(xai).post("/videos/generations", "{\"prompt\":\"p\",\"reference_images\":[" + eight + "]}"),
                400, INVALID, "At most 7 reference images");
    }

    @Test
    void referenceToVideoIsAModeOfItsOwnOfAtMostTenSecondsAnd720p(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"image\":" + IMAGE + ",\"reference_images\":[" + IMAGE + "]}"),
                400, INVALID, "cannot be combined with image");
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"duration\":11,\"reference_images\":[" + IMAGE + "]}"),
                400, INVALID, "at most 10 seconds");
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"model\":\"grok-imagine-video-1.5\",\"resolution\":\"1080p\","
                + "\"reference_images\":[" + IMAGE + "]}"), 400, INVALID, "1080p is not supported with references");
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"reference_images\":[" + IMAGE + "],"
                + "\"keyframes\":[{\"image\":" + IMAGE + ",\"timestamp_s\":2}]}"), 400, INVALID, "Keyframes cannot be combined");
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"reference_audios\":[{\"voice_id\":\"ara\"}],"
                + "\"image\":" + IMAGE + "}"), 400, INVALID, "cannot be combined with image");
    }

    @Test
    void keyframesPinImagesStrictlyInsideTheClip(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate("{\"prompt\":\"p\",\"duration\":6,\"image\":" + IMAGE + ",\"keyframes\":[{\"image\":" + IMAGE
                + ",\"timestamp_s\":2.5}]}");
        assertThat(xai.job(id)).isNotEmpty();
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"duration\":6,\"keyframes\":[{\"image\":" + IMAGE
                + ",\"timestamp_s\":6}]}"), 400, INVALID, "strictly between 0 and the duration (6 s)");
    }

    @Test
    void aReferenceAudioClipInlineIsAtMostFifteenSeconds(XaiSimulator xai) throws IOException {
        XaiClient client = new XaiClient(xai);
        String short_ = XaiClient.dataUri("audio/wav", wav(3));
        String long_ = XaiClient.dataUri("audio/wav", wav(16));
        assertThat(client.generate("{\"prompt\":\"p\",\"reference_audios\":[{\"url\":\"" + short_ + "\"},{\"voice_id\":\"ara\"}]}"))
                .isNotEmpty();
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"reference_audios\":[{\"url\":\"" + long_ + "\"}]}"),
                400, INVALID, "is 16.0 s long");
        assertFlatError(client.post("/videos/generations", "{\"prompt\":\"p\",\"reference_audios\":[{\"url\":\"data:video/mp4;base64,AA==\"}]}"),
                400, INVALID, "must be an http(s) URL or a data:audio");
    }

    /** A silent 8 kHz mono WAV of {@code seconds}, written by the JDK. */
    static byte[] wav(int seconds) throws IOException {
        AudioFormat format = new AudioFormat(8_000f, 8, 1, true, false);
        byte[] silence = new byte[8_000 * seconds];
        try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(silence), format, silence.length);
             ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            AudioSystem.write(in, AudioFileFormat.Type.WAVE, out);
            return out.toByteArray();
        }
    }
}
