package dev.portfolioledger.app.graphql;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.axon.command.CommitUnconfirmedException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

import java.io.EOFException;
import java.net.SocketException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Optional;
import java.util.Set;

/**
 * Tells, from an exception chain, whether a failure was the database going away, and whether
 * anything can have been written before it did.
 *
 * <p>No connection at all (the pool timed out, the transaction could not begin) means nothing was
 * written: {@link ErrorCode#UNAVAILABLE}. A connection lost once the command was under way (SQL
 * state class 08, a socket closed under the driver, a commit whose acknowledgement never came,
 * or the server ending the session, SQL states 57P01/57P02) means the commit may or may not have
 * happened: {@link ErrorCode#OUTCOME_UNKNOWN}. The chain is
 * walked whole because Spring, Axon and Hikari each wrap the driver's exception differently
 * ({@code TransactionSystemException} around a failed commit, {@code EventStoreException} around a
 * failed insert, {@code CannotCreateTransactionException} around a failed begin).
 */
final class StorageFailures {

    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** admin_shutdown and crash_shutdown: the server ended the session (restart, failover, pg_terminate_backend). */
    private static final Set<String> SERVER_ENDED_SESSION = Set.of("57P01", "57P02");

    private StorageFailures() {
    }

    static Optional<ErrorCode> classify(Throwable failure) {
        boolean connectionLost = false;
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            if (cause instanceof CommitUnconfirmedException || cause instanceof TransactionSystemException) {
                // Spring raises TransactionSystemException only when the commit or rollback itself
                // failed (a commit lost with its connection surfaces as the failed rollback that
                // follows it, "Connection is closed", with no SQL state): how the transaction
                // ended is not known
                return Optional.of(ErrorCode.OUTCOME_UNKNOWN);
            }
            if (cause instanceof CannotCreateTransactionException || cause instanceof CannotGetJdbcConnectionException
                    || cause instanceof SQLTransientConnectionException) {
                // the failure to obtain a connection is the outermost fact: whatever lies beneath
                // it (connection refused, 08001) happened before anything was sent
                return Optional.of(ErrorCode.UNAVAILABLE);
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith(CONNECTION_EXCEPTION_CLASS)
                        || SERVER_ENDED_SESSION.contains(sql.getSQLState()))) {
                connectionLost = true;
            }
            if (cause instanceof SocketException || cause instanceof EOFException) {
                connectionLost = true;
            }
        }
        return connectionLost ? Optional.of(ErrorCode.OUTCOME_UNKNOWN) : Optional.empty();
    }
}
