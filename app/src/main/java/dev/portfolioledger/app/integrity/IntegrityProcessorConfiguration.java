package dev.portfolioledger.app.integrity;

import dev.portfolioledger.axon.ProcessingGroups;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.StreamableMessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The {@code integrity} processor starts at the first event, as a regular run, never as a replay.
 * Axon 4's pooled processor begins without a stored token with a replay up to the head, and the appender
 * is {@code @DisallowReplay}: on a database that already held events when the log was first started (an
 * installation upgraded to the audit log, a data set loaded before the first start) every one of them
 * would be skipped, left without a leaf and reported as {@code UNEXPECTED_LEAF}.
 */
@IntegrityEnabled
@Configuration(proxyBeanMethods = false)
public class IntegrityProcessorConfiguration {

    @Bean
    ConfigurerModule integrityFromTheFirstEvent() {
        return configurer -> configurer.eventProcessing().registerPooledStreamingEventProcessorConfiguration(
                ProcessingGroups.INTEGRITY, (config, builder) -> builder.initialToken(StreamableMessageSource::createTailToken));
    }
}
