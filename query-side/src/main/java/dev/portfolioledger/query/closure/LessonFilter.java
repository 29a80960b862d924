package dev.portfolioledger.query.closure;

import dev.portfolioledger.api.project.LessonCategory;
import dev.portfolioledger.api.project.Methodology;

/** GraphQL {@code LessonLearnedFilter}: null fields do not filter. */
public record LessonFilter(LessonCategory category, Methodology methodology) {

    public static final LessonFilter NONE = new LessonFilter(null, null);
}
