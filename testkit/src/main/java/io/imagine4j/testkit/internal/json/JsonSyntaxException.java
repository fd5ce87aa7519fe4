package io.imagine4j.testkit.internal.json;

/** Text that is not JSON, with the offset (in chars) where reading stopped. */
public final class JsonSyntaxException extends IllegalArgumentException {

    private final int offset;

    public JsonSyntaxException(String problem, int offset) {
        super(problem + " at offset " + offset);
        this.offset = offset;
    }

    public int offset() {
        return offset;
    }
}
