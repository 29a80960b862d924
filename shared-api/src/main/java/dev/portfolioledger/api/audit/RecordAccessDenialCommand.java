package dev.portfolioledger.api.audit;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.ErrorCode;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Put a security-relevant refusal on record: a role check or a segregation-of-duty rule refused
 * what the current user asked for. Sent by the service itself after the refused operation has
 * ended (its own transaction rolled back), never by a client; the actor and request id travel in
 * the audit metadata, stamped from the request like those of every command.
 *
 * @param denialId  the record's own id, chosen by the server
 * @param operation what was refused: the GraphQL field ({@code approveChangeRequest}, {@code auditTrail};
 *                  {@code Type.field} below the root types)
 * @param target    the id the operation aimed at (the first UUID among its ID arguments); null if none
 * @param code      the refusal's code, as the client was told it
 */
public record RecordAccessDenialCommand(
        @TargetAggregateIdentifier AccessDenialId denialId,
        String operation,
        String target,
        ErrorCode code) {

    public RecordAccessDenialCommand {
        Checks.required(denialId, "denialId");
        operation = Checks.name(operation, "operation");
        if (target != null) {
            target = Checks.uuid(target, "target").toString();
        }
        Checks.required(code, "code");
    }
}
