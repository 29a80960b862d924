package dev.portfolioledger.query.finance;

import java.util.List;

/** A project's earned value at one date, with its deliverables' (GraphQL {@code ProjectEarnedValue}). */
public record ProjectEarnedValue(EarnedValueFigures totals, List<DeliverableFigures> deliverables) {

    public ProjectEarnedValue {
        deliverables = List.copyOf(deliverables);
    }
}
