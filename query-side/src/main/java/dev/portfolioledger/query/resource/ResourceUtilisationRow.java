package dev.portfolioledger.query.resource;

import java.util.List;

/** One resource's row of a utilisation grid ({@code Portfolio.utilisation}): its periods, and their values as columns. */
public record ResourceUtilisationRow(ResourceView resource, List<UtilisationPeriod> periods) {

    public List<Double> allocatedPercent() {
        return periods.stream().map(UtilisationPeriod::allocatedPercent).toList();
    }

    /** Null where the capacity is 0. */
    public List<Double> utilisationPercent() {
        return periods.stream().map(UtilisationPeriod::utilisationPercent).toList();
    }

    public List<Boolean> overallocated() {
        return periods.stream().map(UtilisationPeriod::overallocated).toList();
    }
}
