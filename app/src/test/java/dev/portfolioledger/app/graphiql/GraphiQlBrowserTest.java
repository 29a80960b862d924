package dev.portfolioledger.app.graphiql;

import com.fasterxml.jackson.databind.JsonNode;
import dev.portfolioledger.app.support.GraphQlIntegrationTest;
import dev.portfolioledger.app.support.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * GraphiQL in a real browser (headless Chromium): the page renders, signs in with the demo
 * credentials, loads the schema by introspection and runs a query against the server, all
 * without a single request to another origin. A screenshot of the end lands in
 * {@code target/graphiql.png}.
 */
class GraphiQlBrowserTest extends GraphQlIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(15);

    private HeadlessChromium browser;
    private final List<String> requestedUrls = new CopyOnWriteArrayList<>();
    private final List<String> responses = new CopyOnWriteArrayList<>();
    private final List<String> pageErrors = new CopyOnWriteArrayList<>();

    @BeforeEach
    void openBrowser() throws Exception {
        browser = HeadlessChromium.start();
        browser.onEvent(event -> {
            JsonNode params = event.path("params");
            switch (event.path("method").asText()) {
                case "Network.requestWillBeSent" -> requestedUrls.add(params.path("request").path("url").asText());
                case "Network.responseReceived" -> responses.add(params.path("response").path("status").asInt()
                        + " " + params.path("response").path("url").asText());
                case "Network.loadingFailed" -> pageErrors.add("failed: " + params);
                case "Runtime.exceptionThrown" -> pageErrors.add(params.path("exceptionDetails").toString());
                // CSP violations and script errors; a failed request is told by Network, not here
                case "Log.entryAdded" -> {
                    if (!"network".equals(params.path("entry").path("source").asText())) {
                        pageErrors.add(params.path("entry").toString());
                    }
                }
                default -> { }
            }
        });
        browser.send("Network.enable", Map.of());
        browser.send("Runtime.enable", Map.of());
        browser.send("Log.enable", Map.of());
        browser.send("Page.enable", Map.of());
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.screenshot(Path.of("target", "graphiql.png"));
            browser.close();
        }
    }

    @Test
    void graphiQlSignsInLoadsTheSchemaAndRunsAQueryFromThisOriginOnly() {
        String name = unique("Browser portfolio");
        String portfolioId = newPortfolio(name);
        String origin = "http://localhost:" + port;

        browser.send("Page.navigate", Map.of("url", origin + "/graphiql"));
        browser.await("the page loaded", "document.readyState === 'complete'", PATIENCE);
        assertThat(browser.evaluate("typeof GraphiQL === 'function' && typeof ReactDOM.createRoot === 'function'")
                .asBoolean()).as("GraphiQL and React loaded: %s %s", responses, pageErrors).isTrue();
        assertThat(browser.evaluate("document.querySelector('#sign-in input[name=username]') !== null").asBoolean())
                .as("the sign-in form").isTrue();

        signIn("pmo", "not-the-password");
        browser.await("the refusal", "document.querySelector('#sign-in-message').textContent.includes('Wrong')",
                      PATIENCE);
        assertThat(browser.evaluate("document.querySelector('.graphiql-container') === null").asBoolean())
                .as("GraphiQL stays closed to a wrong password").isTrue();

        signIn("pmo", "pmo-demo");
        browser.await("GraphiQL", "document.querySelector('.graphiql-container .graphiql-query-editor .CodeMirror')",
                      PATIENCE);
        assertThat(browser.evaluate("document.querySelector('#signed-in-as').textContent").asText()).isEqualTo("pmo");

        browser.evaluate("document.querySelector('button[aria-label=\"Show Documentation Explorer\"]').click()");
        browser.await("the schema's root types in the documentation explorer",
                      "document.querySelector('.graphiql-doc-explorer')"
                              + " && document.querySelector('.graphiql-doc-explorer').textContent.includes('Query')"
                              + " && document.querySelector('.graphiql-doc-explorer').textContent.includes('Mutation')",
                      PATIENCE);

        browser.evaluate("(() => { const cm = document.querySelector('.graphiql-query-editor .CodeMirror').CodeMirror;"
                                 + " cm.focus(); cm.execCommand('selectAll'); })()");
        browser.type("{ portfolio(id: \"" + portfolioId + "\") { name status } }");
        browser.evaluate("document.querySelector('.graphiql-execute-button').click()");
        browser.await("the server's answer in the result pane",
                      "document.querySelector('.result-window').textContent.includes(" + jsString(name) + ")",
                      PATIENCE);
        assertThat(browser.evaluate("document.querySelector('.result-window').textContent").asText())
                .contains("\"status\": \"ACTIVE\"").doesNotContain("errors");

        assertThat(requestedUrls).as("what the page requested")
                .contains(origin + "/graphiql", origin + "/graphql")
                .anyMatch(url -> url.startsWith(origin + "/graphiql/webjars/graphiql/"))
                .allMatch(url -> url.startsWith(origin + "/") || url.startsWith("data:"));
        assertThat(pageErrors).as("errors in the page").isEmpty();
    }

    /** Types into the form as a person would, then presses its button. */
    private void signIn(String username, String password) {
        browser.evaluate("(() => { const form = document.querySelector('#sign-in'); form.reset();"
                                 + " form.elements.username.focus(); })()");
        browser.type(username);
        browser.evaluate("document.querySelector('#sign-in').elements.password.focus()");
        browser.type(password);
        browser.evaluate("document.querySelector('#sign-in button[type=submit]').click()");
    }

    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
