package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.normalize.SparseNormalizer;
import org.hpolink.ontology.Hpo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink bench normalize}: how fast the sparse normalizer is built and ranks, and the heap its index takes. */
@Command(
        name = "normalize",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time the sparse normalizer: building it from the HPO and the whole training file (SparseNormalizer.of, the "
                    + "median of --builds runs after an untimed one), the heap its index holds (the heap in use after "
                    + "System.gc() with it, less the heap without it), and ranking the 20 best ids "
                    + "(SparseNormalizer.rank(text, 20)) for the text of every key finding of the training file, --rounds "
                    + "times after --warmup untimed rounds, on --threads threads.",
            "Target: 2,000 mentions/s or more on 2 threads."
        })
final class BenchNormalizeCommand implements Callable<Integer> {

    private static final double TARGET_MENTIONS_PER_SECOND = 2_000;
    /** As many candidates as the dense half of the normalizer will re-rank. */
    private static final int CANDIDATES = 20;

    @Mixin
    private final ThroughputRounds throughput = new ThroughputRounds(10, 5);

    @Option(names = "--builds", paramLabel = "N", defaultValue = "3",
            description = "Timed builds of the normalizer, after one untimed build (default: ${DEFAULT-VALUE}).")
    private int builds;

    @Mixin
    private TrainingDataOption data;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException, ExecutionException {
        throughput.check(spec);
        OptionChecks.requireAtLeast(spec, "--builds", builds, 1);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());
        out.flush();

        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        List<String> mentions = new ArrayList<>();
        for (AnnotatedObservation o : corpus.observations()) {
            o.keyFindings().forEach(f -> mentions.add(f.span().coveredText(o.text())));
        }
        out.printf(Locale.ROOT, "data: %s (%,d observations, %,d key-finding mentions), HPO %s%n", corpus.source(), corpus.size(),
                mentions.size(), ontology.release());
        out.flush();

        long heapWithout = Measurement.heapUsedAfterGc();
        Measurement.Timed<SparseNormalizer> buildTimes = Measurement.time(1, builds, () -> SparseNormalizer.of(ontology, corpus));
        SparseNormalizer normalizer = buildTimes.last();
        long heapWith = Measurement.heapUsedAfterGc();
        // The normalizer must stay reachable until the heap is measured, or the collection frees it first.
        Reference.reachabilityFence(normalizer);
        out.printf(Locale.ROOT, "build: %,.0f ms (SparseNormalizer.of on all %,d observations, %,d names; median of %d)%n",
                buildTimes.medianMillis(), corpus.size(), normalizer.size(), builds);
        out.printf(Locale.ROOT, "heap held by the normalizer (after System.gc()): %.1f MiB (%.1f MiB in use with it, %.1f MiB without)%n",
                (heapWith - heapWithout) / Measurement.MIB, heapWith / Measurement.MIB, heapWithout / Measurement.MIB);
        out.flush();

        long rankNanos = rankRounds(normalizer, mentions);
        double perSecond = (double) throughput.rounds * mentions.size() / (rankNanos / 1e9);
        out.printf(Locale.ROOT, "rank: %,.0f mentions/s on %d thread%s (SparseNormalizer.rank(text, %d); %d rounds of %,d mentions after "
                + "%d warm-up rounds; target >= %,.0f on 2 threads: %s)%n", perSecond, throughput.threads,
                throughput.threads == 1 ? "" : "s", CANDIDATES, throughput.rounds,
                mentions.size(), throughput.warmup, TARGET_MENTIONS_PER_SECOND,
                throughput.threads == 2 ? (perSecond >= TARGET_MENTIONS_PER_SECOND ? "met" : "NOT met") : "not compared");
        out.flush();
        return 0;
    }

    /** Ranks every mention in each round, the threads taking every {@code threads}-th mention; the nanoseconds of the timed rounds. */
    private long rankRounds(SparseNormalizer normalizer, List<String> mentions) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(throughput.threads);
        try {
            for (int i = 0; i < throughput.warmup; i++) {
                rankOnce(pool, normalizer, mentions);
            }
            long start = System.nanoTime();
            for (int i = 0; i < throughput.rounds; i++) {
                rankOnce(pool, normalizer, mentions);
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private void rankOnce(ExecutorService pool, SparseNormalizer normalizer, List<String> mentions)
            throws InterruptedException, ExecutionException {
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < throughput.threads; t++) {
            int first = t;
            // the candidates are counted and returned so that the JIT cannot drop the ranking as unused
            parts.add(pool.submit(() -> {
                int candidates = 0;
                for (int m = first; m < mentions.size(); m += throughput.threads) {
                    candidates += normalizer.rank(mentions.get(m), CANDIDATES).size();
                }
                return candidates;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
    }
}
