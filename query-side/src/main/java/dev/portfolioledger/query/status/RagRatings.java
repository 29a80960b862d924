package dev.portfolioledger.query.status;

import dev.portfolioledger.api.status.Rag;

/** The four ratings of a status report (GraphQL {@code RagRatings}); a suggestion's may be null. */
public record RagRatings(Rag overall, Rag scope, Rag schedule, Rag cost) {

    /** The rating of one dimension. */
    public Rag of(RagDimension dimension) {
        return switch (dimension) {
            case OVERALL -> overall;
            case SCOPE -> scope;
            case SCHEDULE -> schedule;
            case COST -> cost;
        };
    }
}
