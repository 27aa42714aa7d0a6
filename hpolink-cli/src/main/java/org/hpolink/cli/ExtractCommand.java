package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.pipeline.OpenPipeline;
import org.hpolink.pipeline.Profile;
import org.hpolink.text.Observation;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpolink extract}: the findings of one observation text, or of each line of a file, for a person or a program. */
@Command(
        name = "extract",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Print the key findings of an observation text: each HPO id with its label, the text it covers and its spans "
                    + "(0-based, end-exclusive offsets into the text, as in BC8 files).",
            "If the argument names an existing file, each of its lines is an observation."
        })
final class ExtractCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** One finding as --json prints it. */
    record JsonFinding(String id, String label, String spans, String spanText, String status) {
    }

    /** One observation as --json prints it. */
    record JsonObservation(String text, List<JsonFinding> findings) {
    }

    @Parameters(paramLabel = "TEXT|FILE",
            description = "An observation text, such as \"EARS: low set, thin helices\", or a file with one observation per line.")
    private String input;

    @Option(names = "--json", description = "Print a JSON array with one object per observation: {text, findings: [{id, "
            + "label, spans, spanText, status}]}.")
    private boolean json;

    @Option(names = "--all", description = "Print the normal findings too (\"no epicanthus\"), marked as normal; they are "
            + "never part of a submission.")
    private boolean all;

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

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        boolean fromFile = isFile(input);
        List<Observation> observations = fromFile ? lines(Path.of(input)) : List.of(Observation.of("text", input));
        Hpo ontology = hpo.read();
        List<List<Finding>> annotated;
        try (OpenPipeline pipeline = model.pipeline(ontology, normalizer, grid, llm, 1, Profile.EXAM)) {
            annotated = pipeline.pipeline().annotateAll(observations);
        }

        List<JsonObservation> results = new ArrayList<>();
        for (int o = 0; o < observations.size(); o++) {
            Observation observation = observations.get(o);
            List<JsonFinding> findings = new ArrayList<>();
            for (Finding finding : annotated.get(o)) {
                if (all || finding.isKey()) {
                    findings.add(new JsonFinding(finding.id().value(), label(ontology, finding.id()), finding.span().toString(),
                            finding.span().coveredText(observation.text()), status(finding.status())));
                }
            }
            results.add(new JsonObservation(observation.text(), findings));
        }

        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(JSON.writeValueAsString(results));
        } else {
            printForAPerson(fromFile, results, out);
        }
        out.flush();
        return 0;
    }

    /** Each line of the file as an observation, blank ones too, so that results and lines correspond one to one. */
    private static List<Observation> lines(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new IOException(file + ": not UTF-8 text: expected one observation per line, in UTF-8", e);
        }
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            observations.add(Observation.of("line " + (i + 1), lines.get(i)));
        }
        return observations;
    }

    private static boolean isFile(String argument) {
        try {
            return Files.isRegularFile(Path.of(argument));
        } catch (InvalidPathException e) {
            return false;
        }
    }

    private static String label(Hpo hpo, HpoId id) {
        // The pipeline maps every id to a primary id of the HPO it was built with, which has a term for it.
        return hpo.term(id).map(Term::label).orElseThrow(() -> new IllegalStateException(
                "the pipeline gave " + id + ", which HPO " + hpo.release() + " lacks: expected a primary id of that release"));
    }

    private static String status(FindingStatus status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    /** Each text (with its line number for a file), then one aligned line per finding: id, label, spans, the covered text in quotes, and (normal). */
    private void printForAPerson(boolean fromFile, List<JsonObservation> results, PrintWriter out) {
        for (int o = 0; o < results.size(); o++) {
            JsonObservation result = results.get(o);
            if (o > 0) {
                out.println();
            }
            out.println(fromFile ? "line " + (o + 1) + ": " + result.text() : result.text());
            if (result.findings().isEmpty()) {
                out.println(all ? "  no findings" : "  no key findings");
                continue;
            }
            int labelWidth = result.findings().stream().mapToInt(f -> f.label().length()).max().orElse(0);
            int spansWidth = result.findings().stream().mapToInt(f -> f.spans().length()).max().orElse(0);
            for (JsonFinding finding : result.findings()) {
                String line = String.format(Locale.ROOT, "  %s  %-" + labelWidth + "s  %-" + spansWidth + "s  \"%s\"%s",
                        finding.id(), finding.label(), finding.spans(), finding.spanText(),
                        finding.status().equals(status(FindingStatus.NORMAL)) ? "  (normal)" : "");
                out.println(line);
            }
        }
    }
}
