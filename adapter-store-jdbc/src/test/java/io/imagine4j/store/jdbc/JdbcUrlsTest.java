package io.imagine4j.store.jdbc;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A JDBC URL in a message keeps where the database is and drops what may hold a password. */
class JdbcUrlsTest {

    @Test
    void parameters_and_user_information_are_dropped() {
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db:5432/jobs?user=app&password=s3cret"))
                .isEqualTo("jdbc:postgresql://db:5432/jobs");
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://app:s3cret@db/jobs")).isEqualTo("jdbc:postgresql://db/jobs");
        assertThat(JdbcUrls.withoutCredentials("jdbc:sqlserver://db;user=app;password=s3cret")).isEqualTo("jdbc:sqlserver://db");
        assertThat(JdbcUrls.withoutCredentials("jdbc:postgresql://db1,db2/jobs")).isEqualTo("jdbc:postgresql://db1,db2/jobs");
        assertThat(JdbcUrls.withoutCredentials(null)).isEqualTo("an unnamed database");
    }
}
