package dev.portfolioledger.app.web;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Failures outside GraphQL execution answer like GraphQL errors, with a code and a 4xx status. */
class HttpErrorsTest extends GraphQlIntegrationTest {

    @Test
    void malformedJsonBodyIsABadRequest() {
        post("{\"query\": ", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("BAD_REQUEST");
    }

    @Test
    void bodyWithoutQueryIsABadRequest() {
        post("{\"variables\": {}}", MediaType.APPLICATION_JSON).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("BAD_REQUEST");
    }

    @Test
    void wrongContentTypeIsUnsupported() {
        post("{ portfolios { edges { cursor } } }", MediaType.TEXT_PLAIN)
                .expectStatus().isEqualTo(415)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void getOnTheGraphQlEndpointIsNotAllowed() {
        request(HttpMethod.GET, "/graphql?query=%7B__typename%7D").exchange()
                .expectStatus().isEqualTo(405)
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void errorPathAskedForDirectlyIsNotFound() {
        request(HttpMethod.GET, "/error").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND");
    }

    @Test
    void unknownPathIsNotFound() {
        request(HttpMethod.GET, "/no/such/thing").exchange().expectStatus().isNotFound()
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("NOT_FOUND")
                .jsonPath("$.errors[0].extensions.classification").isEqualTo("NOT_FOUND");
    }

    @Test
    void missingCredentialsAreUnauthenticated() {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/graphql").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\": \"{ __typename }\"}").exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().exists("WWW-Authenticate")
                .expectBody().jsonPath("$.errors[0].extensions.code").isEqualTo("UNAUTHENTICATED");
    }

    private WebTestClient.ResponseSpec post(String body, MediaType contentType) {
        return request(HttpMethod.POST, "/graphql").contentType(contentType).bodyValue(body).exchange();
    }

    private WebTestClient.RequestBodySpec request(HttpMethod method, String uri) {
        return WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .method(method).uri(uri).headers(h -> h.setBasicAuth("member", "member-demo"));
    }
}
