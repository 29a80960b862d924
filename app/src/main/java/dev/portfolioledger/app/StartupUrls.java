package dev.portfolioledger.app;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started the service where to reach it. */
@Component
class StartupUrls {

    private static final Logger log = LoggerFactory.getLogger(StartupUrls.class);

    @EventListener
    void onReady(ApplicationReadyEvent ready) {
        if (!(ready.getApplicationContext() instanceof WebServerApplicationContext web)) {
            return;
        }
        Environment env = ready.getApplicationContext().getEnvironment();
        String base = "http://localhost:" + web.getWebServer().getPort();
        String graphQlPath = env.getProperty("spring.graphql.path", "/graphql");
        log.info("Portfolio Ledger is ready. GraphQL endpoint: {}{}", base, graphQlPath);
        if (env.getProperty("portfolio.graphiql.enabled", Boolean.class, false)) {
            log.info("GraphiQL: {}/graphiql (sign in with a user of portfolio.security.users)", base);
        }
        log.info("Health: {}/actuator/health", base);
    }
}
