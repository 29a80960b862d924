package dev.portfolioledger.query.resource;

import dev.portfolioledger.query.paging.PageInfo;

import java.util.List;

/** A page of a portfolio's pool with each resource's load per period (columns {@code periods}). */
public record PortfolioUtilisation(List<UtilisationBucket> periods, List<ResourceUtilisationRow> resources,
                                   PageInfo pageInfo) {
}
