package io.imagine4j.spring.autoconfigure;

import io.imagine4j.core.port.out.JobStore;
import io.imagine4j.store.jdbc.JdbcJobStore;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnSingleCandidate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import javax.sql.DataSource;

/**
 * The durable job store on the application's {@link DataSource}, its schema migrated as it opens,
 * when {@code imagine4j-store-jdbc} is on the classpath: chosen by {@code imagine4j.store.type=auto}
 * (the default) when the application has a DataSource, and required by {@code jdbc}. The store
 * leaves the pool to the application on close.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnClass(JdbcJobStore.class)
class JdbcStoreConfiguration {

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "imagine4j.store.type", havingValue = "auto", matchIfMissing = true)
    @ConditionalOnSingleCandidate(DataSource.class)
    static class WhenTheApplicationHasADataSource {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(JobStore.class)
        JdbcJobStore imagine4jJdbcJobStore(DataSource dataSource) {
            return open(dataSource);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnProperty(name = "imagine4j.store.type", havingValue = "jdbc")
    static class WhenAsked {

        @Bean(destroyMethod = "close")
        @ConditionalOnMissingBean(JobStore.class)
        JdbcJobStore imagine4jJdbcJobStore(ObjectProvider<DataSource> dataSource) {
            DataSource chosen = dataSource.getIfUnique();
            if (chosen == null) {
                throw new IllegalStateException("imagine4j.store.type=jdbc, but the application has no single DataSource:"
                        + " configure spring.datasource.*, mark one DataSource @Primary, or declare a JobStore bean.");
            }
            return open(chosen);
        }
    }

    private static JdbcJobStore open(DataSource dataSource) {
        try {
            return JdbcJobStore.on(dataSource);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("imagine4j's job store cannot use the application's DataSource (" + e.getMessage()
                    + "). Set imagine4j.store.type=memory, or declare a JobStore bean (JdbcJobStore.sqlite(directory)"
                    + " keeps the jobs of one instance in a file).", e);
        }
    }
}
