package org.hpolink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.hpolink.cli.HpolinkCommandTest.Run;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code hpolink hpo lookup} on {@link org.hpolink.ontology.TinyHpo}. */
class HpoLookupCommandTest {

    private static final String EPICANTHUS = String.join(System.lineSeparator(),
            "HP:0000286  Epicanthus",
            "  definition: A fold of skin starting above the medial aspect of the upper eyelid and arching downward to "
                    + "cover, pass in front of and lateral to the medial canthus.",
            "  synonyms:",
            "    exact    Epicanthal folds",
            "    exact    Epicanthic folds",
            "  parents:",
            "    HP:0000492  Abnormal eyelid morphology",
            "  alternative ids: HP:0000624",
            "");

    @TempDir
    Path folder;

    private Path hpo;

    @BeforeEach
    void writeOntology() throws IOException {
        hpo = TestHpo.tiny(folder);
    }

    private Run lookup(String... args) {
        String[] all = new String[args.length + 4];
        all[0] = "hpo";
        all[1] = "lookup";
        all[2] = "--hpo";
        all[3] = hpo.toString();
        System.arraycopy(args, 0, all, 4, args.length);
        return HpolinkCommandTest.run(CommandLine.defaultFactory(), Map.of(), all);
    }

    private static String lines(String... lines) {
        return String.join(System.lineSeparator(), lines) + System.lineSeparator();
    }

    @Test
    void anIdShowsTheTerm() {
        Run run = lookup("HP:0000369");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines(
                "HP:0000369  Low-set ears",
                "  synonyms:",
                "    exact    Low set ears",
                "    exact    Low-set ear",
                "    related  Ears low set",
                "  parents:",
                "    HP:0000598  Abnormality of the ear"), run.out());
    }

    @Test
    void anIdIsReadIgnoringCase() {
        assertEquals(lookup("HP:0000286").out(), lookup("hp:0000286").out());
        assertEquals(EPICANTHUS, lookup("hp:0000286").out());
    }

    @Test
    void anAlternativeIdShowsTheTermListingIt() {
        Run run = lookup("HP:0000624");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines("HP:0000624 is an alternative id of HP:0000286", "") + EPICANTHUS, run.out());
    }

    @Test
    void anObsoleteIdShowsItsReplacement() {
        Run run = lookup("HP:0007930");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines("HP:0007930 \"obsolete Prominent epicanthal folds\" is obsolete; it resolves to HP:0000286", "")
                + EPICANTHUS, run.out());
    }

    @Test
    void anObsoleteIdWithoutReplacementShowsItsOwnRecord() {
        Run run = lookup("HP:0007691");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines("HP:0007691 \"obsolete Short curly eyelashes\" is obsolete, with no replacement", "",
                "HP:0007691  obsolete Short curly eyelashes"), run.out());
    }

    @Test
    void anUnknownIdIsNotFound() {
        Run run = lookup("HP:0000002");

        assertEquals(1, run.exitCode());
        assertEquals(lines("HP:0000002 is not in HPO 2023-01-27"), run.out());
    }

    @Test
    void aTextListsTermsByTheirShortestMatchingNameIgnoringCase() {
        Run run = lookup("EYE");

        assertEquals(0, run.exitCode(), run.err());
        // Abnormality of the eye matches as "Eye disease" (11 characters) before its label (22), Hooded eyelid by
        // its label (13), Abnormal eyelid morphology by a synonym (25) shorter than its label (26).
        assertEquals(lines(
                "HP:0000478  Abnormality of the eye  [related synonym: Eye disease]",
                "HP:0030820  Hooded eyelid",
                "HP:0000492  Abnormal eyelid morphology  [exact synonym: Abnormality of the eyelid]"), run.out());
    }

    @Test
    void anExactNameComesFirstAndTiesGoToLabelsThenIds() {
        Run run = lookup("low-set ear");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines("HP:0000369  Low-set ears  [exact synonym: Low-set ear]"), run.out());

        // Ear anomaly and Low-set ear are synonyms of 11 characters: the smaller id first; Thin ear helix by its label.
        assertEquals(lines(
                "HP:0000369  Low-set ears  [exact synonym: Low-set ear]",
                "HP:0000598  Abnormality of the ear  [exact synonym: Ear anomaly]",
                "HP:0009905  Thin ear helix"), lookup("ear").out());
    }

    @Test
    void limitCutsTheListAndSaysSo() {
        Run run = lookup("eye", "--limit", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertEquals(lines(
                "HP:0000478  Abnormality of the eye  [related synonym: Eye disease]",
                "HP:0030820  Hooded eyelid",
                "(2 of 3 terms shown; --limit N shows more)"), run.out());
    }

    @Test
    void obsoleteTermsAreNotSearched() {
        Run run = lookup("curly");

        assertEquals(1, run.exitCode());
        assertEquals(lines("no active term of HPO 2023-01-27 has a label or synonym containing 'curly'"), run.out());
    }

    @Test
    void aLimitBelowOneIsAUsageError() {
        Run run = lookup("eye", "--limit", "0");

        assertEquals(2, run.exitCode());
        assertTrue(run.err().startsWith("--limit is 0: expected 1 or more"), run.err());
    }
}
