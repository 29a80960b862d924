package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.axon.command.CommitUnconfirmedException;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

class StorageFailuresTest {

    @Test
    void noConnectionFromThePoolIsUnavailable() {
        var pool = new SQLTransientConnectionException("portfolio-ledger - Connection is not available",
                new PSQLException("Connection refused", PSQLState.CONNECTION_UNABLE_TO_CONNECT));
        assertThat(StorageFailures.classify(new CannotCreateTransactionException("Could not open JDBC Connection",
                pool))).contains(ErrorCode.UNAVAILABLE);
        assertThat(StorageFailures.classify(new CannotGetJdbcConnectionException("no connection", pool)))
                .contains(ErrorCode.UNAVAILABLE);
    }

    @Test
    void connectionLostDuringAnInsertIsOutcomeUnknown() {
        var lost = new PSQLException("An I/O error occurred while sending to the backend",
                PSQLState.CONNECTION_FAILURE, new SocketException("Connection reset"));
        assertThat(StorageFailures.classify(new EventStoreException("could not be persisted", lost)))
                .contains(ErrorCode.OUTCOME_UNKNOWN);
    }

    @Test
    void sessionEndedByTheServerIsOutcomeUnknown() {
        var terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
        assertThat(StorageFailures.classify(new DataAccessResourceFailureException("JDBC commit", terminated)))
                .contains(ErrorCode.OUTCOME_UNKNOWN);
    }

    @Test
    void failedCommitOrRollbackIsOutcomeUnknown() {
        assertThat(StorageFailures.classify(new TransactionSystemException("JDBC rollback failed",
                new SQLException("Connection is closed")))).contains(ErrorCode.OUTCOME_UNKNOWN);
        assertThat(StorageFailures.classify(new CommitUnconfirmedException("receipt lost",
                new CannotGetJdbcConnectionException("no connection")))).contains(ErrorCode.OUTCOME_UNKNOWN);
    }

    @Test
    void otherFailuresAreNotStorageFailures() {
        assertThat(StorageFailures.classify(new DataIntegrityViolationException("check",
                new SQLException("violates check constraint", "23514")))).isEmpty();
        assertThat(StorageFailures.classify(new IllegalStateException("bug"))).isEmpty();
    }
}
