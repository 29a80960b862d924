package dev.portfolioledger.axon.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.portfolioledger.axon.audit.AuditCorrelationDataProvider;
import dev.portfolioledger.axon.audit.LoggingContextInterceptor;
import dev.portfolioledger.axon.command.AuditCommandDispatchInterceptor;
import dev.portfolioledger.axon.command.IntegrityGuardInterceptor;
import dev.portfolioledger.axon.command.RefusalTransport;
import dev.portfolioledger.axon.command.StorableTextInterceptor;
import dev.portfolioledger.axon.integrity.IntegrityStatus;
import dev.portfolioledger.axon.serialization.TypedIdModule;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;

/**
 * Axon wiring shared by both sides: one Jackson mapper for events, tokens and HTTP; audit
 * metadata on every command and event; errors that propagate instead of being logged and
 * skipped.
 */
@Configuration
public class AxonInfrastructureConfiguration {

    /**
     * The mapper Axon's Jackson serializer picks up by this bean name. Events are records, read
     * back through their canonical constructors; java.time values are written as ISO strings.
     * Untyped JSON numbers with a fraction or exponent are read as BigDecimal, never double: a
     * GraphQL variable {@code 1e-1000000} would otherwise arrive as 0.0 and an amount of 17 digits
     * rounded, silently storing something other than what was sent.
     */
    @Bean("defaultAxonObjectMapper")
    @Primary
    public ObjectMapper defaultAxonObjectMapper() {
        return new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(new TypedIdModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
                .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    }

    /** Replaces Axon's default, which does not recognise PostgreSQL's duplicate key errors. */
    @Bean
    public PersistenceExceptionResolver persistenceExceptionResolver() {
        return new UniqueViolationResolver();
    }

    @Bean
    EventArrivalSignal eventArrivalSignal(EventStore eventStore) {
        return new EventArrivalSignal(eventStore);
    }

    /** The source the pooled processors read (application.yml names it per processing group). */
    @Bean
    public SignallingEventSource signallingEventSource(EventStore eventStore, EventArrivalSignal signal) {
        return new SignallingEventSource(eventStore, signal);
    }

    @Bean
    public CorrelationDataProvider auditCorrelationDataProvider() {
        return new AuditCorrelationDataProvider();
    }

    /**
     * Dispatch interceptors of every command: audit stamping, storable text, and the integrity guard,
     * which refuses commands against an aggregate whose stream failed verification (when an
     * {@link IntegrityStatus} is configured).
     */
    @Bean
    public ConfigurerModule auditCommandStamping(ObjectProvider<IntegrityStatus> integrityStatus) {
        return configurer -> configurer.onInitialize(config -> config.onStart(() -> {
            CommandBus commandBus = config.commandBus();
            commandBus.registerDispatchInterceptor(new AuditCommandDispatchInterceptor());
            commandBus.registerDispatchInterceptor(new StorableTextInterceptor());
            // looked up once, when Axon starts (every singleton exists by then), not per command
            IntegrityStatus verdicts = integrityStatus.getIfAvailable();
            commandBus.registerDispatchInterceptor(new IntegrityGuardInterceptor(() -> verdicts));
            commandBus.registerHandlerInterceptor(new LoggingContextInterceptor<>());
            commandBus.registerHandlerInterceptor(new RefusalTransport());
        }));
    }

    /** Every event processor's handlers log with the request, correlation id and actor of the event they apply. */
    @Bean
    public ConfigurerModule eventLoggingContext() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> new LoggingContextInterceptor<>());
    }

    /**
     * A failing handler must never leave a silently wrong view: errors propagate (the pooled
     * processors then retry or park the sequence in the dead-letter queue; a subscribing
     * command-side lookup fails the command and rolls its transaction back).
     */
    @Bean
    public ConfigurerModule propagatingErrors() {
        return configurer -> configurer.eventProcessing()
                .registerDefaultListenerInvocationErrorHandler(config -> PropagatingErrorHandler.instance())
                .registerDefaultErrorHandler(config -> PropagatingErrorHandler.instance());
    }
}
