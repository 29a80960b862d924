package dev.portfolioledger.app;

import dev.portfolioledger.app.cli.CommandLine;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

import java.util.OptionalInt;

/** Portfolio Ledger: one process serving both sides (commands and views) over GraphQL. */
@SpringBootApplication(scanBasePackages = "dev.portfolioledger")
@ConfigurationPropertiesScan("dev.portfolioledger")
@EnableScheduling
public class PortfolioLedgerApplication {

    /** Serves, unless the first argument names a command of the jar ({@link CommandLine}): that runs without Spring. */
    public static void main(String[] args) {
        OptionalInt command = CommandLine.run(args, System.out, System.err);
        if (command.isPresent()) {
            System.exit(command.getAsInt());
        }
        SpringApplication.run(PortfolioLedgerApplication.class, args);
    }
}
