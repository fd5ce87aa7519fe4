package io.imagine4j.store.jdbc;

/**
 * A failure in one line for a {@code JobStoreException}'s message: what the outermost layer said
 * (Flyway, the pool, the driver), and the root cause when it adds something ("database or disk
 * is full", "Connection refused").
 */
final class Causes {

    private Causes() {
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String outer = firstLine(failure);
        String inner = firstLine(root);
        return root == failure || outer.contains(inner) ? outer : outer + " (" + inner + ")";
    }

    private static String firstLine(Throwable failure) {
        String message = failure.getMessage();
        if (message == null || message.isBlank()) {
            return failure.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.isEmpty() ? failure.getClass().getSimpleName() : line;
    }
}
