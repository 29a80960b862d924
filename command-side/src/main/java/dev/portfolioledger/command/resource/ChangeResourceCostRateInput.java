package dev.portfolioledger.command.resource;

import dev.portfolioledger.command.project.MoneyInput;

import java.time.LocalDate;

/** GraphQL {@code ChangeResourceCostRateInput}. */
public record ChangeResourceCostRateInput(String resourceId, MoneyInput costRate, LocalDate effectiveFrom,
                                          String reason) {
}
