package dev.portfolioledger.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Portfolio Ledger: one process serving both sides (commands and views) over GraphQL. */
@SpringBootApplication(scanBasePackages = "dev.portfolioledger")
@ConfigurationPropertiesScan("dev.portfolioledger")
@EnableScheduling
public class PortfolioLedgerApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortfolioLedgerApplication.class, args);
    }
}
