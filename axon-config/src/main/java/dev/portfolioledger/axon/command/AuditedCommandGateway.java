package dev.portfolioledger.axon.command;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.axon.audit.AuditMetadata;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.MetaData;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.HashMap;
import java.util.Map;

/**
 * Sends a command on behalf of the current request and reports where its events landed.
 *
 * <p>The actor, request id and command name are added by {@link AuditCommandDispatchInterceptor},
 * never taken from the caller; the caller supplies only the optional reason. The receipt's global
 * index is read back from the event store, after the command's transaction committed, so that
 * read-your-writes waits for exactly what was stored.
 */
@Component
public class AuditedCommandGateway {

    private final CommandGateway commandGateway;
    private final JdbcTemplate jdbc;

    public AuditedCommandGateway(CommandGateway commandGateway, JdbcTemplate jdbc) {
        this.commandGateway = commandGateway;
        this.jdbc = jdbc;
    }

    /**
     * Sends the command and waits for it to be handled.
     *
     * @param command     the command record
     * @param aggregateId the identifier of the aggregate the command targets
     * @param reason      why, as told by the user; may be null; free text of at most
     *                    {@link Checks#REASON_MAX} characters (VALIDATION_FAILED otherwise)
     * @return where the aggregate's newest event is stored
     */
    public CommandReceipt send(Object command, Object aggregateId, String reason) {
        Map<String, Object> metadata = new HashMap<>();
        String checkedReason = Checks.reason(reason);
        if (checkedReason != null) {
            metadata.put(AuditMetadata.REASON, checkedReason);
        }
        var message = GenericCommandMessage.asCommandMessage(command).andMetaData(MetaData.from(metadata));
        commandGateway.sendAndWait(message);
        String id = aggregateId.toString();
        Long index = jdbc.queryForObject(
                "SELECT max(globalindex) FROM domainevententry WHERE aggregateidentifier = ?", Long.class, id);
        String correlationId = message.getMetaData().getOrDefault(AuditMetadata.CORRELATION_ID,
                message.getIdentifier()).toString();
        return new CommandReceipt(id, index == null ? -1 : index, correlationId);
    }
}
