package dev.portfolioledger.app.security;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.io.IOException;
import java.util.List;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile: no introspection, no GraphiQL, health details for operators only. The one test class with
 * a context of its own (it costs a start-up); prod-profile checks belong here. Users come from
 * portfolio.security.users, as in production; the hashes are those of the demo users.
 */
@ActiveProfiles("prod")
@TestPropertySource(properties = {
        "portfolio.security.users[0].username=ops",
        "portfolio.security.users[0].password-hash={bcrypt}$2a$10$EPu0zzRjNSEoeXCDUX2lVuY88q7k9zrBbhE/bWxvK.pEYx/OjZX32",
        "portfolio.security.users[0].roles[0]=OPERATOR",
        "portfolio.security.users[1].username=member",
        "portfolio.security.users[1].password-hash={bcrypt}$2a$10$kJH9bnjSmeAS8gZ6/hOtQuGroOeMRTguqEnVcRYuZe7mxnx6W9UkK",
        "portfolio.security.users[1].roles[0]=TEAM_MEMBER"})
class ProdProfileTest extends GraphQlIntegrationTest {

    @Test
    void introspectionIsRefusedWithItsOwnCode() {
        assertRefused(as("member").document("{ __schema { queryType { name } } }"), "INTROSPECTION_DISABLED");
        assertRefused(as("member").document("{ __type(name: \"Portfolio\") { name } }"), "INTROSPECTION_DISABLED");
        as("member").document("{ portfolios(first: 1) { edges { node { __typename } } } }").execute()
                .errors().verify();
    }

    @Test
    void schemaIsNotServedAsSdl() {
        // introspection's twin: the SDL endpoint of the local profile stays off in production
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri("/graphql/schema").headers(h -> h.setBasicAuth("member", "member-demo"))
                .exchange().expectStatus().isNotFound();
    }

    @Test
    void healthHidesDetailsFromAnonymousCallersAndShowsThemToOperators() {
        assertThat(health(null)).contains("\"UP\"").doesNotContain("\"db\"").doesNotContain("diskSpace")
                .doesNotContain("details");
        assertThat(health("member")).doesNotContain("\"db\"");
        assertThat(health("ops")).contains("\"db\"").contains("\"diskSpace\"").contains("\"eventProcessors\"");
    }

    @Test
    void graphiQlAndItsBundlesAreNotServed() throws IOException {
        // the webjar is on the classpath in every profile; prod must not serve it
        Properties webjar = PropertiesLoaderUtils.loadAllProperties(
                "META-INF/maven/org.webjars.npm/graphiql/pom.properties");
        String version = webjar.getProperty("version");
        assertThat(getClass().getClassLoader().getResource("META-INF/resources/webjars/graphiql/" + version
                                                           + "/graphiql.min.js")).isNotNull();
        for (String path : List.of("/graphiql", "/graphiql/assets/console.js",
                                   "/graphiql/webjars/graphiql/" + version + "/graphiql.min.js",
                                   "/webjars/graphiql/" + version + "/graphiql.min.js")) {
            get(path, "member").expectStatus().isNotFound();
        }
        get("/graphiql", null).expectStatus().isNotFound();
    }

    private WebTestClient.ResponseSpec get(String path, String user) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .get().uri(path)
                .headers(h -> {
                    if (user != null) {
                        h.setBasicAuth(user, user + "-demo");
                    }
                })
                .exchange();
    }

    private String health(String user) {
        return get("/actuator/health", user)
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
