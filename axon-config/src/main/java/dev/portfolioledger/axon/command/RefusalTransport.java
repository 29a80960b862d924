package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.ErrorCode;
import dev.portfolioledger.api.RuleViolation;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.Map;
import java.util.Optional;

/**
 * Carries a business refusal from the node that handled the command to the node that sent it. A command
 * bus that crosses the network (Axon Server's) passes an exception on by its message alone, unless it is a
 * {@link CommandExecutionException} with details, which it serializes: so the handler side turns every
 * {@link RuleViolation} into one whose details are a {@link Refusal} (code, message, details), and the
 * sending side ({@link AuditedCommandGateway}) turns it back into the same {@link RuleViolation}. On the
 * local command bus the round trip is the same, so every test of a refusal's code over GraphQL covers it.
 */
public final class RefusalTransport implements MessageHandlerInterceptor<CommandMessage<?>> {

    /**
     * The refusal as it travels: plain values only, so that any serializer of the command bus carries it.
     *
     * @param code    the {@link ErrorCode}'s name
     * @param message the message written for the client
     * @param details the refusal's details (JSON-like values)
     */
    public record Refusal(String code, String message, Map<String, Object> details) {

        public Refusal {
            details = details == null ? Map.of() : details;
        }
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain interceptorChain)
            throws Exception {
        try {
            return interceptorChain.proceed();
        } catch (RuleViolation refused) {
            throw new CommandExecutionException(refused.getMessage(), null,
                    new Refusal(refused.code().name(), refused.getMessage(), refused.details()));
        }
    }

    /**
     * The refusal a failed command carries back, whether its details arrive as the {@link Refusal} itself
     * (local bus) or as the map a serializer without type information made of it.
     */
    public static Optional<RuleViolation> refusalIn(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof CommandExecutionException execution) {
                Optional<Object> details = execution.getDetails();
                if (details.isPresent()) {
                    return refusalOf(details.get());
                }
            }
        }
        return Optional.empty();
    }

    @SuppressWarnings("unchecked")
    private static Optional<RuleViolation> refusalOf(Object details) {
        String code;
        String message;
        Map<String, Object> more;
        if (details instanceof Refusal refusal) {
            code = refusal.code();
            message = refusal.message();
            more = refusal.details();
        } else if (details instanceof Map<?, ?> map && map.get("code") instanceof String c
                   && map.get("message") instanceof String m) {
            code = c;
            message = m;
            more = map.get("details") instanceof Map<?, ?> d ? (Map<String, Object>) d : Map.of();
        } else {
            return Optional.empty();
        }
        try {
            return Optional.of(new RuleViolation(ErrorCode.valueOf(code), message, more));
        } catch (IllegalArgumentException unknownCode) {
            // a node of a newer version refused with a code this one does not know
            return Optional.of(new RuleViolation(ErrorCode.CONFLICT, message, more));
        }
    }
}
