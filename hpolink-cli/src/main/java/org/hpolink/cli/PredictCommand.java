package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.hpolink.corpus.Finding;
import org.hpolink.corpus.ObservationReader;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionWriter;
import org.hpolink.ontology.Hpo;
import org.hpolink.text.Observation;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink predict}: annotates the observations of a BC8 file and writes an official submission. */
@Command(
        name = "predict",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Annotate every observation of a BC8 file (with the lexical model, or the one --model names) and write the key findings as an official "
                    + "BioCreative VIII Track 3 submission (ObservationID, Text, HPO Term, Spans; an NA row for an "
                    + "observation without key findings).",
            "Only the id column (ObservationID or StringID) and the Text column of the input are read, so an annotated "
                    + "file, a blank test file or a submission all serve. Observations are annotated in parallel; the "
                    + "output is in input order and the same for any number of threads."
        })
final class PredictCommand implements Callable<Integer> {

    @Option(names = "--input", required = true, paramLabel = "FILE",
            description = "The BC8 file whose observations to annotate.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE",
            description = "Write the submission to FILE (replaced if it exists).")
    private Path output;

    @Option(names = "--threads", paramLabel = "N",
            description = "Annotate on N threads (default: the number of processors, ${DEFAULT-VALUE} here).")
    private int threads = Runtime.getRuntime().availableProcessors();

    @Mixin
    private ModelOption model;

    @Mixin
    private NormalizerOption normalizer;

    @Mixin
    private GridModelOption grid;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.requireAtLeast(spec, "--threads", threads, 1);
        // The input is read first, so a malformed file fails before any model is trained.
        List<Observation> observations = new ObservationReader().read(input);
        Hpo ontology = hpo.read();
        long start;
        List<List<Finding>> findings;
        try (ModelOption.OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, threads)) {
            start = System.nanoTime();
            try (ParallelAnnotator annotator = new ParallelAnnotator(pipeline.pipeline(), threads);
                 ProgressBar bar = Progress.of("predicting", observations.size(), spec.commandLine().getErr())) {
                findings = annotator.annotate(observations, bar::stepBy);
            }
        }
        int keyFindings = 0;
        int withNone = 0;
        for (int i = 0; i < observations.size(); i++) {
            int written = Submission.submittedFindings(observations.get(i), findings.get(i)).size();
            keyFindings += written;
            withNone += written == 0 ? 1 : 0;
        }
        write(observations, findings);
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d observations, %,d key findings written (%,d observations with none, written as NA), "
                + "in %.1f s%n", output, observations.size(), keyFindings, withNone, seconds);
        out.flush();
        return 0;
    }

    /** The whole submission is made in memory first, so a failure while making it leaves no partial file behind. */
    private void write(List<Observation> observations, List<List<Finding>> findings) throws IOException {
        Map<String, List<Finding>> byId = new HashMap<>();
        for (int i = 0; i < observations.size(); i++) {
            byId.put(observations.get(i).id(), findings.get(i));
        }
        StringWriter submission = new StringWriter();
        new SubmissionWriter().write(submission, observations, o -> byId.get(o.id()));
        Files.writeString(output, submission.toString(), StandardCharsets.UTF_8);
    }
}
