package dev.portfolioledger.app.schema;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import graphql.schema.idl.SchemaPrinter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.graphql.execution.GraphQlSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schema is published as one SDL file, {@code docs/schema.graphqls}, so clients generate code
 * without introspection; the local profile also serves it at {@code GET /graphql/schema}. The file
 * must be the schema the service runs: rerun with {@code -Dschema.write=true} to rewrite it.
 */
class PublishedSchemaTest extends GraphQlIntegrationTest {

    private static final Path PUBLISHED = Path.of("..", "docs", "schema.graphqls");

    @Autowired
    GraphQlSource graphQlSource;

    @Test
    void publishedSchemaFileIsTheSchemaTheServiceRuns() throws Exception {
        String printed = print();
        if (Boolean.getBoolean("schema.write")) {
            Files.writeString(PUBLISHED, printed, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(PUBLISHED)).as(PUBLISHED + " exists (rerun with -Dschema.write=true)").isTrue();
        assertThat(Files.readString(PUBLISHED, StandardCharsets.UTF_8))
                .as(PUBLISHED + " is the running schema (rerun with -Dschema.write=true)").isEqualTo(printed);
        assertThat(printed).contains("type Query", "type Mutation", "scalar BigDecimal", "input AuditTrailFilter");
    }

    @Test
    void localProfileServesTheSchemaAtGraphqlSchema() throws Exception {
        String served = server().defaultHeaders(h -> h.setBasicAuth("member", "member-demo")).build()
                .get().uri("/graphql/schema").exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_PLAIN)
                .expectBody(String.class).returnResult().getResponseBody();
        // the running schema, which publishedSchemaFileIsTheSchemaTheServiceRuns holds the file to
        assertThat(served).isEqualTo(print());
    }

    @Test
    void schemaIsNotServedWithoutCredentials() {
        server().build().get().uri("/graphql/schema").exchange().expectStatus().isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    /** The server itself, not its GraphQL endpoint. */
    private WebTestClient.Builder server() {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port);
    }

    /** As Spring GraphQL's schema endpoint prints it. */
    private String print() {
        return new SchemaPrinter().print(graphQlSource.schema());
    }
}
