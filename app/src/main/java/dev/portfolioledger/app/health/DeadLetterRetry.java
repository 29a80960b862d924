package dev.portfolioledger.app.health;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.messaging.deadletter.SequencedDeadLetterProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Retries dead-lettered events now and then, so that a view that failed on a passing problem
 * (a lost connection, a deadlock) heals without an operator; letters that keep failing stay
 * parked and visible in the health endpoint.
 */
@Component
public class DeadLetterRetry {

    private static final Logger log = LoggerFactory.getLogger(DeadLetterRetry.class);
    private static final int MAX_SEQUENCES_PER_RUN = 100;

    private final EventProcessingConfiguration processing;

    public DeadLetterRetry(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    @Scheduled(initialDelayString = "${portfolio.dead-letters.retry-interval:PT1M}",
               fixedDelayString = "${portfolio.dead-letters.retry-interval:PT1M}")
    void retry() {
        for (String group : processing.eventProcessors().keySet()) {
            processing.sequencedDeadLetterProcessor(group).ifPresent(letters -> retry(group, letters));
        }
    }

    private static void retry(String group, SequencedDeadLetterProcessor<?> letters) {
        int healed = 0;
        for (int i = 0; i < MAX_SEQUENCES_PER_RUN && letters.processAny(); i++) {
            healed++;
        }
        if (healed > 0) {
            log.info("Processing group {}: {} dead-lettered sequence(s) processed on retry", group, healed);
        }
    }
}
