package dev.portfolioledger.query.finance;

import dev.portfolioledger.api.project.ProjectStatus;
import dev.portfolioledger.query.project.ProjectStatusCounts;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.function.Function;

/**
 * A portfolio at a glance at one date (GraphQL {@code PortfolioDashboard}), built in one pass over
 * its projects' figures ({@link Tally}): counts by status, the sums, the {@code first} projects
 * with the lowest CPI and SPI (projects whose ratio is undefined are not ranked; ties by name,
 * then id), and the spend of the 30 days up to the date.
 */
public record PortfolioDashboard(LocalDate at, ProjectStatusCounts projectCounts, EarnedValueFigures totals,
                                 List<ProjectFigures> worstCostPerformance,
                                 List<ProjectFigures> worstSchedulePerformance, Amount spendLast30Days) {

    /** The first day of the recent spend window ending on {@code at}: 30 days, both ends included. */
    public static LocalDate spendFrom(LocalDate at) {
        return at.minusDays(29);
    }

    /** Takes the projects one at a time and keeps only what the dashboard shows. */
    public static final class Tally {

        private final LocalDate at;
        private final Currency currency;
        private final int first;
        private final Map<ProjectStatus, Integer> counts = new EnumMap<>(ProjectStatus.class);
        private EarnedValueFigures totals;
        private BigDecimal spend = BigDecimal.ZERO;
        private final Worst worstCost;
        private final Worst worstSchedule;

        public Tally(LocalDate at, Currency currency, int first) {
            this.at = at;
            this.currency = currency;
            this.first = first;
            this.totals = EarnedValueFigures.zero(at, currency);
            this.worstCost = new Worst(p -> p.figures().costPerformanceIndex());
            this.worstSchedule = new Worst(p -> p.figures().schedulePerformanceIndex());
        }

        public void add(ProjectFigures project) {
            counts.merge(project.status(), 1, Integer::sum);
            totals = totals.plus(project.figures());
            spend = spend.add(project.recentSpend().amount());
            worstCost.offer(project);
            worstSchedule.offer(project);
        }

        public PortfolioDashboard dashboard() {
            return new PortfolioDashboard(at, ProjectStatusCounts.of(counts), totals, worstCost.ranked(),
                                          worstSchedule.ranked(), new Amount(spend, currency));
        }

        /** The {@code first} lowest by a ratio, in a bounded heap (the highest of them on top). */
        private final class Worst {
            private final Comparator<ProjectFigures> order;
            private final Function<ProjectFigures, BigDecimal> ratio;
            private final PriorityQueue<ProjectFigures> kept;

            Worst(Function<ProjectFigures, BigDecimal> ratio) {
                this.ratio = ratio;
                this.order = Comparator.comparing(ratio)
                        .thenComparing(p -> p.name().toLowerCase(java.util.Locale.ROOT))
                        .thenComparing(p -> p.projectId().toString());
                this.kept = new PriorityQueue<>(order.reversed());
            }

            void offer(ProjectFigures project) {
                if (ratio.apply(project) == null) {
                    return;
                }
                kept.add(project);
                if (kept.size() > first) {
                    kept.poll();
                }
            }

            List<ProjectFigures> ranked() {
                List<ProjectFigures> ranked = new ArrayList<>(kept);
                ranked.sort(order);
                return ranked;
            }
        }
    }
}
