package dev.portfolioledger.app.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.nio.file.Path;

/**
 * Settings of the embedded PostgreSQL that runs when no external database is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts
 * @param port          TCP port on 127.0.0.1; 0 picks a free one
 * @param durable       whether a commit waits for the disk (fsync and synchronous commit on);
 *                      only a throw-away database may turn it off, for speed
 */
@ConfigurationProperties("portfolio.embedded-postgres")
public record EmbeddedPostgresProperties(Path dataDirectory, Integer port, Boolean durable) {

    public EmbeddedPostgresProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".portfolio-ledger", "pgdata");
        }
        if (port == null) {
            port = 0;
        }
        if (durable == null) {
            durable = true;
        }
    }
}
