package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.quality.StakeholderDetails;
import dev.portfolioledger.api.quality.StakeholderId;

import java.time.Instant;
import java.util.Objects;

/**
 * A stakeholder of a project as registered and last revised.
 *
 * @param registeredAt record time of the registration
 * @param revisedAt    record time of the latest revision of the details; null if never revised
 */
public record StakeholderView(StakeholderId id, StakeholderDetails details, Instant registeredAt, Instant revisedAt) {

    /** From this rating up (4 or 5) interest or influence counts as high on the grid. */
    public static final int HIGH = 4;

    public StakeholderView {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(details, "details");
    }

    /** How the grid says to engage them: high interest and influence 4 or 5, low 1 to 3. */
    public Engagement engagement() {
        boolean influential = details.influence() >= HIGH;
        boolean interested = details.interest() >= HIGH;
        if (influential) {
            return interested ? Engagement.MANAGE_CLOSELY : Engagement.KEEP_SATISFIED;
        }
        return interested ? Engagement.KEEP_INFORMED : Engagement.MONITOR;
    }

    /** The quadrants of the interest/influence grid. */
    public enum Engagement {
        MANAGE_CLOSELY,
        KEEP_SATISFIED,
        KEEP_INFORMED,
        MONITOR
    }
}
