package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.extract.lexical.LexicalModel;
import org.hpolink.extract.lexical.LexicalModelIO;
import org.hpolink.model.Sha256;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink train} on {@link TinyData}: the bundle, its provenance, and the options. */
class TrainCommandTest {

    @TempDir
    Path folder;

    private Path data;
    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        data = TinyData.create(folder.resolve("data"));
        environment = TinyData.environment(data, folder.resolve("models"));
    }

    @Test
    void writesABundleWhoseManifestHoldsTheProvenance() throws IOException {
        Path out = folder.resolve("model");

        Run run = TinyData.run(environment, "train", "--out", out.toString());

        assertEquals(0, run.exitCode(), run.err());
        Path train = data.resolve("bc8t3").resolve("train.tsv");
        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals(LexicalModelIO.FORMAT, manifest.get("format").asText());
        JsonNode provenance = manifest.get("provenance");
        assertEquals("lexical", provenance.get("component").asText());
        assertEquals("all", provenance.get("split").asText());
        assertEquals(train.toString(), provenance.get("trainingSource").asText());
        assertEquals(Sha256.of(train), provenance.get("trainingSha256").asText());
        assertEquals(12, provenance.get("trainingObservations").asInt());
        assertEquals("2023-01-27", provenance.get("hpoRelease").asText());
        assertEquals(0.5, provenance.get("config").get("entryMinPrecision").asDouble());

        LexicalModel model = LexicalModelIO.read(out);
        List<String> lines = run.out().lines().toList();
        assertTrue(lines.get(0).matches("model: " + Pattern.quote(out.toString())
                + " \\(" + model.size() + " dictionary keys; the folder holds [\\d,]+ bytes\\)"), lines.get(0));
        assertEquals(model.provenance().describe(), String.join("\n", lines.subList(1, lines.size())));
        assertTrue(run.err().contains("training"), "a progress bar on stderr: " + run.err());
    }

    /** A curator's corrections teach the model a wording the training file lacks, and show in its provenance. */
    @Test
    void correctionsAreTrainedOnBesideTheTrainingFile() throws IOException {
        Path corrections = Files.writeString(folder.resolve("corrections.tsv"), "ObservationID\tText\tHPO Term\tPolarity\tSpans\n"
                + "correction:1@2026-12-06T00:00:00Z\tEYES: droopy lids\t" + TinyData.HOODED_EYELID + "\tNA\t6-17\n");
        Path out = folder.resolve("model");

        Run run = TinyData.run(environment, "train", "--out", out.toString(), "--corrections", corrections.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(13, LexicalModelIO.read(out).provenance().trainingObservations());
        Run extract = TinyData.run(environment, "extract", "--model", out.toString(), "EYES: droopy lids");
        assertTrue(extract.out().contains(TinyData.HOODED_EYELID), extract.out());
        Run without = TinyData.run(environment, "extract", "EYES: droopy lids");
        assertTrue(!without.out().contains(TinyData.HOODED_EYELID), "the training file alone does not know the wording: " + without.out());

        Run twice = TinyData.run(environment, "train", "--out", folder.resolve("again").toString(), "--corrections", corrections.toString(),
                "--corrections", corrections.toString());
        assertEquals(2, twice.exitCode());
        assertTrue(twice.err().contains("appears twice"), twice.err());
    }

    @Test
    void optionsChooseTheDataHpoAndSettings() throws IOException {
        Path otherData = Files.write(folder.resolve("other.tsv"), TinyData.TRAINING.subList(0, 6));
        Path hpo = TinyData.writeHpo(folder.resolve("hpo.json"), "2024-02-08");
        Path out = folder.resolve("model");

        Run run = TinyData.run(Map.of(), "train", "--data", otherData.toString(), "--hpo", hpo.toString(), "--out", out.toString(),
                "--min-precision", "0", "--related-synonyms");

        assertEquals(0, run.exitCode(), run.err());
        LexicalModel model = LexicalModelIO.read(out);
        assertEquals(otherData.toString(), model.provenance().trainingSource());
        assertEquals(4, model.provenance().trainingObservations(), "t01 to t04");
        assertEquals("2024-02-08", model.provenance().hpoRelease());
        assertEquals(0.0, model.config().entryMinPrecision());
        assertTrue(model.config().useRelatedSynonyms());
    }

    /** A grid model that reads lexicon hints is trained with them and annotates with the default lexical model's. */
    @Test
    void aGridModelReadingLexiconHintsTrainsAndAnnotates() throws IOException {
        Path out = folder.resolve("grid");
        Run train = TinyData.run(environment, "train", "--grid", "--lexicon-hints", "--out", out.toString());
        assertEquals(0, train.exitCode(), train.err());
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"lexiconHints\" : true"), "the config says so");

        Run extract = TinyData.run(environment, "extract", "--model", "grid", "--grid-model", out.toString(), "EARS: low set");
        assertEquals(0, extract.exitCode(), extract.err());
        assertTrue(extract.out().startsWith("EARS: low set"), extract.out());
    }

    @Test
    void gridVariantsGoWithGrid() {
        Run run = TinyData.run(environment, "train", "--out", folder.resolve("model").toString(), "--tune-encoder");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--tune-encoder and --lexicon-hints go with --grid"), run.err());
        assertFalse(Files.exists(folder.resolve("model")));
    }

    @Test
    void fullGoesWithNormalizer() {
        Run run = TinyData.run(environment, "train", "--out", folder.resolve("model").toString(), "--full");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--full goes with --normalizer"), run.err());
        assertFalse(Files.exists(folder.resolve("model")));
    }

    @Test
    void encoderTuningOptionsGoWithFull() {
        Run run = TinyData.run(environment, "train", "--normalizer", "--out", folder.resolve("model").toString(), "--encoder-passes", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--encoder-passes and --encoder-learning-rate go with --full"), run.err());
        assertFalse(Files.exists(folder.resolve("model")));
    }

    @Test
    void minPrecisionMustBeAFraction() {
        Run run = TinyData.run(environment, "train", "--out", folder.resolve("model").toString(), "--min-precision", "1.5");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--min-precision is 1.5: expected a number from 0 to 1"), run.err());
        assertFalse(Files.exists(folder.resolve("model")));
    }

    @Test
    void aTrainingFileWithAnIdTheHpoLacksFailsNamingTheLine() throws IOException {
        Path broken = Files.write(folder.resolve("broken.tsv"),
                List.of(TinyData.HEADER, TinyData.key("b1", "EYES: epicanthus", "HP:0000999", "epicanthus")));

        Run run = TinyData.run(environment, "train", "--data", broken.toString(), "--out", folder.resolve("model").toString());

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + broken + " line 2, field Term: HP:0000999 is not in the ontology: expected a known HPO id",
                run.err().strip());
    }
}
