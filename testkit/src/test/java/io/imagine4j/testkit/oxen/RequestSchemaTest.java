package io.imagine4j.testkit.oxen;

import io.imagine4j.testkit.internal.json.JsonArray;
import io.imagine4j.testkit.internal.json.JsonBoolean;
import io.imagine4j.testkit.internal.json.JsonNull;
import io.imagine4j.testkit.internal.json.JsonNumber;
import io.imagine4j.testkit.internal.json.JsonObject;
import io.imagine4j.testkit.internal.json.JsonString;
import io.imagine4j.testkit.internal.json.JsonValue;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RequestSchemaTest {

    private final RequestSchema grok = new RequestSchema(OxenModel.GROK_IMAGINE_VIDEO.requestSchema());
    private final RequestSchema kling = new RequestSchema(OxenModel.KLING_TEXT_TO_VIDEO.requestSchema());

    @Property(tries = 300)
    void aDurationFitsExactlyWhenItIsAWholeNumberFromOneToFifteen(@ForAll @IntRange(min = -50, max = 80) int seconds) {
        List<String> problems = grok.violations(params("prompt", new JsonString("x"), "duration", JsonNumber.of(seconds)));
        assertThat(problems.isEmpty()).isEqualTo(seconds >= 1 && seconds <= 15);
        problems.forEach(problem -> assertThat(problem).startsWith("duration must be at ").endsWith("; got " + seconds));
    }

    @Property(tries = 200)
    void anEnumAcceptsItsValuesOnly(@ForAll("anyAspectRatio") String ratio) {
        boolean known = List.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3").contains(ratio);
        assertThat(grok.violations(params("prompt", new JsonString("x"), "aspect_ratio", new JsonString(ratio))).isEmpty()).isEqualTo(known);
    }

    @Provide
    Arbitrary<String> anyAspectRatio() {
        return Arbitraries.oneOf(
                Arbitraries.of("1:1", "16:9", "9:16", "4:3", "3:4", "3:2", "2:3"),
                Arbitraries.integers().between(1, 40).flatMap(w -> Arbitraries.integers().between(1, 40)
                        .map(h -> w + ":" + h)),
                Arbitraries.strings().ofMaxLength(6));
    }

    @Test
    void typesAreCheckedBeforeValuesAndNumbersCompareByValue() {
        assertThat(grok.violations(params("prompt", new JsonString("x"), "duration", new JsonString("8"))))
                .containsExactly("duration must be an integer; got \"8\"");
        assertThat(grok.violations(params("prompt", new JsonString("x"), "duration", new JsonNumber(new BigDecimal("8.5")))))
                .containsExactly("duration must be an integer; got 8.5");
        assertThat(grok.violations(params("prompt", new JsonString("x"), "duration", new JsonNumber(new BigDecimal("8.0"))))).isEmpty();
        assertThat(kling.violations(params("prompt", new JsonString("x"), "duration", new JsonNumber(new BigDecimal("10.0"))))).isEmpty();
        assertThat(kling.violations(params("prompt", new JsonString("x"), "generate_audio", new JsonString("yes"))))
                .containsExactly("generate_audio must be a boolean; got \"yes\"");
        assertThat(kling.violations(params("prompt", new JsonString("x"), "generate_audio", JsonBoolean.TRUE))).isEmpty();
    }

    @Test
    void requiredMeansPresentAndNotNullAndAnyOfNeedsOneAlternative() {
        assertThat(grok.violations(params())).containsExactly("prompt is required");
        assertThat(grok.violations(params("prompt", JsonNull.INSTANCE))).containsExactly("prompt is required");
        assertThat(grok.violations(params("prompt", new JsonString("  ")))).containsExactly("prompt must not be empty");
        assertThat(kling.violations(params())).containsExactly("one of prompt or multi_prompt is required");
        assertThat(kling.violations(params("multi_prompt", new JsonArray(List.of(new JsonString("a")))))).isEmpty();
    }

    @Test
    void arraysAreCheckedItemByItemAndBySize() {
        assertThat(kling.violations(params("multi_prompt", new JsonArray(List.of(new JsonString("a"), JsonNumber.of(2))))))
                .containsExactly("multi_prompt[1] must be a string; got 2");
        assertThat(kling.violations(params("multi_prompt", new JsonArray(List.of()))))
                .containsExactly("multi_prompt needs at least 1 item(s); got 0");
        JsonArray seven = new JsonArray(List.of(new JsonString("a"), new JsonString("b"), new JsonString("c"), new JsonString("d"),
                new JsonString("e"), new JsonString("f"), new JsonString("g")));
        assertThat(kling.violations(params("multi_prompt", seven))).containsExactly("multi_prompt takes at most 6 items; got 7");
    }

    @Test
    void urlsMustBeAbsoluteHttpOrData() {
        RequestSchema edit = new RequestSchema(OxenModel.GROK_IMAGINE_VIDEO_EDIT.requestSchema());
        for (String good : List.of("https://cdn.example/a.mp4", "http://127.0.0.1:8080/x", "data:video/mp4;base64,AAAA")) {
            assertThat(edit.violations(params("prompt", new JsonString("x"), "input_video", new JsonString(good)))).as(good).isEmpty();
        }
        for (String bad : List.of("clip.mp4", "ftp://host/a.mp4", "https://", "data:nothing")) {
            assertThat(edit.violations(params("prompt", new JsonString("x"), "input_video", new JsonString(bad))))
                    .as(bad).containsExactly("input_video must be a URL; got \"" + bad + "\"");
        }
    }

    @Test
    void propertiesTheSchemaDoesNotNameArePassedOver() {
        assertThat(grok.violations(params("prompt", new JsonString("x"), "style", JsonNumber.of(3), "generate_audio", new JsonString("?"))))
                .isEmpty();
    }

    private static JsonObject params(Object... pairs) {
        JsonObject.Builder builder = JsonObject.builder();
        for (int i = 0; i < pairs.length; i += 2) {
            builder.put((String) pairs[i], (JsonValue) pairs[i + 1]);
        }
        return builder.build();
    }
}
