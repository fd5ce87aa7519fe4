/**
 * The OpenAI-compatible video API's wire format: the Feign interface of its JSON endpoints and the
 * bodies, field for field as OpenAI's OpenAPI document names them. Internal to the adapter; nothing
 * here is part of imagine4j's API.
 */
package io.imagine4j.openai.wire;
