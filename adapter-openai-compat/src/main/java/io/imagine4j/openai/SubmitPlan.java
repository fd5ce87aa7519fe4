package io.imagine4j.openai;

import io.imagine4j.http.response.ApiResponse;
import io.imagine4j.openai.wire.OpenAiApi;
import io.imagine4j.openai.wire.VideoObject;

import java.util.Objects;
import java.util.function.Function;

/** How one submit goes out: a JSON call through the Feign client, or a streamed multipart form. */
sealed interface SubmitPlan {

    /** A JSON body, sent by the Feign client. */
    record Json(Function<OpenAiApi, ApiResponse<VideoObject>> call) implements SubmitPlan {
        public Json {
            Objects.requireNonNull(call, "call");
        }
    }

    /** A multipart body posted to {@code path} (below the base URL). */
    record Form(String path, MultipartBody body) implements SubmitPlan {
        public Form {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(body, "body");
        }
    }
}
