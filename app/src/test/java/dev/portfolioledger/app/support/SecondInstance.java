package dev.portfolioledger.app.support;

import dev.portfolioledger.app.PortfolioLedgerApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import java.util.ArrayList;
import java.util.List;

/** A second, independent application on the tests' database, as another node of a deployment. */
public final class SecondInstance {

    private SecondInstance() {
    }

    /** Started on a free port; close it to stop it. */
    public static ConfigurableApplicationContext start() {
        TestDatabase database = TestDatabase.get();
        List<String> arguments = new ArrayList<>(List.of("--server.port=0",
                "--spring.datasource.url=" + database.url(), "--spring.datasource.username=" + database.username(),
                "--spring.datasource.password=" + database.password(), "--portfolio.dead-letters.retry-interval=PT1H"));
        arguments.addAll(TestIntegrity.arguments());
        return new SpringApplicationBuilder(PortfolioLedgerApplication.class).run(arguments.toArray(String[]::new));
    }

    public static int portOf(ConfigurableApplicationContext instance) {
        return ((ServletWebServerApplicationContext) instance).getWebServer().getPort();
    }
}
