/**
 * The xAI video API's wire format: Feign interface and JSON bodies, field for field as xAI's
 * OpenAPI document names them. Internal to the adapter; nothing here is part of imagine4j's API.
 */
package io.imagine4j.xai.wire;
