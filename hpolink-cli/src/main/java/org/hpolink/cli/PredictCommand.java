package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hpolink.corpus.ObservationReader;
import org.hpolink.format.Bc8DocumentWriter;
import org.hpolink.format.DocumentReader;
import org.hpolink.format.DocumentReaders;
import org.hpolink.format.InputFormat;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.DocumentStream;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.pipeline.Profile;
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
                    + "file, a blank test file or a submission all serve. Observations are annotated in parallel, a batch at "
                    + "a time; the output is in input order and the same for any number of threads, and FILE appears only once "
                    + "complete."
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
    private LlmOption llm;

    @Mixin
    private HpoOption hpo;

    @Mixin
    private ProfileOption profile;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        OptionChecks.requireAtLeast(spec, "--threads", threads, 1);
        Profile chosenProfile = profile.profile(Profile.EXAM);
        // The whole input is checked first (a row at a time), so a malformed file fails before any model is trained.
        long textCharacters = checkedCharacters();
        Hpo ontology = hpo.read();
        long start;
        Bc8DocumentWriter writer;
        long[] observations = {0};
        try (DocumentReader reader = DocumentReaders.open(input.toString(), Optional.of(InputFormat.BC8), Integer.MAX_VALUE, System.in);
             AnnotationOutput out = AnnotationOutput.file(output);
             OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, threads, chosenProfile)) {
            start = System.nanoTime();
            writer = new Bc8DocumentWriter(out.writer());
            try (ProgressBar bar = Progress.ofCharacters("predicting", textCharacters, spec.commandLine().getErr());
                 ParallelPipeline parallel = new ParallelPipeline(pipeline.pipeline(), threads, bar::stepBy)) {
                DocumentAnnotator annotator = new DocumentAnnotator(parallel, ontology, chosenProfile, parallel);
                new DocumentStream(annotator).run(reader, writer, document -> observations[0]++);
                writer.close();
                out.commit();
                bar.stepTo(textCharacters);
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;

        PrintWriter out = spec.commandLine().getOut();
        out.printf(Locale.ROOT, "%s: %,d observations, %,d key findings written (%,d observations with none, written as NA), "
                + "in %.1f s%n", output, observations[0], writer.findingsWritten(), writer.documentsWithout(), seconds);
        out.flush();
        return 0;
    }

    /** The characters of the input's observation texts, every row read and checked. */
    private long checkedCharacters() throws IOException {
        long characters = 0;
        try (ObservationReader.Observations observations = ObservationReader.open(Files.newInputStream(input), input.toString(), Long.MAX_VALUE)) {
            for (Observation observation = observations.next(); observation != null; observation = observations.next()) {
                characters += observation.text().length();
            }
        }
        return characters;
    }
}
