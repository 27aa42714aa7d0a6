package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;

import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.TextEncoder;
import org.hpolink.encode.VectorNorm;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.Term;

import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hpolink bench encoder}: how many phrases per second a transformer encoder turns into vectors. */
@Command(
        name = "encoder",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time a transformer encoder (ONNX Runtime, CPU) on HPO labels and synonyms of 3 to 10 words.",
            "The phrases are shuffled with a fixed seed, so every run encodes the same ones in the same order; the "
                    + "encoder sorts them by length into batches. Loads the model (timed), runs the warm-up passes, "
                    + "then the timed passes over all phrases, and prints phrases per second."
        })
final class BenchEncoderCommand implements Callable<Integer> {

    private static final int MIN_WORDS = 3;
    private static final int MAX_WORDS = 10;
    private static final long SEED = 17;

    @Option(names = "--model", paramLabel = "NAME", defaultValue = "all-minilm-l6-v2-q", converter = ModelName.class,
            description = "The encoder: all-minilm-l6-v2, all-minilm-l6-v2-q, bge-small-en-v1.5 or bge-small-en-v1.5-q "
                    + "(default: ${DEFAULT-VALUE}).")
    private EncoderModel model;

    @Option(names = "--threads", paramLabel = "N", defaultValue = "2",
            description = "ONNX Runtime threads within a batch (default: ${DEFAULT-VALUE}).")
    private int threads;

    @Option(names = "--batch", paramLabel = "N", defaultValue = "32",
            description = "Phrases per batch (default: ${DEFAULT-VALUE}).")
    private int batch;

    @Option(names = "--batch-pieces", paramLabel = "N", defaultValue = "" + EncoderOptions.DEFAULT_BATCH_PIECES,
            description = "Pieces per batch, padding included, at most: batches of long phrases hold fewer (default: ${DEFAULT-VALUE}).")
    private int batchPieces;

    @Option(names = "--phrases", paramLabel = "N", defaultValue = "2000",
            description = "Phrases per pass, at most; fewer if the HPO has fewer (default: ${DEFAULT-VALUE}).")
    private int phrases;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "1",
            description = "Untimed passes before the timed ones (default: ${DEFAULT-VALUE}).")
    private int warmup;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "3",
            description = "Timed passes (default: ${DEFAULT-VALUE}).")
    private int runs;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.requireAtLeast(spec, "--threads", threads, 1);
        OptionChecks.requireAtLeast(spec, "--batch", batch, 1);
        OptionChecks.requireAtLeast(spec, "--batch-pieces", batchPieces, 1);
        OptionChecks.requireAtLeast(spec, "--phrases", phrases, 1);
        OptionChecks.requireAtLeast(spec, "--warmup", warmup, 0);
        OptionChecks.requireAtLeast(spec, "--runs", runs, 1);
        Hpo ontology = hpo.read();
        List<String> texts = phrases(ontology, phrases);
        if (texts.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "the HPO " + hpo.file() + " has no label or synonym of " + MIN_WORDS
                    + " to " + MAX_WORDS + " words");
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());

        long loadStart = System.nanoTime();
        try (TextEncoder encoder = TextEncoder.open(model, new EncoderOptions(threads, batch, batchPieces))) {
            long loadNanos = System.nanoTime() - loadStart;
            double pieces = texts.stream().mapToInt(t -> encoder.tokenizer().encode(t).length()).average().orElse(0);
            out.printf(Locale.ROOT, "phrases: %,d HPO labels and synonyms of %d to %d words (HPO %s), %.1f pieces each on average "
                    + "with [CLS] and [SEP]%n", texts.size(), MIN_WORDS, MAX_WORDS, ontology.release(), pieces);
            out.printf(Locale.ROOT, "model: %s (%s), loaded in %.0f ms; %d intra-op threads, batches of %d (at most %,d pieces)%n",
                    model.fileName(), model.artifact(), Measurement.millis(loadNanos), threads, batch, batchPieces);
            out.flush();
            for (int i = 0; i < warmup; i++) {
                encoder.embed(texts, VectorNorm.RAW);
            }
            long cpuStart = processCpuNanos();
            Measurement.Timed<float[][]> passes = Measurement.time(0, runs, () -> encoder.embed(texts, VectorNorm.RAW));
            double cpuSeconds = (processCpuNanos() - cpuStart) / 1e9 / runs;
            out.printf(Locale.ROOT, "encode over %d runs after %d warm-up runs: min %.0f ms, median %.0f ms, max %.0f ms%n", runs,
                    warmup, passes.minMillis(), passes.medianMillis(), passes.maxMillis());
            out.printf(Locale.ROOT, "throughput: %.0f phrases/s at the median, %.0f at best%n", texts.size() / (passes.medianMillis() / 1e3),
                    texts.size() / (passes.minMillis() / 1e3));
            // Other processes on the same cores slow the figures down; the load average and CPU time show how much.
            out.printf(Locale.ROOT, "process CPU time: %.2f s per run on average; system load average at the end %.1f%n", cpuSeconds,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
        out.flush();
        return 0;
    }

    /** Labels and synonyms of active terms with 3 to 10 words, distinct, shuffled with a fixed seed, at most {@code limit}. */
    static List<String> phrases(Hpo ontology, int limit) {
        SortedSet<String> distinct = new TreeSet<>();
        for (Term term : ontology.activeTerms()) {
            List<String> names = new ArrayList<>();
            names.add(term.label());
            term.synonyms().stream().map(Synonym::text).forEach(names::add);
            for (String name : names) {
                int words = name.isBlank() ? 0 : name.trim().split("\\s+").length;
                if (words >= MIN_WORDS && words <= MAX_WORDS) {
                    distinct.add(name);
                }
            }
        }
        List<String> shuffled = new ArrayList<>(distinct);
        Collections.shuffle(shuffled, new Random(SEED));
        return List.copyOf(shuffled.subList(0, Math.min(limit, shuffled.size())));
    }

    /** CPU time of the whole process, native threads included, where the JVM tells it; 0 elsewhere. */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Reads a model by its file name (all-minilm-l6-v2-q) or constant name (ALL_MINILM_L6_V2_Q). */
    static final class ModelName implements ITypeConverter<EncoderModel> {
        @Override
        public EncoderModel convert(String value) {
            return EncoderModel.parse(value);
        }
    }
}
