package dev.portfolioledger.app.idempotency;

import dev.portfolioledger.axon.idempotency.IdempotencyRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deletes Idempotency-Key records past their retention, in bounded batches: a long outage or a
 * first run after a while may find many, and one huge delete would hold locks and bloat WAL.
 * Several instances may run it at once; each deletes rows the other has not.
 */
@Component
public class IdempotencyPurge {

    private static final Logger log = LoggerFactory.getLogger(IdempotencyPurge.class);
    private static final int MAX_BATCHES_PER_RUN = 100;

    private final IdempotencyRecords records;
    private final IdempotencyProperties properties;

    public IdempotencyPurge(IdempotencyRecords records, IdempotencyProperties properties) {
        this.records = records;
        this.properties = properties;
    }

    @Scheduled(initialDelayString = "${portfolio.idempotency.purge-interval:PT10M}",
               fixedDelayString = "${portfolio.idempotency.purge-interval:PT10M}")
    public int purge() {
        int total = 0;
        for (int batch = 0; batch < MAX_BATCHES_PER_RUN; batch++) {
            int deleted = records.purgeExpired(properties.purgeBatch());
            total += deleted;
            if (deleted < properties.purgeBatch()) {
                break;
            }
        }
        if (total > 0) {
            log.info("Deleted {} expired Idempotency-Key record(s)", total);
        }
        return total;
    }
}
