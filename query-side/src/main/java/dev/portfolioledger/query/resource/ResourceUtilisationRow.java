package dev.portfolioledger.query.resource;

import java.util.List;

/** One resource of a portfolio's pool with its utilisation periods, as {@code Portfolio.utilisation} lists it. */
public record ResourceUtilisationRow(ResourceView resource, List<UtilisationPeriod> periods) {
}
