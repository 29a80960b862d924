package dev.portfolioledger.benchmark;

import java.util.Arrays;

/**
 * Nearest-rank percentiles over a complete set of samples. The harness keeps every sample (a
 * run records at most a few hundred thousand), so no histogram approximation is needed.
 */
public final class Percentiles {

    private final long[] sorted;

    private Percentiles(long[] sorted) {
        this.sorted = sorted;
    }

    /** Takes ownership of {@code samples} (sorts it in place). */
    public static Percentiles of(long[] samples) {
        Arrays.sort(samples);
        return new Percentiles(samples);
    }

    public int count() {
        return sorted.length;
    }

    /** The sample at rank ceil(p/100 * n); NaN without samples, so an empty run shows as "n/a". */
    public double at(double percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    public double max() {
        return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1];
    }
}
