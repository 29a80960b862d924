package dev.portfolioledger.query.resource;

import java.time.LocalDate;

/** A capacity (percent of full time) in effect from a date until the next change. */
public record CapacityChange(LocalDate effectiveFrom, int capacityPercent) {
}
