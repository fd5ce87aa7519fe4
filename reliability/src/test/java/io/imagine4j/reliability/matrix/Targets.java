package io.imagine4j.reliability.matrix;

import io.imagine4j.core.model.MediaSource;
import io.imagine4j.core.model.VideoRequest;
import io.imagine4j.core.port.out.VideoProvider;
import io.imagine4j.core.time.Backoff;
import io.imagine4j.http.download.DownloadSettings;
import io.imagine4j.http.sse.EventStreamSettings;
import io.imagine4j.micrometer.HttpClientMeters;
import io.imagine4j.openai.OpenAiVideos;
import io.imagine4j.oxen.OxenHub;
import io.imagine4j.reliability.secrets.Canary;
import io.imagine4j.testkit.openai.OpenAiSettings;
import io.imagine4j.testkit.openai.OpenAiSimulator;
import io.imagine4j.testkit.oxen.OxenSimulator;
import io.imagine4j.testkit.sim.HttpSimulator;
import io.imagine4j.testkit.sim.SimulatorOptions;
import io.imagine4j.testkit.xai.XaiSimulator;
import io.imagine4j.xai.XaiVideo;

import java.net.URI;
import java.time.Duration;

/** The three providers of the suite, each on its own simulator on the real clock. */
public final class Targets {

    /** How long a call may wait for an answer's headers before it counts as a read timeout. */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(1);
    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(2);
    static final DownloadSettings DOWNLOADS = DownloadSettings.defaults()
            .withResponseTimeout(Duration.ofSeconds(2)).withIdleTimeout(Duration.ofSeconds(2));

    private Targets() {
    }

    public static Target xai() {
        XaiSimulator sim = XaiSimulator.start(SimulatorOptions.realTime());
        return new Target() {
            @Override
            public String name() {
                return "xai";
            }

            @Override
            public HttpSimulator<?> simulator() {
                return sim;
            }

            @Override
            public VideoProvider provider(URI baseUrl, Wire wire) {
                XaiVideo.Builder builder = XaiVideo.builder().apiKey(Canary.KEY).baseUrl(baseUrl).connectTimeout(CONNECT_TIMEOUT)
                        .readTimeout(READ_TIMEOUT).maxResponseBytes(wire.maxResponseBytes()).downloads(DOWNLOADS);
                wire.meters().forEach(registry -> builder.httpCapability(HttpClientMeters.on(registry)));
                return builder.build();
            }

            @Override
            public VideoRequest request(String directives) {
                return VideoRequest.textToVideo(prompt(directives)).with(options -> options.withDurationSeconds(1));
            }

            @Override
            public boolean pushes() {
                return false;
            }
        };
    }

    public static Target openAi() {
        // The server's poll hint (openai-poll-after-ms) wins over the service's backoff: keep it short.
        OpenAiSimulator sim = OpenAiSimulator.start(SimulatorOptions.realTime(),
                OpenAiSettings.defaults().withPollAfter(Duration.ofMillis(40)));
        return new Target() {
            @Override
            public String name() {
                return "openai";
            }

            @Override
            public HttpSimulator<?> simulator() {
                return sim;
            }

            @Override
            public VideoProvider provider(URI baseUrl, Wire wire) {
                OpenAiVideos.Builder builder = OpenAiVideos.builder().apiKey(Canary.KEY).baseUrl(baseUrl)
                        .connectTimeout(CONNECT_TIMEOUT).readTimeout(READ_TIMEOUT).maxResponseBytes(wire.maxResponseBytes())
                        .downloads(DOWNLOADS);
                wire.meters().forEach(registry -> builder.httpCapability(HttpClientMeters.on(registry)));
                return builder.build();
            }

            @Override
            public VideoRequest request(String directives) {
                return VideoRequest.textToVideo(prompt(directives));
            }

            @Override
            public boolean pushes() {
                return false;
            }
        };
    }

    public static Target oxen() {
        OxenSimulator sim = OxenSimulator.start(SimulatorOptions.realTime());
        Backoff quick = Backoff.of(Duration.ofMillis(30), 2.0, Duration.ofMillis(300), 0.0);
        return new Target() {
            @Override
            public String name() {
                return "oxen";
            }

            @Override
            public HttpSimulator<?> simulator() {
                return sim;
            }

            @Override
            public VideoProvider provider(URI baseUrl, Wire wire) {
                OxenHub.Builder builder = OxenHub.builder().apiKey(Canary.KEY).baseUrl(baseUrl).connectTimeout(CONNECT_TIMEOUT)
                        .readTimeout(READ_TIMEOUT).maxResponseBytes(wire.maxResponseBytes()).downloads(DOWNLOADS)
                        .push(wire.push())
                        .eventStream(EventStreamSettings.defaults().withReconnectBackoff(quick));
                wire.meters().forEach(registry -> builder.httpCapability(HttpClientMeters.on(registry)));
                return builder.build();
            }

            /** Image-to-video on Oxen's built-in model: no model list is needed to check it. */
            @Override
            public VideoRequest request(String directives) {
                return VideoRequest.imageToVideo(prompt(directives), MediaSource.url("https://images.example.com/fox.png"))
                        .with(options -> options.withDurationSeconds(1));
            }

            @Override
            public boolean pushes() {
                return true;
            }
        };
    }

    private static String prompt(String directives) {
        return "A red fox crossing a snowy field" + (directives.isEmpty() ? "" : " #sim:" + directives);
    }
}
