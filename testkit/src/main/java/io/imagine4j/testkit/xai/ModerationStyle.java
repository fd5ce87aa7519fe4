package io.imagine4j.testkit.xai;

/**
 * The two ways xAI reports a video blocked by moderation; both are terminal and billed.
 */
public enum ModerationStyle {
    /**
     * The poll itself fails: {@code HTTP 400 {"code":"imagine:content-moderated","error":"Generated
     * video rejected by content moderation.","usage":{…}}}. The default: it is what the live
     * service was seen to send, and the harder case for clients (a 400 on a GET that must not be
     * retried). Directive {@code moderated=400}.
     */
    HTTP_400,
    /**
     * The poll says done, but {@code video.respect_moderation} is false and {@code video.url} is
     * empty. Directive {@code moderated=flag}.
     */
    RESPECT_MODERATION_FALSE
}
