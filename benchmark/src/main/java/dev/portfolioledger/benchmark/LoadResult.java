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

    /**
     * Two runs of the same step as one: operations and time added, so the rate is the mean over
     * both windows; latencies are the worse of the two.
     */
    static LoadResult meanRate(LoadResult first, LoadResult second) {
        return new LoadResult(first.label(), first.workers(), first.operations() + second.operations(),
                first.errors() + second.errors(), first.seconds() + second.seconds(),
                Math.max(first.p50Millis(), second.p50Millis()), Math.max(first.p99Millis(), second.p99Millis()),
                Math.max(first.maxMillis(), second.maxMillis()),
                first.firstError() != null ? first.firstError() : second.firstError());
    }
}
