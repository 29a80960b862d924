package dev.portfolioledger.app.support;

import dev.portfolioledger.app.PortfolioLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import org.springframework.graphql.test.tester.HttpGraphQlTester;
import org.springframework.test.web.reactive.server.WebTestClient;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A second, independent application on the tests' database, as another node of a deployment. */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Started on a free port; close it to stop it. */
    public static ConfigurableApplicationContext start() {
        TestDatabase database = TestDatabase.get();
        return run(database.url(), database.username(), database.password(), TestIntegrity.arguments());
    }

    /**
     * Started on a free port, on another database: with the tests' integrity key, but its own checkpoint
     * directory (the copies of another database's checkpoints must not meet the tests' own).
     */
    public static ConfigurableApplicationContext startOn(String url, String username, String password,
                                                         Path checkpointDirectory) {
        List<String> integrity = new ArrayList<>(TestIntegrity.arguments().stream()
                .filter(argument -> !argument.startsWith("--portfolio.integrity.checkpoint-directory=")).toList());
        integrity.add("--portfolio.integrity.checkpoint-directory=" + checkpointDirectory);
        return run(url, username, password, integrity);
    }

    private static ConfigurableApplicationContext run(String url, String username, String password,
                                                      List<String> integrity) {
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + url, "--spring.datasource.username=" + username,
                "--spring.datasource.password=" + password, "--portfolio.dead-letters.retry-interval=PT1H"));
        arguments.addAll(integrity);
        return new SpringApplicationBuilder(PortfolioLedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    /** GraphQL over HTTP to another instance on this port, as a demo user (password: the name followed by "-demo"). */
    public static HttpGraphQlTester graphQlAs(int port, String user) {
        return HttpGraphQlTester.create(WebTestClient.bindToServer()
                .baseUrl("http://localhost:" + port + "/graphql")
                .responseTimeout(Duration.ofSeconds(30))
                .defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo")).build());
    }

    public static int portOf(ConfigurableApplicationContext instance) {
        return ((ServletWebServerApplicationContext) instance).getWebServer().getPort();
    }
}
