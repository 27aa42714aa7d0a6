package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
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
        OptionChecks.requireAtLeast(spec, "--warmup", warmup, 0);
        OptionChecks.requireAtLeast(spec, "--runs", runs, 1);
        Path file = hpo.file();
        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "file: %s (%,d bytes)%n", file, Files.size(file));
        out.println(Measurement.runtime());
        out.flush();

        long heapBefore = Measurement.heapUsedAfterGc();
        HpoJsonReader reader = new HpoJsonReader();
        Measurement.Timed<Hpo> reads = Measurement.time(warmup, runs, () -> reader.read(file));
        long heapAfter = Measurement.heapUsedAfterGc();
        Hpo loaded = reads.last();
        // The ontology must stay reachable until the heap is measured, or the collection frees it first.
        Reference.reachabilityFence(loaded);

        out.printf(Locale.ROOT, "read: HPO %s, %,d terms (%,d active)%n", loaded.release(), loaded.termCount(), loaded.activeTermCount());
        out.printf(Locale.ROOT, "time over %d runs after %d warm-up runs: min %.0f ms, median %.0f ms, max %.0f ms%n",
                runs, warmup, reads.minMillis(), reads.medianMillis(), reads.maxMillis());
        out.printf(Locale.ROOT, "heap used after loading (after System.gc()): %.1f MiB, %.1f MiB before, so the ontology "
                + "holds about %.1f MiB%n", heapAfter / Measurement.MIB, heapBefore / Measurement.MIB,
                (heapAfter - heapBefore) / Measurement.MIB);
        out.flush();
        return 0;
    }
}
