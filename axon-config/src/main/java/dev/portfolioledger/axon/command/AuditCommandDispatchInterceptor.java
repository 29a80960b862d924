package dev.portfolioledger.axon.command;

import dev.portfolioledger.axon.audit.AuditMetadata;
import dev.portfolioledger.axon.audit.RequestIds;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Stamps every dispatched command with who sent it and in which request. Whatever a caller put
 * under these keys is overwritten: the actor is the authenticated principal, never a
 * client-supplied value. A command dispatched with no authenticated user (e.g. a startup task)
 * is recorded as {@code system}.
 */
public class AuditCommandDispatchInterceptor implements MessageDispatchInterceptor<CommandMessage<?>> {

    static final String SYSTEM_ACTOR = "system";

    @Override
    public BiFunction<Integer, CommandMessage<?>, CommandMessage<?>> handle(
            List<? extends CommandMessage<?>> messages) {
        return (index, command) -> {
            Map<String, Object> stamped = new HashMap<>();
            stamped.put(AuditMetadata.ACTOR, currentActor());
            stamped.put(AuditMetadata.COMMAND_NAME, command.getPayloadType().getSimpleName());
            stamped.put(AuditMetadata.REQUEST_ID, RequestIds.current());
            if (!command.getMetaData().containsKey(AuditMetadata.CORRELATION_ID)) {
                stamped.put(AuditMetadata.CORRELATION_ID, command.getIdentifier());
            }
            return command.andMetaData(stamped);
        };
    }

    private static String currentActor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication == null || !authentication.isAuthenticated() || authentication.getName() == null) {
            return SYSTEM_ACTOR;
        }
        return authentication.getName();
    }
}
