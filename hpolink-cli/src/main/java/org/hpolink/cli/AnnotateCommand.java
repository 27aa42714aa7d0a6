package org.hpolink.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import org.hpolink.assertion.Assertion;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.format.DocumentReader;
import org.hpolink.format.DocumentReaders;
import org.hpolink.format.DocumentWriter;
import org.hpolink.format.DocumentWriters;
import org.hpolink.format.InputFormat;
import org.hpolink.format.OutputFormat;
import org.hpolink.format.PhenopacketDocumentWriter;
import org.hpolink.format.Phenopackets;
import org.hpolink.ontology.Hpo;
import org.hpolink.pipeline.DocumentAnnotator;
import org.hpolink.pipeline.DocumentStream;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.ParallelPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Document;

import me.tongfei.progressbar.ProgressBar;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpolink annotate}: the findings of whole documents, of any length, in the formats downstream tools read. */
@Command(
        name = "annotate",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Annotate documents (clinical notes, letters, reports, abstracts, BC8 observations) and write each document's "
                    + "HPO findings with their spans, assertion, score and source.",
            "INPUT is a text file (one document), a folder of text files (one document each, hidden files skipped), a JSON "
                    + "Lines file ({\"id\": ..., \"text\": ...} a line), a BC8 TSV (one document an observation), a folder in the "
                    + "corpus/ + ann/ layout (its corpus/ texts), or - for standard input. Offsets are 0-based, end-exclusive, in "
                    + "UTF-16 code units of the text as read, without a byte order mark and with each CR LF read as LF.",
            "Documents are read, annotated and written a batch at a time, so memory does not grow with the input; a file "
                    + "or folder named by --output appears only once complete."
        })
final class AnnotateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "INPUT", description = "A file, a folder, or - for standard input.")
    private String input;

    @Option(names = "--input-format", paramLabel = "FORMAT",
            description = "text, folder, jsonl, bc8 or corpus (default: told by the path and the first bytes).")
    private String inputFormat;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (default: a JSON object a document, every finding), phenopacket (a Phenopacket v2 a document: "
                    + "JSON Lines, or a file a document when --output is a folder), bioc (BioC XML), tsv (a row a finding) or bc8 "
                    + "(the official submission, present findings only).")
    private String format;

    /** Kept as given: a trailing slash, which a path drops, asks for a folder. */
    @Option(names = "--output", paramLabel = "FILE|DIR",
            description = "Write to FILE (replaced if it exists), or, for --format phenopacket, to the folder DIR (an existing "
                    + "folder, or a path ending with /; new or empty). Default: standard output.")
    private String output;

    @Option(names = "--max-chars", paramLabel = "N", defaultValue = "5000000",
            description = "Refuse a document of more than N characters (default ${DEFAULT-VALUE}).")
    private int maxChars;

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
        OptionChecks.requireAtLeast(spec, "--max-chars", maxChars, 1);
        OutputFormat outputFormat = Choices.parse(spec, "--format", format, OutputFormat.values(), OutputFormat::label);
        Optional<InputFormat> given = inputFormat == null ? Optional.empty()
                : Optional.of(Choices.parse(spec, "--input-format", inputFormat, InputFormat.values(), InputFormat::label));
        Profile chosenProfile = profile.profile(Profile.NOTES);
        PrintWriter err = spec.commandLine().getErr();
        Hpo ontology = hpo.read();
        try (DocumentReader opened = DocumentReaders.open(input, given, maxChars, System.in);
             AnnotationOutput out = output(outputFormat)) {
            // The first document is read before any model is loaded or trained, so a wrong input fails at once.
            DocumentReader reader = withFirstRead(opened);
            long start;
            AtomicLong documents = new AtomicLong();
            AtomicLong characters = new AtomicLong();
            long[] byAssertion = new long[Assertion.values().length];
            try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, threads, chosenProfile);
                 ProgressBar bar = Progress.ofCharacters("annotating", inputSize(), err);
                 ParallelPipeline parallel = new ParallelPipeline(pipeline.pipeline(), threads, bar::stepBy)) {
                start = System.nanoTime();
                // Closed here, not by a try: closing ends the output, which a failed run must not do (its file is deleted).
                DocumentWriter writer = writer(outputFormat, out, ontology);
                DocumentAnnotator annotator = new DocumentAnnotator(parallel, ontology, chosenProfile, parallel);
                new DocumentStream(annotator).run(reader, writer, document -> {
                    documents.incrementAndGet();
                    characters.addAndGet(document.document().text().length());
                    for (DocumentFinding finding : document.findings()) {
                        byAssertion[finding.assertion().ordinal()]++;
                    }
                });
                writer.close();
                out.commit();
                bar.stepTo(Math.max(bar.getCurrent(), bar.getMax()));
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            PrintWriter summary = out.isStandardOutput() ? err : spec.commandLine().getOut();
            StringBuilder counts = new StringBuilder();
            for (Assertion assertion : Assertion.values()) {
                counts.append(counts.length() > 0 ? ", " : "").append(String.format(Locale.ROOT, "%,d %s", byAssertion[assertion.ordinal()], assertion.label()));
            }
            summary.printf(Locale.ROOT, "%s: %,d documents, %,d characters, %,d findings (%s), in %.1f s (%.2f MB of text/s)%n",
                    output == null ? "standard output" : output, documents.get(), characters.get(), Arrays.stream(byAssertion).sum(),
                    counts, seconds, characters.get() / seconds / 1e6);
            summary.flush();
        }
        return 0;
    }

    private AnnotationOutput output(OutputFormat outputFormat) throws IOException {
        if (output == null) {
            return AnnotationOutput.standardOutput(spec.commandLine().getOut());
        }
        Path path = Path.of(output);
        boolean folder = Files.isDirectory(path) || output.endsWith("/") || output.endsWith(File.separator);
        if (folder && outputFormat != OutputFormat.PHENOPACKET) {
            throw new IllegalArgumentException("--output " + output + " is a folder: only --format phenopacket writes a folder (a file a document)");
        }
        return folder ? AnnotationOutput.folder(path) : AnnotationOutput.file(path);
    }

    private DocumentWriter writer(OutputFormat outputFormat, AnnotationOutput out, Hpo ontology) throws IOException {
        String creator = "hpolink " + ProjectVersion.version();
        if (out.folder() != null) {
            return PhenopacketDocumentWriter.files(new Phenopackets(ontology.release(), creator, Instant.now()), out.folder());
        }
        return DocumentWriters.open(outputFormat, out.writer(), ontology.release(), creator, Instant.now());
    }

    /** The bytes of the input files, near enough its characters for progress; unknown (-1) for standard input. */
    private long inputSize() throws IOException {
        if (input.equals(DocumentReaders.STANDARD_INPUT)) {
            return -1;
        }
        Path path = Path.of(input);
        if (!Files.isDirectory(path)) {
            return Files.size(path);
        }
        Path texts = Files.isDirectory(path.resolve(DocumentReaders.CORPUS_FOLDER)) ? path.resolve(DocumentReaders.CORPUS_FOLDER) : path;
        try (Stream<Path> files = Files.list(texts)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    /** The reader with its first document read now, and handed out first. */
    private static DocumentReader withFirstRead(DocumentReader reader) throws IOException {
        Document first = reader.next();
        return new DocumentReader() {
            private boolean firstGiven;

            @Override
            public Document next() throws IOException {
                if (firstGiven) {
                    return reader.next();
                }
                firstGiven = true;
                return first;
            }

            @Override
            public void close() throws IOException {
                reader.close();
            }
        };
    }
}
