package dev.portfolioledger.query.risk;

import java.util.List;
import java.util.UUID;

/**
 * A portfolio's 5 × 5 grid of open risks (GraphQL {@code RiskHeatmap}): every cell, probability
 * 5 down to 1 and within each impact 1 up to 5, with its count (zero included).
 *
 * @param atNs the record time read, which the cells' risk lists read too
 */
public record RiskHeatmap(UUID portfolioId, long atNs, List<Cell> cells) {

    /** One cell: the open risks of that probability and impact. */
    public record Cell(UUID portfolioId, long atNs, int probability, int impact, int count) {

        public int exposure() {
            return probability * impact;
        }
    }

    public int openRisks() {
        return cells.stream().mapToInt(Cell::count).sum();
    }

    /** The sum of the open risks' exposures. */
    public int totalExposure() {
        return cells.stream().mapToInt(c -> c.count() * c.exposure()).sum();
    }
}
