package dev.portfolioledger.command.project;

import dev.portfolioledger.api.portfolio.PortfolioId;
import dev.portfolioledger.api.project.ProjectId;
import dev.portfolioledger.api.project.ProjectStatus;

import java.util.Objects;

/**
 * What the command side knows about a project when deciding about things that refer to it (a
 * resource allocated to it): the portfolio it sits in and its lifecycle status.
 */
public record ProjectFacts(ProjectId projectId, PortfolioId portfolioId, ProjectStatus status) {

    public ProjectFacts {
        Objects.requireNonNull(projectId, "projectId");
        Objects.requireNonNull(portfolioId, "portfolioId");
        Objects.requireNonNull(status, "status");
    }

    /** Approved or running: a project people can be allocated to. */
    public boolean isStaffable() {
        return status == ProjectStatus.APPROVED || status == ProjectStatus.ACTIVE;
    }

    public boolean belongsTo(PortfolioId portfolio) {
        return portfolioId.equals(portfolio);
    }
}
