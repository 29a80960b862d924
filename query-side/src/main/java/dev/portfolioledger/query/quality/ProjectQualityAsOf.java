package dev.portfolioledger.query.quality;

import dev.portfolioledger.api.project.ProjectId;

/**
 * A project's stakeholders and the quality of its deliverables as the decisions recorded up to an
 * instant made them; the as-of history implements it ({@code asof.PointInTime}).
 */
public interface ProjectQualityAsOf {

    /** The view at the instant; null before the project's proposal. */
    ProjectQualityView quality(ProjectId id);
}
