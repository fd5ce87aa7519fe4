package io.imagine4j.oxen;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.imagine4j.http.call.ApiCall;
import io.imagine4j.oxen.wire.ModelBody;
import io.imagine4j.oxen.wire.OxenApi;
import io.vavr.control.Option;
import io.vavr.control.Try;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code request_schema} of each model, compiled once and kept: learnt from the model list when
 * it was fetched, else fetched from {@code GET /ai/models/{id}} the first time a request names the
 * model. A model without a schema is remembered as such; a fetch that failed is tried again at the
 * next request.
 */
final class ModelSchemas {

    private static final Logger LOG = LoggerFactory.getLogger(ModelSchemas.class);

    private final OxenApi api;
    private final ApiCall calls;
    // Oxen publishes plain schemas without "$schema"; draft 7 reads them and asserts "format".
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7);
    private final Map<String, Option<Schema>> compiled = new ConcurrentHashMap<>();

    ModelSchemas(OxenApi api, ApiCall calls) {
        this.api = api;
        this.calls = calls;
    }

    /** Keeps the schema {@code model} came with. */
    void learn(ModelBody model) {
        if (model.id() != null) {
            compiled.put(model.id(), compile(model.id(), model.requestSchema()));
        }
    }

    /** The compiled schema of {@code model}; none when it has none, or it could not be had right now. */
    Option<Schema> of(String model) {
        Option<Schema> known = compiled.get(model);
        if (known != null) {
            return known;
        }
        return calls.fetch(() -> api.model(model)).fold(failure -> {
            LOG.debug("the request_schema of {} could not be fetched, so it is not checked before the submit: {}", model, failure);
            return Option.<Schema>none();
        }, body -> {
            Option<Schema> schema = compile(model, body.requestSchema());
            compiled.putIfAbsent(model, schema);
            return schema;
        });
    }

    private Option<Schema> compile(String model, JsonNode schema) {
        if (schema == null || !schema.isObject() || schema.isEmpty()) {
            return Option.none();
        }
        return Try.of(() -> registry.getSchema(schema.toString(), InputFormat.JSON))
                .onFailure(error -> LOG.warn("the request_schema of {} is not a usable JSON Schema ({}); it is not checked",
                        model, error.getClass().getSimpleName()))
                .toOption();
    }
}
