package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hpolink bench hpo-load}: how long reading the HPO file takes, and how much heap the ontology holds. */
@Command(
        name = "hpo-load",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time reading the HPO file into an ontology (HpoJsonReader.read).",
            "Warm-up runs come first, so that the JIT has compiled the reader, then the timed runs. Prints the minimum, "
                    + "median and maximum time, and the heap in use after a garbage collection with the last ontology "
                    + "read still held."
        })
final class BenchHpoLoadCommand implements Callable<Integer> {

    private static final double MIB = 1024.0 * 1024.0;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "3",
            description = "Untimed runs before the timed ones (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5",
            description = "Timed runs (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (warmup < 0) {
            throw new ParameterException(spec.commandLine(), "--warmup is " + warmup + ": expected 0 or more");
        }
        if (runs < 1) {
            throw new ParameterException(spec.commandLine(), "--runs is " + runs + ": expected 1 or more");
        }
        Path file = hpo.file();
        PrintWriter out = spec.commandLine().getOut();
        Runtime runtime = Runtime.getRuntime();
        out.printf(Locale.ROOT, "file: %s (%,d bytes)%n", file, Files.size(file));
        out.printf(Locale.ROOT, "Java %s, %d processors, max heap %.0f MiB%n",
                System.getProperty("java.version"), runtime.availableProcessors(), runtime.maxMemory() / MIB);
        out.flush();

        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long heapBefore = heapUsedAfterGc(memory);
        HpoJsonReader reader = new HpoJsonReader();
        for (int i = 0; i < warmup; i++) {
            reader.read(file);
        }
        long[] nanos = new long[runs];
        Hpo loaded = null;
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            loaded = reader.read(file);
            nanos[i] = System.nanoTime() - start;
        }
        long heapAfter = heapUsedAfterGc(memory);
        // The ontology must stay reachable until the heap is measured, or the collection frees it first.
        Reference.reachabilityFence(loaded);

        Arrays.sort(nanos);
        out.printf(Locale.ROOT, "read: HPO %s, %,d terms (%,d active)%n", loaded.release(), loaded.termCount(), loaded.activeTermCount());
        out.printf(Locale.ROOT, "time over %d runs after %d warm-up runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
                runs, warmup, millis(nanos[0]), median(nanos), millis(nanos[runs - 1]));
        out.printf(Locale.ROOT, "heap used after loading (after System.gc()): %.1f MiB, %.1f MiB before, so the ontology "
                + "holds about %.1f MiB%n", heapAfter / MIB, heapBefore / MIB, (heapAfter - heapBefore) / MIB);
        out.flush();
        return 0;
    }

    /** Heap in use after asking for a full collection; System.gc() is a request, so the figure is an estimate. */
    private static long heapUsedAfterGc(MemoryMXBean memory) {
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    /** The median of sorted timings, in milliseconds; the mean of the middle two for an even count. */
    private static double median(long[] sorted) {
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? millis(sorted[middle]) : (millis(sorted[middle - 1]) + millis(sorted[middle])) / 2;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
