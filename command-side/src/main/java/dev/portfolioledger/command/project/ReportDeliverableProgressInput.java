package dev.portfolioledger.command.project;

import java.time.LocalDate;

/** GraphQL {@code ReportDeliverableProgressInput}; a missing reportedOn means today (UTC). */
public record ReportDeliverableProgressInput(String projectId, String deliverableId, int percentComplete,
                                             LocalDate reportedOn, String reason) {
}
