package dev.portfolioledger.app.security;

import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.support.PropertiesLoaderUtils;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The prod profile: no introspection, no GraphiQL, health details for operators only, and sign-in with JWTs
 * of an identity provider. The one test class with a context of its own (it costs a start-up); prod-profile
 * checks belong here. Users come from portfolio.security.users, as in production (the hashes are those of
 * the demo users), and from bearer tokens signed with a key pair generated here, whose public half this
 * test serves as a JWK set over HTTP, as an identity provider does.
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

    private static final String ISSUER = "https://idp.example.test/realms/ledger";
    private static final String AUDIENCE = "portfolio-ledger";
    private static final RSAKey SIGNING_KEY = generateKey("ledger-key-1");
    /** The same key id as the real one, another key: what a forger without the private key can do. */
    private static final RSAKey FORGED_KEY = generateKey("ledger-key-1");
    private static final HttpServer IDENTITY_PROVIDER = serveJwkSet();

    @DynamicPropertySource
    static void identityProvider(DynamicPropertyRegistry registry) {
        registry.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + IDENTITY_PROVIDER.getAddress().getPort() + "/jwks");
        registry.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        registry.add("spring.security.oauth2.resourceserver.jwt.audiences", () -> AUDIENCE);
        registry.add("portfolio.security.jwt.roles-claim", () -> "realm_access.groups");
        registry.add("portfolio.security.jwt.role-mapping.ledger-pmo[0]", () -> "PMO");
        registry.add("portfolio.security.jwt.actor-claim", () -> "preferred_username");
    }

    @Test
    void aValidTokenSignsInWithTheMappedRolesAndRecordsItsActorClaim() throws Exception {
        String name = unique("Signed in by token");
        String id = bearer(token(SIGNING_KEY, claims("dana.pmo", List.of("ledger-pmo"))))
                .documentName("createPortfolio")
                .variable("input", Map.of("name", name, "currency", "EUR", "owner", "Dana"))
                .execute().path("createPortfolio.portfolio.id").entity(String.class).get();
        String metadata = jdbc.queryForObject("SELECT convert_from(metadata, 'UTF8') FROM domainevententry "
                + "WHERE aggregateidentifier = ?", String.class, id);
        assertThat(metadata).contains("\"actor\":\"dana.pmo\"");
    }

    @Test
    void aRoleNamedInTheClaimCountsAsItselfAndRulesStillApply() throws Exception {
        HttpGraphQlTester auditor = bearer(token(SIGNING_KEY, claims("alex.audit", List.of("AUDITOR", "staff"))));
        auditor.document("{ portfolios(first: 1) { edges { node { id } } } }").execute().errors().verify();
        assertRefused(auditor.documentName("createPortfolio")
                .variable("input", Map.of("name", unique("Not allowed"), "currency", "EUR", "owner", "A")), "FORBIDDEN");
    }

    @Test
    void aUserWithoutARoleOfThisProductIsSignedInButRefusedEverything() throws Exception {
        HttpGraphQlTester nobody = bearer(token(SIGNING_KEY, claims("sam.staff", List.of("staff", "ledger-pmo-x"))));
        assertRefused(nobody.document("{ portfolios(first: 1) { edges { node { id } } } }"), "FORBIDDEN");
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        JWTClaimsSet expired = new JWTClaimsSet.Builder(claims("dana.pmo", List.of("ledger-pmo")))
                .issueTime(Date.from(Instant.now().minusSeconds(7200)))
                .expirationTime(Date.from(Instant.now().minusSeconds(600))).build();
        assertUnauthorized(token(SIGNING_KEY, expired));
    }

    @Test
    void tokensOfAnotherIssuerAreRefused() throws Exception {
        assertUnauthorized(token(SIGNING_KEY, new JWTClaimsSet.Builder(claims("dana.pmo", List.of("ledger-pmo")))
                .issuer("https://idp.example.test/realms/other").build()));
    }

    @Test
    void tokensForAnotherAudienceAreRefused() throws Exception {
        assertUnauthorized(token(SIGNING_KEY, new JWTClaimsSet.Builder(claims("dana.pmo", List.of("ledger-pmo")))
                .audience("some-other-service").build()));
    }

    @Test
    void tokensWithAForgedSignatureAreRefused() throws Exception {
        assertUnauthorized(token(FORGED_KEY, claims("dana.pmo", List.of("ledger-pmo"))));
        // and one whose payload was changed after signing
        String genuine = token(SIGNING_KEY, claims("member.one", List.of()));
        String[] parts = genuine.split("\\.");
        String promoted = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims("member.one", List.of("ledger-pmo")).toString().getBytes(StandardCharsets.UTF_8));
        assertUnauthorized(parts[0] + "." + promoted + "." + parts[2]);
    }

    @Test
    void tokensWithoutTheActorClaimAreRefused() throws Exception {
        assertUnauthorized(token(SIGNING_KEY, new JWTClaimsSet.Builder(claims("x", List.of("ledger-pmo")))
                .claim("preferred_username", null).build()));
    }

    private HttpGraphQlTester bearer(String token) {
        return HttpGraphQlTester.create(client().defaultHeader("Authorization", "Bearer " + token).build());
    }

    private void assertUnauthorized(String token) {
        WebTestClient.bindToServer().baseUrl("http://localhost:" + port).build()
                .post().uri("/graphql").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"query\":\"{ portfolios(first: 1) { edges { node { id } } } }\"}")
                .exchange().expectStatus().isUnauthorized()
                .expectHeader().value("WWW-Authenticate", header -> assertThat(header).startsWith("Bearer")
                        .contains("invalid_token"));
    }

    private static JWTClaimsSet claims(String user, List<String> groups) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER).audience(AUDIENCE).subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("groups", groups))
                .issueTime(Date.from(now)).expirationTime(Date.from(now.plusSeconds(300)))
                .build();
    }

    private static String token(RSAKey key, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    private static RSAKey generateKey(String keyId) {
        try {
            return new RSAKeyGenerator(2048).keyID(keyId).generate();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The identity provider's key set endpoint: the public half of the signing key only. */
    private static HttpServer serveJwkSet() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            byte[] body = new JWKSet(SIGNING_KEY.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
            server.createContext("/jwks", exchange -> {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

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
