package io.imagine4j.store.jdbc.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import java.util.List;
import java.util.Map;

/**
 * A provider extra as stored, tagged with its Java type so that it comes back equal: JSON alone
 * cannot tell {@code 5} from {@code 5L}, nor {@code 1.0} from {@code 1.00}. Floating-point and
 * big numbers are kept as their decimal text, exactly.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
        @JsonSubTypes.Type(value = StoredValue.Text.class, name = "string"),
        @JsonSubTypes.Type(value = StoredValue.Flag.class, name = "boolean"),
        @JsonSubTypes.Type(value = StoredValue.Int8.class, name = "byte"),
        @JsonSubTypes.Type(value = StoredValue.Int16.class, name = "short"),
        @JsonSubTypes.Type(value = StoredValue.Int32.class, name = "int"),
        @JsonSubTypes.Type(value = StoredValue.Int64.class, name = "long"),
        @JsonSubTypes.Type(value = StoredValue.Float32.class, name = "float"),
        @JsonSubTypes.Type(value = StoredValue.Float64.class, name = "double"),
        @JsonSubTypes.Type(value = StoredValue.Integral.class, name = "bigint"),
        @JsonSubTypes.Type(value = StoredValue.Decimal.class, name = "decimal"),
        @JsonSubTypes.Type(value = StoredValue.ListOf.class, name = "list"),
        @JsonSubTypes.Type(value = StoredValue.MapOf.class, name = "map"),
        @JsonSubTypes.Type(value = StoredValue.Null.class, name = "null"),
        @JsonSubTypes.Type(value = StoredValue.Media.class, name = "media")})
public sealed interface StoredValue {

    record Text(@JsonProperty("value") String value) implements StoredValue {
    }

    record Flag(@JsonProperty("value") boolean value) implements StoredValue {
    }

    record Int8(@JsonProperty("value") byte value) implements StoredValue {
    }

    record Int16(@JsonProperty("value") short value) implements StoredValue {
    }

    record Int32(@JsonProperty("value") int value) implements StoredValue {
    }

    record Int64(@JsonProperty("value") long value) implements StoredValue {
    }

    /** {@link Float#toString(float)}, so NaN and infinities survive too. */
    record Float32(@JsonProperty("value") String value) implements StoredValue {
    }

    /** {@link Double#toString(double)}, so NaN and infinities survive too. */
    record Float64(@JsonProperty("value") String value) implements StoredValue {
    }

    record Integral(@JsonProperty("value") String value) implements StoredValue {
    }

    /** {@link java.math.BigDecimal#toString()}: its scale is kept. */
    record Decimal(@JsonProperty("value") String value) implements StoredValue {
    }

    record ListOf(@JsonProperty("items") List<StoredValue> items) implements StoredValue {
    }

    record MapOf(@JsonProperty("fields") Map<String, StoredValue> fields) implements StoredValue {
    }

    record Null() implements StoredValue {
    }

    /** A {@link io.imagine4j.core.model.MediaSource} among the extras. */
    record Media(@JsonProperty("media") StoredSource media) implements StoredValue {
    }
}
