package dev.portfolioledger.app.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The default run mode: with no {@code spring.datasource.url}, the app starts a real PostgreSQL
 * (zonky's embedded binaries) whose data directory survives restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
public class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /**
     * Taken before anything looks at the data directory: a second instance on the same
     * directory is refused here and touches nothing, least of all the first one's server.
     */
    @Bean(destroyMethod = "close")
    DataDirectoryLock dataDirectoryLock(EmbeddedPostgresProperties properties) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath();
        Files.createDirectories(dataDirectory);
        // one directory has one lock, whatever path (symbolic links included) names it
        return DataDirectoryLock.acquire(dataDirectory.toRealPath());
    }

    /** Takes the lock as a parameter so that it is held first and released last (beans close in reverse). */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DataDirectoryLock lock) throws IOException {
        Path dataDirectory = properties.dataDirectory().toAbsolutePath().toRealPath();
        OrphanedServerRecovery.recover(dataDirectory);
        int port = properties.port() == 0 ? freePort() : properties.port();
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Spring closes the bean, after the web server and the event processors have
                // stopped; zonky's own hook would stop the server at the same time as they do
                .setRegisterShutdownHook(false);
        if (properties.durable()) {
            // zonky's defaults are test settings: it starts postgres with -F (fsync off) and
            // synchronous_commit=off, so an OS crash could lose acknowledged events. Its -c
            // options follow -F on the command line, and the later setting wins.
            builder.setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
            log.info("Starting embedded PostgreSQL on 127.0.0.1:{} with data in {} (durable: fsync and synchronous commit on)",
                     port, dataDirectory);
        } else {
            log.warn("Starting embedded PostgreSQL on 127.0.0.1:{} with data in {} NOT durable (fsync and synchronous "
                     + "commit off): an OS crash can lose acknowledged changes", port, dataDirectory);
        }
        return builder.start();
    }

    @Bean
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres) {
        return DataSourceBuilder.create()
                .type(HikariDataSource.class)
                .driverClassName("org.postgresql.Driver")
                .url(postgres.getJdbcUrl("postgres", "postgres"))
                .username("postgres")
                .password("")
                .build();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
