package dev.portfolioledger.command.changerequest;

import dev.portfolioledger.command.project.MoneyInput;

/** GraphQL {@code AssessChangeRequestInput}. */
public record AssessChangeRequestInput(String projectId, String changeRequestId, MoneyInput costImpact,
                                       int scheduleImpactDays, String riskNotes, String reason) {
}
