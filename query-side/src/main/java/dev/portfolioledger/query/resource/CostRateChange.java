package dev.portfolioledger.query.resource;

import dev.portfolioledger.api.Money;

import java.time.LocalDate;

/** The cost of an hour in effect from a date until the next change. */
public record CostRateChange(LocalDate effectiveFrom, Money costRate) {
}
