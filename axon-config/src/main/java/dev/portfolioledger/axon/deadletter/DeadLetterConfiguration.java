package dev.portfolioledger.axon.deadletter;

import org.axonframework.config.ConfigurerModule;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.function.Supplier;

/**
 * Every streaming processing group, present and future, dead-letters a failing event on its own,
 * also when the database aborted the batch's transaction (see {@link FailureIsolation}).
 */
@Configuration
public class DeadLetterConfiguration {

    @Bean
    public FailureIsolation failureIsolation(
            @Value("${portfolio.dead-letters.isolated-batches:3}") int isolatedBatches) {
        return new FailureIsolation(isolatedBatches);
    }

    /**
     * Savepoints come from the transaction manager Axon's SpringTransactionManager uses, so they
     * are taken on the connection the batch's transaction holds (NESTED: a savepoint inside a
     * running transaction). Axon finds HandlerEnhancerDefinition beans on its own.
     */
    @Bean
    public IsolatingHandlerEnhancer isolatingHandlerEnhancer(ObjectProvider<PlatformTransactionManager> transactions) {
        Supplier<TransactionOperations> savepoints = new Supplier<>() {
            private volatile TransactionOperations template;

            @Override
            public TransactionOperations get() {
                if (template == null) {
                    TransactionTemplate nested = new TransactionTemplate(transactions.getObject());
                    nested.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
                    template = nested;
                }
                return template;
            }
        };
        return new IsolatingHandlerEnhancer(savepoints);
    }

    @Bean
    public ConfigurerModule deadLetterIsolation(FailureIsolation isolation) {
        return configurer -> configurer.eventProcessing()
                .registerDefaultHandlerInterceptor((config, processorName) -> isolation.interceptorFor(processorName))
                .registerDefaultDeadLetterPolicy(config -> new RetryCountingEnqueuePolicy());
    }
}
