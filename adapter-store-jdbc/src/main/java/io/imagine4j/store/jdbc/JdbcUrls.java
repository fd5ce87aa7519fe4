package io.imagine4j.store.jdbc;

import java.util.regex.Pattern;

/** JDBC URLs fit for messages and logs: without user information or parameters (a password may hide in either). */
final class JdbcUrls {

    private static final Pattern USER_INFO = Pattern.compile("//[^/@?;]*@");

    private JdbcUrls() {
    }

    /** {@code jdbc:postgresql://db:5432/jobs?user=app&password=s3cret} → {@code jdbc:postgresql://db:5432/jobs}. */
    static String withoutCredentials(String url) {
        if (url == null || url.isBlank()) {
            return "an unnamed database";
        }
        String bare = url;
        int parameters = indexOfAny(bare, '?', ';');
        if (parameters >= 0) {
            bare = bare.substring(0, parameters);
        }
        return USER_INFO.matcher(bare).replaceFirst("//");
    }

    private static int indexOfAny(String text, char first, char second) {
        int a = text.indexOf(first);
        int b = text.indexOf(second);
        return a < 0 ? b : b < 0 ? a : Math.min(a, b);
    }
}
