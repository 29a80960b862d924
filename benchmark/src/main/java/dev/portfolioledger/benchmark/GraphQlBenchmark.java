package dev.portfolioledger.benchmark;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The whole path a user pays for: HTTP/1.1, Basic authentication, GraphQL parsing and
 * validation, the command, and the read-your-writes wait until the view shows the project
 * (the mutation returns the project as the views see it).
 */
final class GraphQlBenchmark {

    private static final String MUTATION =
            "mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { project { id status } } }";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

    private final List<URI> endpoints;
    private final String portfolioId;
    private final String authorization;
    private final AtomicLong sequence = new AtomicLong();

    GraphQlBenchmark(URI endpoint, String portfolioId, String user, String password) {
        this(List.of(endpoint), portfolioId, user, password);
    }

    /** Senders spread over several instances: sender i talks to endpoint i modulo their number. */
    GraphQlBenchmark(List<URI> endpoints, String portfolioId, String user, String password) {
        this.endpoints = List.copyOf(endpoints);
        this.portfolioId = portfolioId;
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    LoadResult run(int senders, Duration warmup, Duration measured) throws InterruptedException {
        // One client (one keep-alive connection) per sender, like independent users.
        return LoadRun.run("graphql", senders, warmup, measured, index -> {
            HttpClient client = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            URI endpoint = endpoints.get(index % endpoints.size());
            return () -> proposeProject(client, endpoint);
        });
    }

    private void proposeProject(HttpClient client, URI endpoint) throws IOException, InterruptedException {
        String body = """
                {"query":"%s","variables":{"input":{"portfolioId":"%s","name":"GraphQL bench project %d",\
                "manager":"Benchmark Manager","sponsor":"Benchmark Sponsor","methodology":"SCRUM",\
                "plannedStart":"%s","plannedFinish":"%s"}}}"""
                .formatted(MUTATION.replace("\"", "\\\""), portfolioId, sequence.incrementAndGet(),
                        GatewayBenchmark.PLANNED_START, GatewayBenchmark.PLANNED_FINISH);
        HttpRequest request = HttpRequest.newBuilder(endpoint)
                .timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        // GraphQL reports failures with status 200 and an "errors" member: both must be checked.
        if (response.statusCode() != 200 || response.body().contains("\"errors\"")
                || !response.body().contains("\"PROPOSED\"")) {
            String text = response.body();
            throw new IOException("HTTP " + response.statusCode() + ": "
                    + (text.length() > 300 ? text.substring(0, 300) + "..." : text));
        }
    }
}
