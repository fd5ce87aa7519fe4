package io.imagine4j.testkit.openai;

import io.imagine4j.testkit.internal.json.JsonObject;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Over real HTTP: any number of videos, any page size, either order, the cursor walk sees each video once, in order. */
class OpenAiPropertiesTest {

    // One simulator for every try (starting a server per try costs more than the try), reset before each.
    private static OpenAiSimulator openai;
    private static OpenAiClient client;

    @BeforeContainer
    static void start() {
        openai = OpenAiSimulator.start();
        client = new OpenAiClient(openai);
    }

    @AfterContainer
    static void stop() {
        openai.close();
    }

    @BeforeTry
    void reset() {
        openai.reset();
    }

    @Property(tries = 40)
    void walkingThePagesListsEveryVideoOnceInOrder(@ForAll @IntRange(max = 23) int videos, @ForAll @IntRange(min = 1, max = 10) int limit,
                                                   @ForAll boolean ascending) throws IOException {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < videos; i++) {
            created.add(client.created("Video " + i));
        }
        if (!ascending) {
            Collections.reverse(created);
        }
        assertThat(OpenAiListTest.walk(client, limit, ascending ? "asc" : "desc")).containsExactlyElementsOf(created);
    }

    @Property(tries = 60)
    void anyPromptSurvivesTheMultipartRoundTrip(@ForAll @StringLength(min = 1, max = 300) String prompt,
                                                @ForAll MultipartBody.Style style) throws IOException {
        // A prompt that happens to hold a directive is refused by design; the property is about bytes.
        String safe = prompt.replace("#sim:", "#sim ");
        JsonObject video = OpenAiClient.video(client.post("/videos", MultipartBody.of(style).field("prompt", safe)));
        assertThat(video.string("prompt")).contains(safe);
    }
}
