package dev.portfolioledger.axon.config;

import org.axonframework.common.jdbc.PersistenceExceptionResolver;

import java.sql.SQLException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Tells Axon's JDBC event store that an insert hit the (aggregate, sequence) unique key, from
 * PostgreSQL's SQL state {@code 23505}. Axon's default resolver looks for a
 * {@code SQLIntegrityConstraintViolationException}, which the PostgreSQL driver never throws, so
 * two commands racing on one aggregate (two creations of one id, two instances appending to one
 * project) came out as a bare {@code EventStoreException} instead of the
 * {@code AggregateStreamCreationException} / {@code ConcurrencyException} they are.
 */
public class UniqueViolationResolver implements PersistenceExceptionResolver {

    static final String UNIQUE_VIOLATION = "23505";
    private static final int MAX_NEXT_EXCEPTIONS = 16;

    @Override
    public boolean isDuplicateKeyViolation(Exception exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = exception; cause != null && seen.add(cause); cause = cause.getCause()) {
            // a batched insert reports the failing row's error as the batch exception's next one
            if (cause instanceof SQLException sql) {
                for (int depth = 0; sql != null && depth < MAX_NEXT_EXCEPTIONS; sql = sql.getNextException(), depth++) {
                    if (UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }
}
