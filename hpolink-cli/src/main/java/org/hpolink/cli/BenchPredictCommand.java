package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Corpus;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Observation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code hpolink bench predict}: how fast a whole pipeline, models and encoders included, annotates observations. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time the pipeline --model names (default models trained first if missing) annotating every observation of "
                    + "the --data file, in chunks as predict does, --rounds times after --warmup untimed rounds, on "
                    + "--threads threads; then the same with every text upper-cased, which the uncased encoders read alike "
                    + "but which no stored name vector or lexicon entry matches as such, so that every mention is encoded "
                    + "as a new text would be.",
            "Targets for the grid and ensemble pipelines, on 2 threads, encoders included: 1,000 observations/s or more "
                    + "on the training texts, 500 or more upper-cased."
        })
final class BenchPredictCommand implements Callable<Integer> {

    private static final double TARGET_OBSERVATIONS_PER_SECOND = 1_000;
    private static final double TARGET_UPPER_CASED_PER_SECOND = 500;

    @Mixin
    private final ThroughputRounds throughput = new ThroughputRounds(3, 1);

    @Mixin
    private ModelOption model;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private GridModelOption grid;

    @Mixin
    private LlmOption llm;

    @Mixin
    private TrainingDataOption data;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        throughput.check(spec);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());
        out.flush();

        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        List<Observation> observations = corpus.withoutAnnotations();
        List<Observation> upperCased = observations.stream()
                .map(o -> new Observation(o.id(), o.text().toUpperCase(Locale.ROOT), o.section())).toList();
        out.printf(Locale.ROOT, "data: %s (%,d observations), HPO %s%n", corpus.source(), corpus.size(), ontology.release());
        try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, throughput.threads, Profile.EXAM);
             ParallelPipeline annotator = new ParallelPipeline(pipeline.pipeline(), throughput.threads)) {
            out.printf(Locale.ROOT, "pipeline: %s%n", pipeline.description());
            report(out, "the training texts", throughput.perSecond(observations.size(), () -> annotator.annotateAll(observations)),
                    TARGET_OBSERVATIONS_PER_SECOND);
            report(out, "the training texts upper-cased",
                    throughput.perSecond(upperCased.size(), () -> annotator.annotateAll(upperCased)), TARGET_UPPER_CASED_PER_SECOND);
        }
        out.flush();
        return 0;
    }

    private void report(PrintWriter out, String texts, double perSecond, double target) {
        out.printf(Locale.ROOT, "annotate %s: %,.0f observations/s on %d thread%s (%d rounds after %d warm-up rounds; target >= %,.0f "
                + "on 2 threads: %s)%n", texts, perSecond, throughput.threads, throughput.threads == 1 ? "" : "s", throughput.rounds,
                throughput.warmup, target, throughput.threads == 2 ? (perSecond >= target ? "met" : "NOT met") : "not compared");
        out.flush();
    }
}
