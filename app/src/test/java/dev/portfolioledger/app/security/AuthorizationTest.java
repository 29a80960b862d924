package dev.portfolioledger.app.security;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationTest extends GraphQlIntegrationTest {

    @Test
    void unauthenticatedRequestGets401() {
        client().build().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ portfolios { edges { node { id } } } }"))
                .exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate");
    }

    @Test
    void wrongPasswordGets401() {
        client().defaultHeaders(h -> h.setBasicAuth("pmo", "guess")).build().post()
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("query", "{ portfolios { edges { node { id } } } }"))
                .exchange()
                .expectStatus().isUnauthorized();
    }

    @Test
    void teamMemberCannotCreatePortfolioAndNothingIsStored() {
        long events = eventCountExceptDenials();
        assertRefused(as("member").documentName("createPortfolio")
                              .variable("input", Map.of("name", unique("Sneaky"), "currency", "EUR", "owner", "M")),
                      "FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(events);
    }

    @Test
    void programManagerCannotCreatePortfolio() {
        assertRefused(as("program").documentName("createPortfolio")
                              .variable("input", Map.of("name", unique("No"), "currency", "EUR", "owner", "M")),
                      "FORBIDDEN");
    }

    @Test
    void projectManagerCannotApproveProject() {
        String projectId = newProject(newPortfolio(), null);
        long events = eventCountExceptDenials();
        assertRefused(as("pm").documentName("approveProject").variable("input", Map.of("projectId", projectId)),
                      "FORBIDDEN");
        assertThat(eventCountExceptDenials()).isEqualTo(events);
        as("auditor").documentName("project").variable("id", projectId).execute()
                .path("project.status").entity(String.class).isEqualTo("PROPOSED");
    }

    @Test
    void auditorIsReadOnly() {
        String portfolioId = newPortfolio();
        assertRefused(as("auditor").documentName("archivePortfolio").variable("input", Map.of("portfolioId", portfolioId)),
                      "FORBIDDEN");
        assertRefused(as("auditor").documentName("createProgram")
                              .variable("input", Map.of("portfolioId", portfolioId, "name", "N", "manager", "M")),
                      "FORBIDDEN");
        as("auditor").documentName("portfolio").variable("id", portfolioId).execute()
                .path("portfolio.status").entity(String.class).isEqualTo("ACTIVE");
    }

    @Test
    void teamMemberCannotReadTheAuditTrail() {
        assertRefused(as("member").documentName("auditTrail").variable("first", 5), "FORBIDDEN");
    }

    @Test
    void resourceManagerCannotProposeProjects() {
        assertRefused(as("resources").documentName("proposeProject").variable("input", projectInput(newPortfolio())),
                      "FORBIDDEN");
    }

    @Test
    void healthShowsAnonymousCallersTheStatusOnly() {
        String body = health(null);
        assertThat(body).contains("\"UP\"").doesNotContain("\"db\"").doesNotContain("\"eventProcessors\"")
                .doesNotContain("details");
    }

    @Test
    void healthShowsOperatorsTheDatabaseAndProcessors() {
        assertThat(health("ops")).contains("\"db\"").contains("\"eventProcessors\"").contains("\"views\"")
                .contains("\"audit\"");
        assertThat(health("member")).doesNotContain("\"db\"");
    }

    private String health(String user) {
        return org.springframework.test.web.reactive.server.WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port).build()
                .get().uri("/actuator/health")
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                })
                .exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
