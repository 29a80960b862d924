package dev.portfolioledger.app.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Says in plain words why a second instance on the same data directory did not start, and what to do. */
class DataDirectoryInUseFailureAnalyzer extends AbstractFailureAnalyzer<DataDirectoryInUseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DataDirectoryInUseException cause) {
        return new FailureAnalysis(
                cause.getMessage(),
                "Stop the other instance first, or start this one on another data directory "
                        + "(--portfolio.embedded-postgres.data-directory=/path). To run several instances on one "
                        + "database, give them all an external PostgreSQL (spring.datasource.url).",
                cause);
    }
}
