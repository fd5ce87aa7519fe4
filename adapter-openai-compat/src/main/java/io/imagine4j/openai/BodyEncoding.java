package io.imagine4j.openai;

/**
 * How submits are sent. Both are OpenAI's API; servers behind gateways sometimes take only one.
 *
 * <pre>{@code
 * VideoProvider json = OpenAiVideos.builder().baseUrl("https://gateway.example.com/v1").encoding(BodyEncoding.JSON).build();
 * }</pre>
 */
public enum BodyEncoding {
    /**
     * {@code multipart/form-data}, as every official SDK sends it (the default): input images and
     * videos as file parts with a filename and a Content-Type, streamed from disk; previous results
     * by id.
     */
    MULTIPART,
    /**
     * {@code application/json}: input images as {@code {"image_url": …}} (local ones inlined as
     * {@code data:} URLs), videos to edit or extend only as previous results by id.
     */
    JSON
}
