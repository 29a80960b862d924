package dev.portfolioledger.api.audit;

import org.axonframework.serialization.Revision;

/**
 * The service refused an operation for a security reason (a role check, or a segregation-of-duty
 * rule such as approving one's own change request). Who was refused, in which request and when are
 * the event's audit metadata and timestamp; nothing of the refused operation was stored.
 *
 * @param operation the GraphQL field that was refused
 * @param target    the id it aimed at; null when it named none
 * @param code      the error code the client was answered, e.g. {@code SELF_APPROVAL_FORBIDDEN}; a
 *                  string, so that an event stays loadable whatever becomes of the code later
 */
@Revision("1")
public record AccessDeniedEvent(
        AccessDenialId denialId,
        String operation,
        String target,
        String code) {
}
