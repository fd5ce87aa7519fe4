/**
 * The Oxen hub's wire format: the Feign interface and the JSON bodies, field for field as
 * {@code oxen-hub-ai.openapi.json} names them (and as older servers spelled some). Internal to the
 * adapter; nothing here is part of imagine4j's API.
 */
package io.imagine4j.oxen.wire;
