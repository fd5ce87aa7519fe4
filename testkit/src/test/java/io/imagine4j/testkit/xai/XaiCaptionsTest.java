package io.imagine4j.testkit.xai;

import io.imagine4j.testkit.junit.SimulatorExtension;
import io.imagine4j.testkit.media.RequestCaption;
import io.imagine4j.testkit.media.SampleMp4;
import io.imagine4j.testkit.sim.SimulatorOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** With captions on, a result shows the request that made it; without, it is the shared sample. */
class XaiCaptionsTest {

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> CAPTIONED = SimulatorExtension.of(
            () -> XaiSimulator.start(SimulatorOptions.forTests().withCaptions(true)));

    @RegisterExtension
    static final SimulatorExtension<XaiSimulator> PLAIN = SimulatorExtension.of(XaiSimulator::start);

    @Test
    void aCaptionedResultCarriesThePromptModelAndLength() throws IOException {
        byte[] video = result(CAPTIONED.get(), "{\"prompt\":\"A red fox #sim:time=1s\",\"duration\":2}");
        assertThat(video).isEqualTo(SampleMp4.captioned(Duration.ofSeconds(2),
                RequestCaption.lines("A red fox", "grok-imagine-video", Duration.ofSeconds(2))));
        assertThat(video).isNotEqualTo(SampleMp4.of(Duration.ofSeconds(2)));
    }

    @Test
    void withoutCaptionsTheResultIsTheSharedSample() throws IOException {
        assertThat(result(PLAIN.get(), "{\"prompt\":\"A red fox\",\"duration\":2}")).isEqualTo(SampleMp4.of(Duration.ofSeconds(2)));
    }

    private static byte[] result(XaiSimulator xai, String json) throws IOException {
        XaiClient client = new XaiClient(xai);
        String id = client.generate(json);
        xai.advance(Duration.ofMinutes(1));
        return client.download(client.resultUrl(id));
    }
}
