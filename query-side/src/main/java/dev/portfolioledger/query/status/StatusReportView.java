package dev.portfolioledger.query.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A published status report as known at an instant (GraphQL {@code StatusReport}): what the
 * manager reported, and whether a correction had superseded it by then.
 *
 * @param supersedes   the report this one corrects; null for a regular report
 * @param reason       why the report was published (required for a correction), from the audit metadata
 * @param publishedBy  the actor who published it
 * @param recordedNs   the record time of its publication, in nanoseconds since the epoch
 * @param supersededBy the correction that supersedes it, if one was published by the instant read
 */
public record StatusReportView(UUID id, UUID projectId, LocalDate periodStart, LocalDate periodEnd,
                               RagRatings reported, String summary, List<String> accomplishments,
                               List<String> nextSteps, List<String> decisionsNeeded, UUID supersedes,
                               String reason, String publishedBy, long recordedNs, UUID supersededBy,
                               Instant supersededAt) {

    public StatusReportView {
        accomplishments = List.copyOf(accomplishments);
        nextSteps = List.copyOf(nextSteps);
        decisionsNeeded = List.copyOf(decisionsNeeded);
    }

    /** The record time of its publication. */
    public Instant publishedAt() {
        return Instant.ofEpochSecond(Math.floorDiv(recordedNs, 1_000_000_000L),
                                     Math.floorMod(recordedNs, 1_000_000_000L));
    }

    public boolean superseded() {
        return supersededBy != null;
    }
}
