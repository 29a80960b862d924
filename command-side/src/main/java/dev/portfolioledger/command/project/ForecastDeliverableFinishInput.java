package dev.portfolioledger.command.project;

import java.time.LocalDate;

/** GraphQL {@code ForecastDeliverableFinishInput}. */
public record ForecastDeliverableFinishInput(String projectId, String deliverableId, LocalDate expectedFinish,
                                             String reason) {
}
