package io.imagine4j.cli;

/**
 * Keeps library logging off the terminal unless asked: warnings only by default, HTTP calls (keys
 * redacted by the http kit) with {@code --verbose}. Set before the first logger exists.
 */
final class Logging {

    private Logging() {
    }

    static void configure(boolean verbose) {
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", verbose ? "debug" : "warn");
        System.setProperty("org.slf4j.simpleLogger.showThreadName", "false");
        System.setProperty("org.slf4j.simpleLogger.showLogName", "false");
    }
}
