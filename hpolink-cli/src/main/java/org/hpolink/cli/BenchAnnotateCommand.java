package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hpolink.format.DocumentReader;
import org.hpolink.format.DocumentReaders;
import org.hpolink.format.JsonLinesDocumentWriter;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.DocumentStream;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Document;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hpolink bench annotate}: how many MB of document text a pipeline annotates a second, as annotate does. */
@Command(
        name = "annotate",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Time annotate's whole path on documents (read from memory; cut into windows, annotated by the pipeline --model "
                    + "names on --threads threads, mapped back, written as JSON Lines to nowhere): the documents of INPUT "
                    + "(default: the data folder's notes/genereviews, ten summaries of about 2,400 characters), each --copies times, "
                    + "--rounds times after --warmup untimed rounds.",
            "Target for the lexical model: 5 MB of text/s or more on 2 threads."
        })
final class BenchAnnotateCommand implements Callable<Integer> {

    private static final double TARGET_MB_PER_SECOND = 5;

    @Mixin
    private final ThroughputRounds throughput = new ThroughputRounds(20, 20);

    @Option(names = "--input", paramLabel = "PATH",
            description = "The documents to annotate, any input annotate reads (default: the data folder's notes/genereviews).")
    private String input;

    @Option(names = "--copies", paramLabel = "N", defaultValue = "20",
            description = "Each document this many times a round, under ids of their own (default: ${DEFAULT-VALUE}).")
    private int copies;

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
        throughput.check(spec);
        OptionChecks.requireAtLeast(spec, "--copies", copies, 1);
        PrintWriter out = spec.commandLine().getOut();
        out.println(Measurement.runtime());
        out.flush();

        String source = input != null ? input : HpolinkCommand.of(spec).dataLocation().folder().resolve("notes").resolve("genereviews").toString();
        List<Document> documents = copies(source);
        long characters = documents.stream().mapToLong(d -> d.text().length()).sum();
        out.printf(Locale.ROOT, "documents: %s, %,d a round (%d copies), %,d characters, %,.0f on average%n", source, documents.size(), copies,
                characters, (double) characters / documents.size());
        Hpo ontology = hpo.read();
        Profile chosenProfile = profile.profile(Profile.NOTES);
        try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, throughput.threads, chosenProfile);
             ParallelPipeline parallel = new ParallelPipeline(pipeline.pipeline(), throughput.threads)) {
            out.printf(Locale.ROOT, "pipeline: %s%n", pipeline.description());
            out.flush();
            DocumentStream stream = new DocumentStream(new DocumentAnnotator(parallel, ontology, chosenProfile, parallel));
            double charactersPerSecond = throughput.perSecond((int) Math.min(Integer.MAX_VALUE, characters), () -> round(stream, documents));
            double mbPerSecond = charactersPerSecond / 1e6;
            out.printf(Locale.ROOT, "annotate: %.2f MB of text/s, %,.0f documents/s on %d thread%s (%d rounds after %d warm-up rounds; target >= %.0f MB/s "
                    + "on 2 threads with the lexical model: %s)%n", mbPerSecond, charactersPerSecond * documents.size() / characters,
                    throughput.threads, throughput.threads == 1 ? "" : "s", throughput.rounds, throughput.warmup, TARGET_MB_PER_SECOND,
                    throughput.threads == 2 && pipeline.description().equals("lexical model")
                            ? (mbPerSecond >= TARGET_MB_PER_SECOND ? "met" : "NOT met") : "not compared");
        }
        out.flush();
        return 0;
    }

    /** The input's documents, each {@code copies} times. */
    private List<Document> copies(String source) throws IOException {
        List<Document> read = new ArrayList<>();
        try (DocumentReader reader = DocumentReaders.open(source, Optional.empty(), Integer.MAX_VALUE, System.in)) {
            for (Document d = reader.next(); d != null; d = reader.next()) {
                read.add(d);
            }
        }
        List<Document> documents = new ArrayList<>();
        for (int c = 0; c < copies; c++) {
            for (Document d : read) {
                documents.add(new Document(d.id() + "#" + c, d.text()));
            }
        }
        return documents;
    }

    private static void round(DocumentStream stream, List<Document> documents) {
        Iterator<Document> each = documents.iterator();
        try {
            stream.run(new DocumentReader() {
                @Override
                public Document next() {
                    return each.hasNext() ? each.next() : null;
                }

                @Override
                public void close() {
                    // Nothing is open.
                }
            }, new JsonLinesDocumentWriter(Writer.nullWriter()), annotated -> { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
