package dev.portfolioledger.query.status;

import dev.portfolioledger.api.project.ProjectStatus;

import java.util.List;
import java.util.UUID;

/**
 * One project in a portfolio's health (GraphQL {@code ProjectHealth}): its latest report that
 * nothing superseded, the RAG the numbers of the health's date suggest, and the dimensions its
 * report rates GREEN where those numbers say RED.
 *
 * @param latestReport null when the project has no report (none known at the instant read)
 */
public record ProjectHealth(UUID projectId, String name, ProjectStatus status, StatusReportView latestReport,
                            SuggestedRag suggested, List<RagDimension> disagreements) {

    public ProjectHealth {
        disagreements = List.copyOf(disagreements);
    }

    /** What the latest report rates; null without one. */
    public RagRatings reported() {
        return latestReport == null ? null : latestReport.reported();
    }
}
