package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.Checks;
import dev.portfolioledger.api.changerequest.ChangeRequestStatus;

import java.util.UUID;

/**
 * Which change requests the cross-project listing holds (a change board's inbox); every criterion
 * is optional and they combine with AND.
 */
public record ChangeRequestFilter(ChangeRequestStatus status, String portfolioId, String programId) {

    public static final ChangeRequestFilter ALL = new ChangeRequestFilter(null, null, null);

    /** The portfolio's id, refused as VALIDATION_FAILED when it is not a UUID; null when not filtered. */
    public UUID portfolio() {
        return portfolioId == null ? null : Checks.uuid(portfolioId, "filter.portfolioId");
    }

    public UUID program() {
        return programId == null ? null : Checks.uuid(programId, "filter.programId");
    }
}
