package dev.portfolioledger.api.project;

import org.axonframework.serialization.Revision;

/** The budget of one cost category of a proposed project was set (zero clears the line). */
@Revision("1")
public record BudgetLinePlannedEvent(ProjectId projectId, BudgetLine line) implements ProjectEvent {
}
