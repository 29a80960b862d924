package dev.portfolioledger.app.metrics;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code /actuator/prometheus} as an operator's scraper sees it: only the OPERATOR role reads it, and it
 * carries the commands by type and outcome, the read-your-writes waits, every segment's lag, the dead
 * letters per group, Axon's own monitors, and HTTP and GraphQL request metrics.
 */
class PrometheusEndpointTest extends GraphQlIntegrationTest {

    @Autowired
    EventProcessorMetrics processorMetrics;

    @Test
    void onlyOperatorsScrapeTheMetrics() {
        scrape().exchange().expectStatus().isUnauthorized();
        scrape().headers(h -> h.setBasicAuth("pmo", "pmo-demo")).exchange().expectStatus().isForbidden();
        scrape().headers(h -> h.setBasicAuth("auditor", "auditor-demo")).exchange().expectStatus().isForbidden();
        scrape().headers(h -> h.setBasicAuth("ops", "ops-demo")).exchange().expectStatus().isOk();
    }

    @Test
    void commandsAreCountedByTypeAndOutcomeWithTheirLatency() {
        String name = unique("Metered");
        double okBefore = value(metrics(), "portfolio_commands_seconds_count",
                Map.of("command", "CreatePortfolioCommand", "outcome", "OK"));
        double takenBefore = value(metrics(), "portfolio_commands_seconds_count",
                Map.of("command", "CreatePortfolioCommand", "outcome", "NAME_TAKEN"));
        newPortfolio(name);
        assertRefused(as("pmo").documentName("createPortfolio")
                .variable("input", Map.of("name", name, "currency", "EUR", "owner", "Olivia Owner")), "NAME_TAKEN");

        String scraped = metrics();
        assertThat(value(scraped, "portfolio_commands_seconds_count",
                Map.of("command", "CreatePortfolioCommand", "outcome", "OK"))).isEqualTo(okBefore + 1);
        assertThat(value(scraped, "portfolio_commands_seconds_count",
                Map.of("command", "CreatePortfolioCommand", "outcome", "NAME_TAKEN"))).isEqualTo(takenBefore + 1);
        assertThat(value(scraped, "portfolio_commands_seconds_sum",
                Map.of("command", "CreatePortfolioCommand", "outcome", "OK"))).isPositive();
        assertThat(value(scraped, "portfolio_read_your_writes_wait_seconds_count",
                Map.of("group", "views", "outcome", "CAUGHT_UP"))).isPositive();
        assertThat(scraped).as("Axon's command bus monitor").containsPattern("(?m)^commandBus_\\w+\\{.*payloadType=");
        assertThat(value(scraped, "http_server_requests_seconds_count", Map.of("uri", "/graphql", "method", "POST")))
                .isPositive();
        assertThat(value(scraped, "graphql_request_seconds_count", Map.of())).isPositive();
    }

    @Test
    void everySegmentReportsItsLagAndEveryGroupItsDeadLetters() throws Exception {
        newPortfolio();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String scraped;
        while (true) {
            processorMetrics.refresh();
            scraped = metrics();
            // idle segments store their position when they renew their claim (every 500 ms)
            if (value(scraped, "portfolio_processor_lag_events", Map.of("processor", "views", "segment", "0")) == 0
                && value(scraped, "portfolio_processor_lag_events", Map.of("processor", "views", "segment", "1")) == 0) {
                break;
            }
            assertThat(System.nanoTime()).as("views lag back to 0:%n%s", scraped).isLessThan(deadline);
            Thread.sleep(200);
        }
        List<Map<String, Object>> segments = jdbc.queryForList("SELECT processorname, segment FROM tokenentry");
        assertThat(segments).isNotEmpty();
        for (Map<String, Object> segment : segments) {
            Map<String, String> tags = Map.of("processor", segment.get("processorname").toString(),
                    "segment", segment.get("segment").toString());
            assertThat(value(scraped, "portfolio_processor_lag_events", tags)).as("lag of %s", tags)
                    .isGreaterThanOrEqualTo(0);
            assertThat(value(scraped, "portfolio_processor_segment_claimed", tags)).as("claim of %s", tags).isEqualTo(1);
        }
        for (String group : List.of("views", "history", "audit")) {
            Long parked = jdbc.queryForObject("SELECT count(*) FROM deadletterentry WHERE processinggroup = ?",
                    Long.class, group);
            assertThat(value(scraped, "portfolio_dead_letters", Map.of("group", group))).as("dead letters of %s", group)
                    .isEqualTo(parked.doubleValue());
        }
    }

    private WebTestClient.RequestHeadersSpec<?> scrape() {
        // after the whole suite ran in this context the scrape holds every command, event and field seen: > 256 KB
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port)
                .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                .build().get().uri("/actuator/prometheus");
    }

    private String metrics() {
        return scrape().headers(h -> h.setBasicAuth("ops", "ops-demo")).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    /** The value of the series with this name and at least these labels; 0 when there is none. */
    private static double value(String scraped, String name, Map<String, String> labels) {
        Matcher line = Pattern.compile("(?m)^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$").matcher(scraped);
        while (line.find()) {
            String found = line.group(1) == null ? "" : line.group(1);
            if (labels.entrySet().stream().allMatch(l -> found.contains(l.getKey() + "=\"" + l.getValue() + "\""))) {
                return Double.parseDouble(line.group(2));
            }
        }
        return 0;
    }
}
