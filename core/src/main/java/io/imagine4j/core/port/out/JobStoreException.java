package io.imagine4j.core.port.out;

import io.imagine4j.core.model.Imagine4jException;

/**
 * A {@link JobStore} could not do what was asked: the database is unreadable or corrupt, the disk
 * is full, the connection is lost. The message names the store (never its password) and what was
 * being done; what the store had committed before is not lost.
 *
 * <pre>{@code
 * try {
 *     jobs.submit(request);
 * } catch (JobStoreException e) {
 *     // nothing was sent: the job could not be recorded first
 * }
 * }</pre>
 */
public class JobStoreException extends Imagine4jException {

    public JobStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public JobStoreException(String message) {
        super(message);
    }
}
