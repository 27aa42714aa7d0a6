package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.ontology.Obographs;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

import picocli.CommandLine;

/**
 * A data folder made in code for the commands that train: {@link TinyHpo} as {@code hpo/hp-2023-01-27.json} and a
 * hand-written training file of a dozen observations as {@code bc8t3/train.tsv}, with a models folder beside it.
 * The observations name the tiny HPO's eye and ear terms, a few of them negated with "no" (normal findings), so the
 * trained model finds key findings, learns "no" as a negation cue and leaves observations without a finding alone.
 */
final class TinyData {

    static final String HEADER = "StringID\tParticipantCount\tText\tTerm\tNegated\tSpans";

    static final String LOW_SET_EARS = "HP:0000369";
    static final String THIN_EAR_HELIX = "HP:0009905";
    static final String EPICANTHUS = "HP:0000286";
    static final String HOODED_EYELID = "HP:0030820";

    /** The training file's lines: header, then one row per finding (an NA row for an observation without any). */
    static final List<String> TRAINING = List.of(
            HEADER,
            key("t01", "EARS: low set, thin helices", LOW_SET_EARS, "EARS", "low set"),
            key("t01", "EARS: low set, thin helices", THIN_EAR_HELIX, "thin helices"),
            key("t02", "EARS: low set", LOW_SET_EARS, "EARS", "low set"),
            key("t03", "EARS: thin helices", THIN_EAR_HELIX, "thin helices"),
            key("t04", "EYES: epicanthus", EPICANTHUS, "epicanthus"),
            key("t05", "EYES: mild epicanthus", EPICANTHUS, "epicanthus"),
            key("t06", "EYES: epicanthal folds, hooded eyelids", EPICANTHUS, "epicanthal folds"),
            key("t06", "EYES: epicanthal folds, hooded eyelids", HOODED_EYELID, "hooded eyelids"),
            key("t07", "EYES: hooded eyelids", HOODED_EYELID, "hooded eyelids"),
            normal("t08", "EYES: no epicanthus", EPICANTHUS, "epicanthus"),
            normal("t09", "EYES: no hooded eyelids", HOODED_EYELID, "hooded eyelids"),
            normal("t10", "EYES: no epicanthal folds", EPICANTHUS, "epicanthal folds"),
            none("t11", "NECK: supple"),
            none("t12", "EARS: normally placed"));

    private TinyData() {
    }

    /** Writes the data folder into {@code folder} and returns it. */
    static Path create(Path folder) throws IOException {
        writeHpo(Files.createDirectories(folder.resolve("hpo")).resolve("hp-2023-01-27.json"), "2023-01-27");
        Files.write(Files.createDirectories(folder.resolve("bc8t3")).resolve("train.tsv"), TRAINING);
        return folder;
    }

    /** {@link TinyHpo} as an obographs file that names {@code release} as its release. */
    static Path writeHpo(Path file, String release) throws IOException {
        return Files.writeString(file, Obographs.json(TinyHpo.build()).replace("/releases/2023-01-27/", "/releases/" + release + "/"));
    }

    /** The environment of a run on the data folder {@code data}, with the default model in {@code models}. */
    static Map<String, String> environment(Path data, Path models) {
        return Map.of(DataLocation.ENVIRONMENT_VARIABLE, data.toString(), ModelLocation.ENVIRONMENT_VARIABLE, models.toString());
    }

    /** Runs hpolink in-process in {@code environment}. */
    static Run run(Map<String, String> environment, String... args) {
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), environment, args);
    }

    /** The spans of {@code parts}, found in {@code text} in order. */
    static Span span(String text, String... parts) {
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (String part : parts) {
            int start = text.indexOf(part, from);
            if (start < 0) {
                throw new IllegalArgumentException("'" + part + "' is not in '" + text + "' after offset " + from);
            }
            segments.add(new Segment(start, start + part.length()));
            from = start + part.length();
        }
        return Span.of(segments.toArray(Segment[]::new));
    }

    static String key(String id, String text, String term, String... parts) {
        return String.join("\t", id, "1", text, term, "NA", span(text, parts).toString());
    }

    static String normal(String id, String text, String term, String... parts) {
        return String.join("\t", id, "1", text, term, "X", span(text, parts).toString());
    }

    static String none(String id, String text) {
        return String.join("\t", id, "1", text, "NA", "NA", "NA");
    }
}
