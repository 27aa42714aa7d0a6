package org.hpolink.cli;

import java.lang.management.ManagementFactory;
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
}
