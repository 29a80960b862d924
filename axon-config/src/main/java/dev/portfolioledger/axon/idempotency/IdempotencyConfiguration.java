package dev.portfolioledger.axon.idempotency;

import org.axonframework.config.ConfigurerModule;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the command ledger into the command bus and the scope into context propagation. */
@Configuration
public class IdempotencyConfiguration {

    static {
        IdempotencyScope.registerThreadLocalAccessor();
    }

    @Bean
    public ConfigurerModule idempotentCommands(CommandLedger ledger) {
        return configurer -> configurer.onInitialize(config -> config.onStart(
                () -> config.commandBus().registerHandlerInterceptor(new IdempotentCommandInterceptor(ledger))));
    }
}
