package dev.portfolioledger.app.idempotency;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * Idempotency-Key settings.
 *
 * @param retention     how long a key's record (and so its replayed response) is kept; at least a day
 *                      by default, as clients retry across outages
 * @param lease         how long one attempt may run before a retry may take the key over; longer than
 *                      any request (the read-your-writes timeout plus the command)
 * @param purgeInterval how often expired records are deleted
 * @param purgeBatch    at most this many records are deleted per statement
 */
@ConfigurationProperties("portfolio.idempotency")
public record IdempotencyProperties(Duration retention, Duration lease, Duration purgeInterval, Integer purgeBatch) {

    public IdempotencyProperties {
        retention = retention == null ? Duration.ofHours(24) : retention;
        lease = lease == null ? Duration.ofSeconds(30) : lease;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(10) : purgeInterval;
        purgeBatch = purgeBatch == null ? 1000 : purgeBatch;
    }
}
