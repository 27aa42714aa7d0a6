package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.PredictedFinding;
import org.hpolink.corpus.Submission;
import org.hpolink.corpus.SubmissionReader;
import org.hpolink.model.Sha256;
import org.hpolink.ontology.HpoId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code hpolink predict} on {@link TinyData}: a valid submission, the default model's life cycle, and input errors. */
class PredictCommandTest {

    private static final String EARS = "EARS: low set, thin helices";

    @TempDir
    Path folder;

    private Path data;
    private Path train;
    private Path models;
    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        data = TinyData.create(folder.resolve("data"));
        train = data.resolve("bc8t3").resolve("train.tsv");
        models = folder.resolve("models");
        environment = TinyData.environment(data, models);
    }

    /** Predicts with the lexical pipeline, unless {@code more} names another with --model. */
    private Run predict(Path input, Path output, String... more) {
        List<String> args = new ArrayList<>(List.of("predict", "--input", input.toString(), "--output", output.toString()));
        args.addAll(List.of(more));
        if (!args.contains("--model")) {
            args.addAll(List.of("--model", "lexical"));
        }
        return TinyData.run(environment, args.toArray(String[]::new));
    }

    @Test
    void writesASubmissionThatValidatesAgainstTheInput() throws IOException {
        Path output = folder.resolve("pred.tsv");

        Run run = predict(train, output);

        assertEquals(0, run.exitCode(), run.err());
        Corpus input = new Bc8CorpusReader(id -> true).read(train);
        Submission submission = new SubmissionReader().read(output, input);
        assertTrue(submission.withSpans());
        assertEquals(List.of(
                        new PredictedFinding(HpoId.of(TinyData.LOW_SET_EARS), Optional.of(TinyData.span(EARS, "EARS", "low set")), 2),
                        new PredictedFinding(HpoId.of(TinyData.THIN_EAR_HELIX), Optional.of(TinyData.span(EARS, "thin helices")), 3)),
                submission.findings("t01"));
        assertEquals(List.of(), submission.findings("t08"), "a normal finding is never written");
        List<String> lines = Files.readAllLines(output);
        assertEquals(List.of(
                "ObservationID\tText\tHPO Term\tSpans",
                "t01\tEARS: low set, thin helices\tHP:0000369\t0-4,6-13",
                "t01\tEARS: low set, thin helices\tHP:0009905\t15-27",
                "t02\tEARS: low set\tHP:0000369\t0-4,6-13",
                "t03\tEARS: thin helices\tHP:0009905\t6-18",
                "t04\tEYES: epicanthus\tHP:0000286\t6-16",
                "t05\tEYES: mild epicanthus\tHP:0000286\t11-21",
                "t06\tEYES: epicanthal folds, hooded eyelids\tHP:0000286\t6-22",
                "t06\tEYES: epicanthal folds, hooded eyelids\tHP:0030820\t24-38",
                "t07\tEYES: hooded eyelids\tHP:0030820\t6-20",
                "t08\tEYES: no epicanthus\tNA\tNA",
                "t09\tEYES: no hooded eyelids\tNA\tNA",
                "t10\tEYES: no epicanthal folds\tNA\tNA",
                "t11\tNECK: supple\tNA\tNA",
                "t12\tEARS: normally placed\tNA\tNA"), lines,
                "the model finds exactly the key findings of its own training file; the rest get NA rows");
        assertTrue(Pattern.matches(Pattern.quote(output.toString())
                + ": 12 observations, 9 key findings written \\(5 observations with none, written as NA\\), in \\d+\\.\\d s",
                run.out().strip()), run.out());
        assertTrue(run.err().contains("predicting 100%"), "a progress bar on stderr: " + run.err());
    }

    /** The ensemble trains its three default models on first use and writes a valid submission. */
    @Test
    void theEnsembleTrainsItsDefaultModelsAndWritesASubmissionThatValidates() throws IOException {
        Path output = folder.resolve("pred.tsv");

        Run run = predict(train, output, "--model", "ensemble");

        assertEquals(0, run.exitCode(), run.err());
        for (String kind : List.of("lexical", "normalizer", "grid")) {
            assertTrue(run.err().contains("hpolink: the default model " + models.resolve(kind) + " does not exist yet"), run.err());
            assertTrue(Files.isRegularFile(models.resolve(kind).resolve("manifest.json")), kind);
        }
        assertTrue(run.err().contains("training the grid model (passes)"), run.err());
        Submission submission = new SubmissionReader().read(output, new Bc8CorpusReader(id -> true).read(train));
        assertTrue(submission.withSpans());
        assertTrue(run.out().startsWith(output + ": 12 observations, "), run.out());
    }

    /** The default pipeline is the lexical model alone: only it is trained on first use. */
    @Test
    void theDefaultPipelineIsTheLexicalModelAlone() throws IOException {
        Path output = folder.resolve("pred.tsv");

        Run run = TinyData.run(environment, "predict", "--input", train.toString(), "--output", output.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(Files.isRegularFile(models.resolve("lexical").resolve("manifest.json")), run.err());
        assertFalse(Files.exists(models.resolve("normalizer")), run.err());
        assertFalse(Files.exists(models.resolve("grid")), run.err());
        assertArrayEquals(Files.readAllBytes(output), Files.readAllBytes(predictedWithLexicalModel()));
    }

    private Path predictedWithLexicalModel() {
        Path lexical = folder.resolve("lexical.tsv");
        Run run = predict(train, lexical, "--model", "lexical");
        assertEquals(0, run.exitCode(), run.err());
        return lexical;
    }

    @Test
    void aGridModelFolderNeedsAPipelineWithTheGridModel() {
        Run run = predict(train, folder.resolve("pred.tsv"), "--grid-model", folder.toString());

        assertEquals(2, run.exitCode());
        assertTrue(run.err().contains("--grid-model goes with --model grid or ensemble"), run.err());
    }

    @Test
    void theDefaultModelIsTrainedWhenMissingOrOutOfDateAndReusedOtherwise() throws IOException {
        Path output = folder.resolve("pred.tsv");
        Path model = models.resolve("lexical");

        Run first = predict(train, output);
        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().startsWith("hpolink: the default model " + model + " does not exist yet: training it on " + train
                + " with HPO release 2023-01-27"), first.err());
        assertTrue(Files.isRegularFile(model.resolve("manifest.json")));
        byte[] firstOutput = Files.readAllBytes(output);

        Run second = predict(train, output);
        assertEquals(0, second.exitCode(), second.err());
        assertFalse(second.err().contains("hpolink: the default model"), second.err());
        assertArrayEquals(firstOutput, Files.readAllBytes(output));

        String oldSha256 = Sha256.of(train);
        Files.writeString(train, TinyData.none("t13", "SKIN: no rashes") + "\n", StandardOpenOption.APPEND);
        Run newData = predict(train, output);
        assertEquals(0, newData.exitCode(), newData.err());
        assertTrue(newData.err().startsWith("hpolink: the default model " + model + " was trained on data with sha256 " + oldSha256
                + ", and " + train + " now has sha256 " + Sha256.of(train) + ": training it"), newData.err());

        TinyData.writeHpo(data.resolve("hpo").resolve("hp-2023-01-27.json"), "2024-02-08");
        Run newHpo = predict(train, output);
        assertEquals(0, newHpo.exitCode(), newHpo.err());
        assertTrue(newHpo.err().startsWith("hpolink: the default model " + model
                + " was trained with HPO release 2023-01-27, not 2024-02-08: training it"), newHpo.err());

        // As if an older hpolink with another default had trained it.
        Path manifest = model.resolve("manifest.json");
        String json = Files.readString(manifest);
        String olderDefault = json.replaceAll("\"maxWindowTokens\"\\s*:\\s*12\\b", "\"maxWindowTokens\" : 11");
        assertNotEquals(json, olderDefault);
        Files.writeString(manifest, olderDefault);
        Run newDefaults = predict(train, output);
        assertEquals(0, newDefaults.exitCode(), newDefaults.err());
        assertTrue(newDefaults.err().startsWith("hpolink: the default model " + model
                + " was trained with another configuration than the default: maxWindowTokens 11 (now 12): training it"), newDefaults.err());

        Files.writeString(model.resolve("manifest.json"), "{");
        Run damaged = predict(train, output);
        assertEquals(0, damaged.exitCode(), damaged.err());
        assertTrue(damaged.err().startsWith("hpolink: the default model " + model + " cannot be read ("), damaged.err());
        try (Stream<Path> left = Files.list(models)) {
            assertEquals(List.of(model), left.toList(), "no staging or old folders are left behind");
        }
    }

    @Test
    void theOutputDoesNotDependOnTheNumberOfThreads() throws IOException {
        Path one = folder.resolve("one.tsv");
        Path four = folder.resolve("four.tsv");

        assertEquals(0, predict(train, one, "--threads", "1").exitCode());
        assertEquals(0, predict(train, four, "--threads", "4").exitCode());

        assertArrayEquals(Files.readAllBytes(one), Files.readAllBytes(four));
    }

    @Test
    void anEmptyTextFailsNamingFileLineAndFieldBeforeAnyTraining() throws IOException {
        Path input = Files.write(folder.resolve("input.tsv"), List.of("ObservationID\tText", "a\tEYES: epicanthus", "b\t"));
        Path output = folder.resolve("pred.tsv");

        Run run = predict(input, output);

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + input + " line 3, field Text: empty text: expected the observation text", run.err().strip());
        assertFalse(Files.exists(output));
        assertFalse(Files.exists(models), "the input is checked before the default model is trained");
    }

    @Test
    void aFileSavedOnWindowsWithAByteOrderMarkIsReadLikeAnyOther() throws IOException {
        Path input = Files.write(folder.resolve("input.tsv"), "\uFEFFObservationID\tText\r\na\tEARS: low set\r\nb\tNECK: supple\r\n"
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        Path output = folder.resolve("pred.tsv");

        Run run = predict(input, output);

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(List.of("ObservationID\tText\tHPO Term\tSpans", "a\tEARS: low set\tHP:0000369\t0-4,6-13", "b\tNECK: supple\tNA\tNA"),
                Files.readAllLines(output));
    }

    /** An observation of 270,000 characters is annotated a window at a time and written row by row, like any other. */
    @Test
    void aVeryLongObservationIsWrittenLikeAnyOther() throws IOException {
        String text = "EARS: normal shape. " + "Normal shape. ".repeat(19_300) + "Low set, thin helices.";
        assertTrue(text.length() > 270_000);
        Path input = Files.writeString(folder.resolve("input.tsv"), "ObservationID\tText\nlong\t" + text + "\nshort\tEARS: low set\n");
        Path output = folder.resolve("pred.tsv");

        Run run = predict(input, output);

        assertEquals(0, run.exitCode(), run.err());
        int lowSet = text.indexOf("Low set");
        int thin = text.indexOf("thin helices");
        assertEquals(List.of("ObservationID\tText\tHPO Term\tSpans",
                "long\t" + text + "\tHP:0000369\t0-4," + lowSet + "-" + (lowSet + 7),
                "long\t" + text + "\tHP:0009905\t" + thin + "-" + (thin + 12),
                "short\tEARS: low set\tHP:0000369\t0-4,6-13"), Files.readAllLines(output),
                "the last window of the long observation still borrows its header EARS");
    }

    @Test
    void anUnknownIdColumnFailsNamingTheHeader() throws IOException {
        Path input = Files.write(folder.resolve("input.tsv"), List.of("ID\tText", "a\tEYES: epicanthus"));

        Run run = predict(input, folder.resolve("pred.tsv"));

        assertEquals(1, run.exitCode());
        assertEquals("hpolink: error: " + input + " line 1, field (header): no ObservationID or StringID column: expected a header "
                + "with ObservationID or StringID; found ID, Text", run.err().strip());
    }

    @Test
    void aModelNamedWithModelIsUsedAsItIs() throws IOException {
        Path model = folder.resolve("model");
        assertEquals(0, TinyData.run(environment, "train", "--out", model.toString()).exitCode());
        Path output = folder.resolve("pred.tsv");

        Run run = predict(train, output, "--model", model.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertFalse(run.err().contains("hpolink: the default model"), run.err());
        assertFalse(Files.exists(models), "the default model is neither read nor trained");
        new SubmissionReader().read(output, new Bc8CorpusReader(id -> true).read(train));
    }

    @Test
    void aModelOfAnotherHpoReleaseIsAnErrorNamingBoth() throws IOException {
        Path model = folder.resolve("model");
        assertEquals(0, TinyData.run(environment, "train", "--out", model.toString()).exitCode());
        Path newer = TinyData.writeHpo(folder.resolve("newer.json"), "2024-02-08");
        Path output = folder.resolve("pred.tsv");

        Run run = predict(train, output, "--model", model.toString(), "--hpo", newer.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("hpolink: error: the model in " + model + " was trained with HPO release 2023-01-27, but the "
                + "HPO in use is release 2024-02-08"), run.err());
        assertFalse(Files.exists(output));
    }

    @Test
    void aFolderWithoutAModelIsNamed() throws IOException {
        Path empty = Files.createDirectories(folder.resolve("empty"));

        Run run = predict(train, folder.resolve("pred.tsv"), "--model", empty.toString());

        assertEquals(1, run.exitCode());
        assertTrue(run.err().startsWith("hpolink: error: " + empty.resolve("manifest.json") + ": no such file"), run.err());
    }
}
