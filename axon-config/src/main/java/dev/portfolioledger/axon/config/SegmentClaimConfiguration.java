package dev.portfolioledger.axon.config;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Duration;

/**
 * How the instances sharing one PostgreSQL share the segments of every pooled processor, and how
 * fast the others take over the segments of one that died.
 *
 * <p>A segment belongs to the instance whose claim in {@code tokenentry} is younger than the token
 * store's claim timeout ({@code axon.eventhandling.tokenstore.claim-timeout}, 2 s here instead of
 * Axon's 10 s). Every other instance's coordinator looks for unclaimed or expired segments every
 * {@code token-claim-interval} (500 ms, application.yml), so the segments of a killed instance are
 * taken over within the claim timeout plus one interval: at most 2.5 s, well inside the 10 s that
 * a mutation waits for its views (read your writes), so no mutation answers {@code TIMEOUT}
 * because of a takeover.
 *
 * <p>A short timeout needs claims renewed often: Axon renews a claim when a batch stores its token,
 * but an idle segment only after {@code claimExtensionThreshold} (5 s by default, longer than the
 * timeout: the others would steal every idle segment). Here an idle claim is renewed every
 * {@code portfolio.processors.claim-extension-threshold} (500 ms), and the coordinator renews the
 * claims of segments whose batch runs long (a rebuild's batch of 500 events can take longer than
 * 2 s), so only an instance that stopped for good, or stalled longer than the timeout, loses its
 * segments. Losing one is safe either way: a batch stores its token in its own transaction, so a
 * stalled instance's batch fails to commit and the new owner handles those events once.
 */
@Configuration(proxyBeanMethods = false)
public class SegmentClaimConfiguration {

    /**
     * @param claimExtensionThreshold how often an idle segment's claim is renewed
     * @param claimTimeout            the token store's claim timeout; the threshold must leave room for
     *                                at least three renewals within it, so that one slow renewal (a
     *                                busy database) does not cost the claim
     */
    @Bean
    public ConfigurerModule segmentClaims(
            @Value("${portfolio.processors.claim-extension-threshold:PT0.5S}") Duration claimExtensionThreshold,
            @Value("${axon.eventhandling.tokenstore.claim-timeout:PT10S}") Duration claimTimeout) {
        requireRenewalsWithinTimeout(claimExtensionThreshold, claimTimeout);
        long thresholdMillis = claimExtensionThreshold.toMillis();
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                (config, builder) -> builder.claimExtensionThreshold(thresholdMillis)
                        .enableCoordinatorClaimExtension());
    }

    static void requireRenewalsWithinTimeout(Duration claimExtensionThreshold, Duration claimTimeout) {
        if (claimExtensionThreshold.isNegative() || claimExtensionThreshold.isZero()) {
            throw new IllegalArgumentException("portfolio.processors.claim-extension-threshold must be positive, was "
                    + claimExtensionThreshold);
        }
        if (claimExtensionThreshold.multipliedBy(3).compareTo(claimTimeout) > 0) {
            throw new IllegalArgumentException("portfolio.processors.claim-extension-threshold (" + claimExtensionThreshold
                    + ") must be at most a third of axon.eventhandling.tokenstore.claim-timeout (" + claimTimeout
                    + "), or instances would take each other's segments");
        }
    }
}
