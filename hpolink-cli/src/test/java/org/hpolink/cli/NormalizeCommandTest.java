package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink normalize} on {@link TinyData}: one mention's ranking, cross-validation, and how the two modes exclude each other. */
class NormalizeCommandTest {

    /** A ranked line: rank, id, score, label. */
    private static final String CANDIDATE = " +\\d+  HP:\\d{7}  [01]\\.\\d{4}  \\S.*";

    @TempDir
    Path folder;

    private Map<String, String> environment;

    @BeforeEach
    void writeData() throws IOException {
        environment = TinyData.environment(TinyData.create(folder.resolve("data")), folder.resolve("models"));
    }

    /** {@code normalize --sparse ARGS}: most tests check the command's form with the normalizer that needs no model. */
    private Run normalize(String... args) {
        return biosyn(concat("--sparse", args));
    }

    /** {@code normalize ARGS}: the BioSyn normalizer, trained on the tiny data on first use. */
    private Run biosyn(String... args) {
        return TinyData.run(environment, concat("normalize", args));
    }

    private static String[] concat(String first, String... rest) {
        String[] all = new String[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    @Test
    void printsTheTextThenTheBestFiveIdsWithScoreAndLabel() {
        Run run = normalize("low set ears");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals(6, lines.size(), run.out());
        assertEquals("low set ears", lines.get(0));
        assertEquals("  1  HP:0000369  1.0000  Low-set ears", lines.get(1), "an exact name scores 1");
        double previous = 1;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            assertTrue(line.matches(CANDIDATE) && line.startsWith("  " + i + "  "), line);
            double score = Double.parseDouble(line.split(" +")[3]);
            assertTrue(score <= previous, "best first:\n" + run.out());
            previous = score;
        }
        assertEquals("", run.err());
    }

    @Test
    void topSetsHowManyIdsArePrinted() {
        Run five = normalize("low set ears");
        Run two = normalize("low set ears", "--top", "2");

        assertEquals(0, two.exitCode(), two.err());
        assertEquals(five.out().lines().limit(3).toList(), two.out().lines().toList());
    }

    @Test
    void aSectionMakesTheMentionPartOfAnObservation() {
        Run alone = normalize("low set");
        Run inEars = normalize("low set", "--section", "EARS");

        assertEquals(0, inEars.exitCode(), inEars.err());
        List<String> lines = inEars.out().lines().toList();
        assertEquals("EARS: low set", lines.get(0));
        // the sparse normalizer ranks the mention alone, so only the first line differs
        assertEquals(alone.out().lines().skip(1).toList(), lines.subList(1, lines.size()));
        assertTrue(lines.get(1).startsWith("  1  HP:0000369  "), inEars.out());
    }

    @Test
    void aMentionLikeNoNameExitsWithOne() {
        Run run = normalize("qqq");

        assertEquals(1, run.exitCode(), run.err());
        assertEquals(String.format("qqq%n  no name of an HPO term or a training mention shares a character n-gram with 'qqq'%n"), run.out());
    }

    @Test
    void aMentionWithoutLettersOrDigitsIsAnError() {
        Run run = normalize("--", "--");
        Run withBiosyn = biosyn("--", "--");

        assertEquals(1, run.exitCode());
        assertEquals(String.format("hpolink: error: observation TEXT: the mention at 0-2 ('--') has no letter or digit to normalize%n"),
                run.err());
        assertEquals(1, withBiosyn.exitCode());
        assertTrue(withBiosyn.err().endsWith(String.format("hpolink: error: observation TEXT: the mention at 0-2 ('--') has no letter or "
                + "digit to normalize%n")), withBiosyn.err());
    }

    @Test
    void anEmptyMentionIsAUsageError() {
        Run run = normalize("  ");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("TEXT is empty: expected a mention such as \"low set ears\""), run.err());
    }

    @Test
    void aSectionNeedsAName() {
        Run blank = normalize("low set", "--section", " ");
        Run colon = normalize("low set", "--section", "EARS:");

        assertEquals(2, blank.exitCode());
        assertTrue(blank.err().startsWith("--section is ' ': expected a header such as EARS, without the colon"), blank.err());
        assertEquals(2, colon.exitCode());
        assertTrue(colon.err().startsWith("--section is 'EARS:'"), colon.err());
    }

    @Test
    void fullGoesWithCrossValidationAndNotWithSparse() {
        Run mention = normalize("low set", "--full");
        Run sparse = TinyData.run(environment, "normalize", "--cv", "2", "--sparse", "--full");

        assertEquals(2, mention.exitCode());
        assertTrue(mention.err().startsWith("--full goes with --cv"), mention.err());
        assertEquals(2, sparse.exitCode());
        assertTrue(sparse.err().startsWith("--full trains BioSyn normalizers; --sparse ranks without one"), sparse.err());
    }

    @Test
    void encoderTuningOptionsGoWithFullAndTakeSensibleValues() {
        Run withoutFull = TinyData.run(environment, "normalize", "--cv", "2", "--encoder-learning-rate", "5e-6");
        Run zeroRate = TinyData.run(environment, "normalize", "--cv", "2", "--full", "--encoder-learning-rate", "0");
        Run noPasses = TinyData.run(environment, "normalize", "--cv", "2", "--full", "--encoder-passes", "0");

        assertEquals(2, withoutFull.exitCode());
        assertTrue(withoutFull.err().startsWith("--encoder-passes and --encoder-learning-rate go with --full"), withoutFull.err());
        assertEquals(2, zeroRate.exitCode());
        assertTrue(zeroRate.err().startsWith("--encoder-learning-rate is 0.0: expected a number above 0 and at most 1"), zeroRate.err());
        assertEquals(2, noPasses.exitCode());
        assertTrue(noPasses.err().startsWith("--encoder-passes is 0: expected 1 or more"), noPasses.err());
    }

    @Test
    void topMustBeAtLeastOne() {
        Run run = normalize("low set", "--top", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--top is 0: expected 1 or more"), run.err());
    }

    @Test
    void theFilesCanBeNamedInsteadOfTheDataFolder() throws IOException {
        Path data = folder.resolve("data");
        Run named = HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), "normalize", "--sparse", "thin helices",
                "--hpo", data.resolve("hpo").resolve("hp-2023-01-27.json").toString(),
                "--data", data.resolve("bc8t3").resolve("train.tsv").toString());

        assertEquals(0, named.exitCode(), named.err());
        assertEquals(normalize("thin helices").out(), named.out());
        assertTrue(named.out().lines().skip(1).findFirst().orElseThrow().startsWith("  1  HP:0009905  1.0000  Thin ear helix"), named.out());
    }

    /** A ranked line of the BioSyn normalizer, whose scores are not bounded by 1. */
    private static final String BIOSYN_CANDIDATE = " +\\d+  HP:\\d{7}  -?\\d+\\.\\d{4}  \\S.*";

    @Test
    void theDefaultBiosynNormalizerIsTrainedOnFirstUseThenRead() {
        Run first = biosyn("low set ears");
        Run second = biosyn("low set ears");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.err().contains("the default model " + folder.resolve("models").resolve("normalizer").toAbsolutePath()
                + " does not exist yet: training it on"), first.err());
        assertTrue(first.err().contains("training the normalizer"), "a progress bar: " + first.err());
        List<String> lines = first.out().lines().toList();
        assertEquals(6, lines.size(), first.out());
        assertTrue(lines.get(1).startsWith("  1  HP:0000369  ") && lines.get(1).endsWith("  Low-set ears"), first.out());
        lines.subList(1, 6).forEach(line -> assertTrue(line.matches(BIOSYN_CANDIDATE), line));
        assertEquals(0, second.exitCode(), second.err());
        assertEquals("", second.err(), "read, not trained again");
        assertEquals(first.out(), second.out());
    }

    @Test
    void aNormalizerTrainedIntoAFolderIsReadFromIt() {
        Path model = folder.resolve("my-normalizer");
        Run train = TinyData.run(environment, "train", "--normalizer", "--out", model.toString());
        Run given = biosyn("thin helices", "--normalizer-model", model.toString());

        assertEquals(0, train.exitCode(), train.err());
        assertTrue(train.out().startsWith("normalizer: " + model + " ("), train.out());
        assertTrue(train.out().contains("biosyn-normalizer model"), train.out());
        assertEquals(0, given.exitCode(), given.err());
        assertEquals("", given.err());
        assertTrue(given.out().lines().skip(1).findFirst().orElseThrow().startsWith("  1  HP:0009905  "), given.out());
        assertEquals(given.out(), biosyn("thin helices").out(), "the same data and seed give the same normalizer");
    }

    @Test
    void theDefaultNormalizerIsTrainedOnTheDataFileGiven() {
        Path data = folder.resolve("data");
        Path train = data.resolve("bc8t3").resolve("train.tsv");
        Run named = HpolinkCommandTest.run(CommandLine.defaultFactory(),
                Map.of(ModelLocation.ENVIRONMENT_VARIABLE, folder.resolve("other-models").toString()), "normalize", "thin helices",
                "--hpo", data.resolve("hpo").resolve("hp-2023-01-27.json").toString(), "--data", train.toString());

        assertEquals(0, named.exitCode(), named.err());
        assertTrue(named.err().contains("does not exist yet: training it on " + train), named.err());
        assertEquals(biosyn("thin helices").out(), named.out(), "the same file as the data folder's: the same normalizer");
    }

    @Test
    void biosynCrossValidationIsRepeatable() {
        Run first = biosyn("--cv", "3");
        Run second = biosyn("--cv", "3");

        assertEquals(0, first.exitCode(), first.err());
        assertTrue(first.out().contains("normalizer: BioSyn on bge-small-en-v1.5-q, 3-fold cross-validation, seed 17"), first.out());
        assertTrue(first.out().contains("gold mentions: 9, accuracy@1 "), first.out());
        assertEquals(first.out(), second.out());
    }

    @Test
    void crossValidationPrintsAccuracyOverAllAndUnseenMentions() {
        Run run = normalize("--cv", "3");

        assertEquals(0, run.exitCode(), run.err());
        List<String> lines = run.out().lines().toList();
        Path train = folder.resolve("data").resolve("bc8t3").resolve("train.tsv");
        assertEquals("data:       " + train + " (12 observations; HPO 2023-01-27)", lines.get(0));
        assertEquals("normalizer: sparse, 3-fold cross-validation, seed 17", lines.get(1));
        assertEquals("", lines.get(2));
        // the nine key findings of the training file
        assertTrue(lines.get(3).matches("gold mentions: 9, accuracy@1 [01]\\.\\d{4}, accuracy@5 [01]\\.\\d{4}"), lines.get(3));
        assertTrue(lines.get(4).matches("unseen texts:  \\d, accuracy@1 [01]\\.\\d{4}, accuracy@5 [01]\\.\\d{4}"), lines.get(4));
        assertEquals(5, lines.size(), run.out());
        assertTrue(run.err().contains("cross-validating"), "a progress bar on stderr: " + run.err());
    }

    @Test
    void topIsTheKOfAccuracyAtKUnderCrossValidation() {
        Run run = normalize("--cv", "3", "--top", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains(", accuracy@2 "), run.out());
    }

    @Test
    void theSameSeedGivesTheSameFigures() {
        Run first = normalize("--cv", "4", "--seed", "5");
        Run second = normalize("--cv", "4", "--seed", "5");

        assertEquals(0, first.exitCode(), first.err());
        assertEquals(first.out(), second.out());
        assertTrue(first.out().contains("4-fold cross-validation, seed 5"), first.out());
    }

    @Test
    void aMentionAndCrossValidationExcludeEachOther() {
        Run run = normalize("low set", "--cv", "3");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Error: (TEXT [--section=S]) and (--cv=K [--seed=S]) are mutually exclusive"), run.err());
    }

    @Test
    void aSeedGoesWithCrossValidationOnly() {
        Run run = normalize("low set", "--seed", "3");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Error: Missing required argument(s): --cv=K"), run.err());
    }

    @Test
    void aMentionOrCrossValidationIsRequired() {
        Run run = normalize();

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("Error: Missing required argument (specify one of these): ((TEXT [--section=S]) | (--cv=K [--seed=S]))"),
                run.err());
    }

    @Test
    void atLeastTwoFolds() {
        Run run = normalize("--cv", "1");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--cv is 1: expected 2 or more"), run.err());
    }
}
