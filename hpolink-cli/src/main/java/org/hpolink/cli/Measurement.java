package org.hpolink.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/** What the benchmarks measure and print alike: times in milliseconds, heap in use, the runtime they ran on. */
final class Measurement {

    static final double MIB = 1024.0 * 1024.0;

    private Measurement() {
    }

    /** The Java version, processors and heap limit, which the figures depend on. */
    static String runtime() {
        Runtime runtime = Runtime.getRuntime();
        return String.format(Locale.ROOT, "Java %s, %d processors, max heap %.0f MiB",
                System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() / MIB);
    }

    /** Heap in use after asking for a full collection; System.gc() is a request, so the figure is an estimate. */
    static long heapUsedAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    /** The median of sorted timings, in milliseconds; the mean of the middle two for an even count. */
    static double medianMillis(long[] sortedNanos) {
        int middle = sortedNanos.length / 2;
        return sortedNanos.length % 2 == 1
                ? millis(sortedNanos[middle])
                : (millis(sortedNanos[middle - 1]) + millis(sortedNanos[middle])) / 2;
    }

    static double millis(long nanos) {
        return nanos / 1e6;
    }

    /** A call whose duration is measured. */
    @FunctionalInterface
    interface Call<T> {
        T call() throws IOException;
    }

    /** The durations of the timed calls, sorted, and what the last call returned. */
    record Timed<T>(T last, long[] sortedNanos) {
        double minMillis() {
            return millis(sortedNanos[0]);
        }

        double medianMillis() {
            return Measurement.medianMillis(sortedNanos);
        }

        double maxMillis() {
            return millis(sortedNanos[sortedNanos.length - 1]);
        }
    }

    /** Calls {@code call} {@code warmup} times untimed (so that the JIT compiles it), then times {@code runs} calls. */
    static <T> Timed<T> time(int warmup, int runs, Call<T> call) throws IOException {
        for (int i = 0; i < warmup; i++) {
            call.call();
        }
        long[] nanos = new long[runs];
        T last = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            last = call.call();
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return new Timed<>(last, nanos);
    }
}
