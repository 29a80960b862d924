package dev.portfolioledger.query.finance;

import java.util.Currency;
import java.util.UUID;

/**
 * What a roll-up covers: the projects of a portfolio, of a program, or one project, with the
 * portfolio's currency that all of their money is in.
 */
public record EarnedValueScope(Level level, UUID id, Currency currency) {

    /** Which projects a scope holds, by the column of project_cost_version that selects them. */
    public enum Level {
        PORTFOLIO("portfolio_id"),
        PROGRAM("program_id"),
        PROJECT("project_id");

        final String column;

        Level(String column) {
            this.column = column;
        }
    }
}
