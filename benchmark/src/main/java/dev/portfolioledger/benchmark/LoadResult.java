package dev.portfolioledger.benchmark;

/**
 * What one closed-loop run measured: completed operations in the measured window (warm-up
 * excluded), their latencies, and failures, which are counted apart and never in the rate.
 */
public record LoadResult(String label, int workers, long operations, long errors, double seconds,
                         double p50Millis, double p99Millis, double maxMillis, String firstError) {

    public double perSecond() {
        return seconds <= 0 ? 0 : operations / seconds;
    }
}
