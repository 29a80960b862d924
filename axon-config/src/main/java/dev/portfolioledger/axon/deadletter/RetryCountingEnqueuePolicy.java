package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.deadletter.Decisions;
import org.axonframework.messaging.deadletter.DeadLetter;
import org.axonframework.messaging.deadletter.EnqueueDecision;
import org.axonframework.messaging.deadletter.EnqueuePolicy;
import org.axonframework.messaging.deadletter.ThrowableCause;
import org.axonframework.messaging.MetaData;

import javax.annotation.Nonnull;

/**
 * Parks every failing event (and requeues every failing retry) with a cause an operator can read
 * and the database can store, and counts the retries in the letter's diagnostics.
 *
 * <p>The cause message is the innermost one (for a database error, PostgreSQL's own words rather
 * than Spring's wrapper with the SQL text), never a stack trace. It is cut to the column's 1,023
 * characters and cleaned of what PostgreSQL refuses in text (NUL, unpaired surrogates): the
 * message of a refused value may quote the value, and a letter that cannot be stored would stall
 * the processor exactly as the event did.
 */
public class RetryCountingEnqueuePolicy implements EnqueuePolicy<EventMessage<?>> {

    /** Diagnostics key: how many retries of the letter failed (0 when first parked). */
    public static final String RETRIES = "retries";
    private static final int MAX_MESSAGE = ThrowableCause.TRUNCATED_MESSAGE_SIZE;

    @Override
    public EnqueueDecision<EventMessage<?>> decide(@Nonnull DeadLetter<? extends EventMessage<?>> letter,
                                                   @Nonnull Throwable cause) {
        ThrowableCause readable = new ThrowableCause(cause.getClass().getName(), storable(innermostMessage(cause)));
        return Decisions.<EventMessage<?>>requeue(readable, RetryCountingEnqueuePolicy::countRetry);
    }

    private static MetaData countRetry(DeadLetter<?> letter) {
        Object retries = letter.diagnostics().get(RETRIES);
        long next = retries instanceof Number n ? n.longValue() + 1 : 0;
        return letter.diagnostics().and(RETRIES, next);
    }

    static String innermostMessage(Throwable cause) {
        String message = cause.getMessage();
        for (Throwable inner = cause.getCause(); inner != null && inner != inner.getCause(); inner = inner.getCause()) {
            if (inner.getMessage() != null) {
                message = inner.getMessage();
            }
        }
        return message == null ? cause.getClass().getSimpleName() : message;
    }

    /** Drops NUL and unpaired surrogates, then cuts to the column width without splitting a pair. */
    static String storable(String message) {
        StringBuilder clean = new StringBuilder(Math.min(message.length(), MAX_MESSAGE));
        for (int i = 0; i < message.length() && clean.length() < MAX_MESSAGE; i++) {
            char c = message.charAt(i);
            if (c == '\0') {
                continue;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < message.length() && Character.isLowSurrogate(message.charAt(i + 1))) {
                    if (clean.length() + 2 > MAX_MESSAGE) {
                        break;
                    }
                    clean.append(c).append(message.charAt(++i));
                }
                continue;
            }
            if (Character.isLowSurrogate(c)) {
                continue;
            }
            clean.append(c);
        }
        return clean.toString();
    }
}
