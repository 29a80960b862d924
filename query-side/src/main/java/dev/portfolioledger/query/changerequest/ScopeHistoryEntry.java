package dev.portfolioledger.query.changerequest;

import dev.portfolioledger.api.changerequest.ChangeRequestId;
import dev.portfolioledger.api.changerequest.ProposedChange;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of a project's scope history: a baseline version with the change request that made
 * it (null for version 1, and for a revision whose request view is missing).
 */
public record ScopeHistoryEntry(int version, Instant establishedAt, ChangeRequestView changeRequest,
                                List<ProposedChange> changes) {

    public ScopeHistoryEntry {
        changes = List.copyOf(changes);
    }

    /** The versions of one project, each with its change request looked up in {@code requests}. */
    public static List<ScopeHistoryEntry> of(List<BaselineVersion> versions,
                                             Map<ChangeRequestId, ChangeRequestView> requests) {
        return versions.stream().map(v -> new ScopeHistoryEntry(
                v.version(), v.establishedAt(),
                v.changeRequestId() == null ? null : requests.get(v.changeRequestId()),
                v.changes())).toList();
    }

    public String submittedBy() {
        return changeRequest == null ? null : changeRequest.submittedBy();
    }

    /** The approver is who decided the request that this version applies. */
    public String approvedBy() {
        return changeRequest == null ? null : changeRequest.decidedBy();
    }

    public String justification() {
        return changeRequest == null ? null : changeRequest.justification();
    }
}
