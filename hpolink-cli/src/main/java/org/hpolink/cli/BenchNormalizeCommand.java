package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.ToIntFunction;

import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.normalize.BiosynModelIO;
import org.hpolink.normalize.BiosynNormalizer;
import org.hpolink.normalize.SparseNormalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.Encoders;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hpolink bench normalize}: how fast the BioSyn normalizer (or, with {@code --sparse}, the sparse one) is
 * loaded or built and ranks, and the memory it takes.
 */
@Command(
        name = "normalize",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time the BioSyn normalizer: reading its bundle (the default normalizer, or --normalizer-model DIR; the median "
                    + "of --builds reads after an untimed one), the bytes of its dense index and the heap it holds (the "
                    + "heap in use after System.gc() with it, less the heap without it), and ranking the 20 best ids "
                    + "(BiosynNormalizer.rankAll(texts, 20), in batches of 64) for the text of every key finding of the "
                    + "training file, --rounds times after --warmup untimed rounds, on --threads threads. Those texts are names of a normalizer "
                    + "trained on the same file, so their vectors are stored; the same texts upper-cased, which the "
                    + "uncased encoder reads alike but which are not names, are timed too: each of them is encoded.",
            "With --sparse, the sparse normalizer instead: built from the HPO and the training file (SparseNormalizer.of), "
                    + "and ranking with SparseNormalizer.rank(text, 20).",
            "Targets: 2,000 mentions/s or more on 2 threads; a dense index of 150 MB or less."
        })
final class BenchNormalizeCommand implements Callable<Integer> {

    private static final double TARGET_MENTIONS_PER_SECOND = 2_000;
    private static final double TARGET_INDEX_MB = 150;
    /** Mentions ranked together: their vectors are scored against the names in one pass, and new texts encoded together. */
    private static final int BATCH = 64;
    /** As many candidates as BioSyn marginalizes over. */
    private static final int CANDIDATES = 20;

    @Mixin
    private final ThroughputRounds throughput = new ThroughputRounds(10, 5);

    @Option(names = "--builds", paramLabel = "N", defaultValue = "3",
            description = "Timed reads (or, with --sparse, builds) of the normalizer, after an untimed one (default: ${DEFAULT-VALUE}).")
    private int builds;

    @Option(names = "--sparse", description = "Time the sparse normalizer instead of BioSyn.")
    private boolean sparse;

    @Mixin
    private NormalizerOption normalizerOption;

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
        if (sparse) {
            benchSparse(ontology, corpus, mentions, out);
        } else {
            benchBiosyn(ontology, mentions, out);
        }
        out.flush();
        return 0;
    }

    private void benchSparse(Hpo ontology, Corpus corpus, List<String> mentions, PrintWriter out)
            throws IOException, InterruptedException, ExecutionException {
        long heapWithout = Measurement.heapUsedAfterGc();
        Measurement.Timed<SparseNormalizer> buildTimes = Measurement.time(1, builds, () -> SparseNormalizer.of(ontology, corpus));
        SparseNormalizer normalizer = buildTimes.last();
        long heapWith = Measurement.heapUsedAfterGc();
        // The normalizer must stay reachable until the heap is measured, or the collection frees it first.
        Reference.reachabilityFence(normalizer);
        out.printf(Locale.ROOT, "build: %,.0f ms (SparseNormalizer.of on all %,d observations, %,d names; median of %d)%n",
                buildTimes.medianMillis(), corpus.size(), normalizer.size(), builds);
        printHeap(heapWith, heapWithout, out);
        printRate("rank", rankRounds(text -> normalizer.rank(text, CANDIDATES).size(), mentions), mentions.size(),
                "SparseNormalizer.rank(text, " + CANDIDATES + ")", out);
    }

    private void benchBiosyn(Hpo ontology, List<String> mentions, PrintWriter out) throws IOException, InterruptedException, ExecutionException {
        // Each thread gets its share of the processors for encoding, as predict's workers do.
        try (Encoders training = new Encoders(); Encoders encoders = new Encoders(EncoderOptions.sharedBy(throughput.threads))) {
            // Trains the default normalizer first if it is missing: that is not timed.
            BiosynNormalizer trained = normalizerOption.normalizer(ontology, data.file(), encoders, training);
            Path folder = normalizerOption.folder();
            long heapWithout = Measurement.heapUsedAfterGc();
            Measurement.Timed<BiosynNormalizer> readTimes = Measurement.time(1, builds, () -> BiosynModelIO.read(folder, encoders));
            BiosynNormalizer normalizer = readTimes.last();
            long heapWith = Measurement.heapUsedAfterGc();
            Reference.reachabilityFence(normalizer);
            Reference.reachabilityFence(trained);
            double indexMb = normalizer.denseIndexBytes() / 1e6;
            out.printf(Locale.ROOT, "read: %,.0f ms (BiosynModelIO.read of %s, %,d names; median of %d)%n", readTimes.medianMillis(), folder,
                    normalizer.dictionary().size(), builds);
            out.printf(Locale.ROOT, "dense index: %.1f MB (%,d names x %d float32; target <= %.0f MB: %s)%n", indexMb,
                    normalizer.dictionary().size(), normalizer.config().dimension(), TARGET_INDEX_MB, indexMb <= TARGET_INDEX_MB ? "met" : "NOT met");
            printHeap(heapWith, heapWithout, out);
            String call = "BiosynNormalizer.rankAll(texts, " + CANDIDATES + ") in batches of " + BATCH;
            ToIntFunction<List<String>> rank = batch -> normalizer.rankAll(batch, CANDIDATES).size();
            printRate("rank, stored vectors", rankRounds(rank, batches(mentions)), mentions.size(), call, out);
            List<String> encoded = mentions.stream().map(text -> text.toUpperCase(Locale.ROOT)).toList();
            printRate("rank, encoded", rankRounds(rank, batches(encoded)), encoded.size(), call + ", the texts upper-cased", out);
        }
    }

    private static List<List<String>> batches(List<String> texts) {
        List<List<String>> batches = new ArrayList<>();
        for (int start = 0; start < texts.size(); start += BATCH) {
            batches.add(texts.subList(start, Math.min(texts.size(), start + BATCH)));
        }
        return batches;
    }

    private static void printHeap(long heapWith, long heapWithout, PrintWriter out) {
        out.printf(Locale.ROOT, "heap held by the normalizer (after System.gc()): %.1f MiB (%.1f MiB in use with it, %.1f MiB without)%n",
                (heapWith - heapWithout) / Measurement.MIB, heapWith / Measurement.MIB, heapWithout / Measurement.MIB);
        out.flush();
    }

    private void printRate(String what, long nanos, int texts, String call, PrintWriter out) {
        double perSecond = (double) throughput.rounds * texts / (nanos / 1e9);
        out.printf(Locale.ROOT, "%s: %,.0f mentions/s on %d thread%s (%s; %d rounds of %,d mentions after %d warm-up rounds; "
                        + "target >= %,.0f on 2 threads: %s)%n", what, perSecond, throughput.threads, throughput.threads == 1 ? "" : "s", call,
                throughput.rounds, texts, throughput.warmup, TARGET_MENTIONS_PER_SECOND,
                throughput.threads == 2 ? (perSecond >= TARGET_MENTIONS_PER_SECOND ? "met" : "NOT met") : "not compared");
        out.flush();
    }

    /**
     * Ranks every text (or batch of texts) in each round, the threads taking every {@code threads}-th one; the
     * nanoseconds of the timed rounds.
     */
    private <T> long rankRounds(ToIntFunction<T> rank, List<T> texts) throws InterruptedException, ExecutionException {
        ExecutorService pool = Executors.newFixedThreadPool(throughput.threads);
        try {
            for (int i = 0; i < throughput.warmup; i++) {
                rankOnce(pool, rank, texts);
            }
            long start = System.nanoTime();
            for (int i = 0; i < throughput.rounds; i++) {
                rankOnce(pool, rank, texts);
            }
            return System.nanoTime() - start;
        } finally {
            pool.shutdownNow();
        }
    }

    private <T> void rankOnce(ExecutorService pool, ToIntFunction<T> rank, List<T> texts) throws InterruptedException, ExecutionException {
        List<Future<Integer>> parts = new ArrayList<>();
        for (int t = 0; t < throughput.threads; t++) {
            int first = t;
            // the candidates are counted and returned so that the JIT cannot drop the ranking as unused
            parts.add(pool.submit(() -> {
                int candidates = 0;
                for (int m = first; m < texts.size(); m += throughput.threads) {
                    candidates += rank.applyAsInt(texts.get(m));
                }
                return candidates;
            }));
        }
        for (Future<Integer> part : parts) {
            part.get();
        }
    }
}
