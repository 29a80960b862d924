package dev.portfolioledger.command.status;

import dev.portfolioledger.api.status.Rag;

import java.time.LocalDate;
import java.util.List;

/** GraphQL {@code PublishStatusReportInput}; shape rules are checked by the command it becomes. */
public record PublishStatusReportInput(String statusReportId, String projectId, LocalDate periodStart,
                                       LocalDate periodEnd, Rag overall, Rag scope, Rag schedule, Rag cost,
                                       String summary, List<String> accomplishments, List<String> nextSteps,
                                       List<String> decisionsNeeded, String supersedes, String reason) {
}
