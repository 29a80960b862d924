package dev.portfolioledger.benchmark;

import java.util.Arrays;

/**
 * A growable array of long samples owned by one thread: recording must cost next to nothing
 * inside the measured loop, so no boxing, no locking.
 */
final class SampleBuffer {

    private long[] values = new long[4096];
    private int size;

    void add(long value) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    int size() {
        return size;
    }

    /** All samples of several buffers in one new array (read once the owning threads ended). */
    static long[] concat(Iterable<SampleBuffer> buffers) {
        int total = 0;
        for (SampleBuffer b : buffers) {
            total += b.size;
        }
        long[] all = new long[total];
        int at = 0;
        for (SampleBuffer b : buffers) {
            System.arraycopy(b.values, 0, all, at, b.size);
            at += b.size;
        }
        return all;
    }
}
