package io.imagine4j.cli;

/** Input the command cannot act on; reported in one sentence, exit code 2, nothing submitted. */
final class UsageException extends RuntimeException {

    UsageException(String message) {
        super(message);
    }
}
