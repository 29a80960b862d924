package dev.portfolioledger.app.integrity;

import dev.portfolioledger.app.PortfolioLedgerApplication;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.TestDatabase;
import dev.portfolioledger.app.support.TestIntegrity;
import dev.portfolioledger.axon.ProcessingGroups;
import dev.portfolioledger.axon.integrity.IntegrityStatus;
import org.axonframework.config.EventProcessingConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code portfolio.integrity.enabled=false} (for measuring what the audit log costs) leaves all of it out
 * of an instance: no bean of it, no {@code integrity} processor, and commands still go through.
 */
class IntegrityDisabledTest extends GraphQlIntegrationTest {

    @Test
    void anInstanceWithTheLogSwitchedOffHasNoneOfItAndStillTakesCommands() {
        TestDatabase database = TestDatabase.get();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--portfolio.dead-letters.retry-interval=PT1H",
                "--portfolio.integrity.enabled=false"));
        arguments.addAll(TestIntegrity.arguments());
        try (ConfigurableApplicationContext off = new SpringApplicationBuilder(PortfolioLedgerApplication.class)
                .run(arguments.toArray(String[]::new))) {
            for (Class<?> part : List.of(IntegrityLogAppender.class, IntegrityLog.class, AuditTrailVerifier.class,
                    AuditCheckpoints.class, AuditProofs.class, IntegrityKeys.class, IntegrityHealthIndicator.class,
                    IntegrityStatus.class)) {
                assertThat(off.getBeanNamesForType(part)).as(part.getSimpleName()).isEmpty();
            }
            assertThat(off.getBean(EventProcessingConfiguration.class).eventProcessor(ProcessingGroups.INTEGRITY))
                    .isEmpty();

            int port = ((ServletWebServerApplicationContext) off).getWebServer().getPort();
            HttpGraphQlTester pmo = HttpGraphQlTester.create(WebTestClient.bindToServer()
                    .baseUrl("http://localhost:" + port + "/graphql").responseTimeout(Duration.ofSeconds(30))
                    .defaultHeaders(headers -> headers.setBasicAuth("pmo", "pmo-demo")).build());
            pmo.documentName("createPortfolio")
                    .variable("input", Map.of("name", unique("Unlogged"), "currency", "EUR", "owner", "O"))
                    .execute().path("createPortfolio.portfolio.id").hasValue();
        }
    }
}
