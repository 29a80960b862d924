package dev.portfolioledger.query.project;

import dev.portfolioledger.api.project.ProjectStatus;

import java.util.Map;

/** How many projects are in each status; {@link #total()} counts them all. */
public record ProjectStatusCounts(int proposed, int approved, int active, int onHold, int closed, int cancelled) {

    public static final ProjectStatusCounts NONE = new ProjectStatusCounts(0, 0, 0, 0, 0, 0);

    public static ProjectStatusCounts of(Map<ProjectStatus, Integer> counts) {
        return new ProjectStatusCounts(
                counts.getOrDefault(ProjectStatus.PROPOSED, 0),
                counts.getOrDefault(ProjectStatus.APPROVED, 0),
                counts.getOrDefault(ProjectStatus.ACTIVE, 0),
                counts.getOrDefault(ProjectStatus.ON_HOLD, 0),
                counts.getOrDefault(ProjectStatus.CLOSED, 0),
                counts.getOrDefault(ProjectStatus.CANCELLED, 0));
    }

    public int total() {
        return proposed + approved + active + onHold + closed + cancelled;
    }
}
