package dev.portfolioledger.axon.deadletter;

import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.HandlerEnhancerDefinition;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.annotation.WrappedMessageHandlingMember;
import org.springframework.transaction.support.TransactionOperations;

import javax.annotation.Nonnull;
import java.util.function.Supplier;

/**
 * Runs each event handler invocation inside a savepoint while {@link FailureIsolation} says so,
 * and straight through otherwise (no round trip added to the normal path).
 *
 * <p>It wraps the handler methods themselves, which is the only place inside the
 * {@code DeadLetteringEventHandlerInvoker}'s try/catch: processor interceptors run outside it.
 * A failing handler rolls back to its savepoint and rethrows, so the dead-letter queue then
 * enqueues the letter in a transaction that PostgreSQL still accepts.
 */
public class IsolatingHandlerEnhancer implements HandlerEnhancerDefinition {

    private final Supplier<TransactionOperations> savepoints;

    /** @param savepoints runs work in a nested transaction (a savepoint) of the current one */
    public IsolatingHandlerEnhancer(Supplier<TransactionOperations> savepoints) {
        this.savepoints = savepoints;
    }

    @Override
    public @Nonnull <T> MessageHandlingMember<T> wrapHandler(@Nonnull MessageHandlingMember<T> original) {
        if (!original.canHandleMessageType(EventMessage.class)) {
            return original;
        }
        return new WrappedMessageHandlingMember<>(original) {
            @Override
            public Object handle(@Nonnull Message<?> message, T target) throws Exception {
                if (!FailureIsolation.isolating()) {
                    return super.handle(message, target);
                }
                return inSavepoint(() -> super.handle(message, target));
            }
        };
    }

    private Object inSavepoint(HandlerCall call) throws Exception {
        try {
            return savepoints.get().execute(status -> {
                try {
                    return call.run();
                } catch (RuntimeException | Error e) {
                    throw e;
                } catch (Exception e) {
                    // a checked exception must still roll back to the savepoint
                    throw new CheckedFailure(e);
                }
            });
        } catch (CheckedFailure wrapped) {
            throw wrapped.checked;
        }
    }

    @FunctionalInterface
    private interface HandlerCall {
        Object run() throws Exception;
    }

    private static final class CheckedFailure extends RuntimeException {
        private final Exception checked;

        CheckedFailure(Exception checked) {
            super(checked);
            this.checked = checked;
        }
    }
}
