package dev.portfolioledger.query.resource;

import java.time.LocalDate;

/** One column of a utilisation grid: a week or month, clipped to the range asked for. */
public record UtilisationBucket(LocalDate start, LocalDate end) {
}
