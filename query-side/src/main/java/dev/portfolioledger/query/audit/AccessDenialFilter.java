package dev.portfolioledger.query.audit;

import dev.portfolioledger.api.Checks;

import java.time.OffsetDateTime;

/**
 * Which refusals a page of {@code accessDenials} holds; every criterion is optional and they combine
 * with AND.
 *
 * @param actor     refusals of this user
 * @param code      refusals answered with this code ({@code FORBIDDEN}, {@code SELF_APPROVAL_FORBIDDEN}, ...)
 * @param operation refusals of this GraphQL field
 * @param from      refusals recorded at or after this instant
 * @param to        refusals recorded before this instant
 */
public record AccessDenialFilter(String actor, String code, String operation, OffsetDateTime from,
                                 OffsetDateTime to) {

    public static final AccessDenialFilter ALL = new AccessDenialFilter(null, null, null, null, null);

    /**
     * Refuses an interval that ends before it starts, and texts no stored row can hold; not a
     * constructor check, for the reason {@link AuditTrailFilter#checked()} gives.
     */
    public AccessDenialFilter checked() {
        Checks.filterText(actor, "filter.actor");
        Checks.filterText(code, "filter.code");
        Checks.filterText(operation, "filter.operation");
        if (from != null && to != null && to.isBefore(from)) {
            throw Checks.invalid("to must not be before from");
        }
        return this;
    }
}
