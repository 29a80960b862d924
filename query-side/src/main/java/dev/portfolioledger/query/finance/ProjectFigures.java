package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.project.ProjectStatus;

import java.util.UUID;

/**
 * One project's earned value at a date, as one row of a roll-up (a portfolio's projects, the
 * export, the dashboard's worst performers).
 *
 * @param programId   null for a project directly under its portfolio
 * @param recentSpend AC incurred in the window the read asked for (the dashboard's last 30 days)
 */
public record ProjectFigures(UUID projectId, String name, UUID programId, ProjectStatus status,
                             EarnedValueFigures figures, Amount recentSpend) {
}
