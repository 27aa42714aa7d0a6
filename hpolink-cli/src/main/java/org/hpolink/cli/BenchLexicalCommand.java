package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Corpus;
import org.hpolink.extract.lexical.LexicalConfig;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.extract.lexical.LexicalTrainer;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.ExtractionPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.text.Observation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink bench lexical}: how fast the lexical model trains, loads and annotates, and the heap it needs. */
@Command(
        name = "lexical",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time the lexical pipeline: training the model on the whole training file (LexicalTrainer.train, one run), "
                    + "reading its bundle (LexicalModelIO.read, the median of --loads runs after a warm-up), the heap in "
                    + "use once the model and the HPO are loaded (after System.gc()), and annotating every observation "
                    + "of the training file, --rounds times after --warmup untimed rounds, on --threads threads.",
            "Targets: 50,000 observations/s or more on 2 threads, a model load of 2 s or less, 512 MiB of heap or less."
        })
final class BenchLexicalCommand implements Callable<Integer> {

    private static final double TARGET_OBSERVATIONS_PER_SECOND = 50_000;
    private static final double TARGET_LOAD_MILLIS = 2_000;
    private static final double TARGET_HEAP_MIB = 512;

    // The JIT needs about 100 rounds to settle on this pipeline: after 30, the timed rounds ran at half the speed.
    @Mixin
    private final ThroughputRounds throughput = new ThroughputRounds(100, 200);

    @Option(names = "--loads", paramLabel = "N", defaultValue = "5",
            description = "Timed reads of the model bundle, after one untimed read (default: ${DEFAULT-VALUE}).")
    private int loads;

    @Mixin
    private TrainingDataOption data;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        throughput.check(spec);
        OptionChecks.requireAtLeast(spec, "--loads", loads, 1);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());
        out.flush();

        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        List<Observation> observations = corpus.withoutAnnotations();
        out.printf(Locale.ROOT, "data: %s (%,d observations), HPO %s%n", corpus.source(), corpus.size(), ontology.release());

        Measurement.Timed<LexicalModel> reads;
        try (TemporaryFolder bundle = TemporaryFolder.create("hpolink-bench-")) {
            trainInto(bundle.path(), corpus, ontology, out);
            reads = Measurement.time(1, loads, () -> LexicalModelIO.read(bundle.path()));
        }
        LexicalModel model = reads.last();
        double loadMillis = reads.medianMillis();
        out.printf(Locale.ROOT, "model load: %,.0f ms (LexicalModelIO.read, median of %d; target <= %,.0f ms: %s)%n",
                loadMillis, loads, TARGET_LOAD_MILLIS, verdict(loadMillis <= TARGET_LOAD_MILLIS));

        double heapMib = Measurement.heapUsedAfterGc() / Measurement.MIB;
        out.printf(Locale.ROOT, "heap used with the model, the HPO and the texts loaded (after System.gc()): %.1f MiB "
                + "(target <= %.0f MiB: %s)%n", heapMib, TARGET_HEAP_MIB, verdict(heapMib <= TARGET_HEAP_MIB));
        out.flush();

        ExtractionPipeline pipeline = ExtractionPipeline.lexical(model, ontology);
        double perSecond;
        try (ParallelPipeline annotator = new ParallelPipeline(pipeline, throughput.threads)) {
            perSecond = throughput.perSecond(observations.size(), () -> annotator.annotateAll(observations));
        }
        out.printf(Locale.ROOT, "annotate: %,.0f observations/s on %d thread%s (%d rounds of %,d observations after %d warm-up "
                + "rounds; target >= %,.0f on 2 threads: %s)%n", perSecond, throughput.threads, throughput.threads == 1 ? "" : "s",
                throughput.rounds, observations.size(), throughput.warmup,
                TARGET_OBSERVATIONS_PER_SECOND, throughput.threads == 2 ? verdict(perSecond >= TARGET_OBSERVATIONS_PER_SECOND) : "not compared");
        out.flush();
        return 0;
    }

    /** Times training on the whole corpus and writes the model to {@code bundle}; the trained model is not kept. */
    private static void trainInto(Path bundle, Corpus corpus, Hpo hpo, PrintWriter out) throws IOException {
        long start = System.nanoTime();
        LexicalModel trained = new LexicalTrainer(LexicalConfig.defaults()).train(corpus, hpo, TrainCommand.ALL);
        long nanos = System.nanoTime() - start;
        out.printf(Locale.ROOT, "train: %,.0f ms (LexicalTrainer.train on all %,d observations, one run), %,d dictionary keys%n",
                Measurement.millis(nanos), corpus.size(), trained.size());
        out.flush();
        LexicalModelIO.write(trained, bundle);
    }

    private static String verdict(boolean met) {
        return met ? "met" : "NOT met";
    }
}
