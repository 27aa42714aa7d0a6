package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.model.Provenance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LexicalTrainerTest {

    @TempDir
    Path folder;

    @Test
    void theSameDataGivesTheSameModelFiles() throws IOException {
        Path first = write(LexicalFixtures.train(LexicalFixtures.corpus()), "first");
        Path second = write(LexicalFixtures.train(LexicalFixtures.corpus()), "second");

        assertArrayEquals(Files.readAllBytes(first.resolve(LexicalModelIO.LEXICON)), Files.readAllBytes(second.resolve(LexicalModelIO.LEXICON)));
        assertEquals(manifestWithoutCreationTime(first), manifestWithoutCreationTime(second));
    }

    @Test
    void theOrderOfTheObservationsDoesNotMatter() throws IOException {
        Corpus corpus = LexicalFixtures.corpus();
        List<AnnotatedObservation> reversed = new ArrayList<>(corpus.observations());
        Collections.reverse(reversed);

        Path inOrder = write(LexicalFixtures.train(corpus), "in-order");
        Path backwards = write(LexicalFixtures.train(new Corpus(corpus.source(), corpus.sha256(), reversed)), "backwards");

        assertArrayEquals(Files.readAllBytes(inOrder.resolve(LexicalModelIO.LEXICON)), Files.readAllBytes(backwards.resolve(LexicalModelIO.LEXICON)));
    }

    @Test
    void otherDataGivesAnotherModel() throws IOException {
        Path borrowing = write(LexicalFixtures.model(), "borrowing");
        Path plain = write(LexicalFixtures.train(LexicalFixtures.corpusWithoutHeaderBorrowing()), "plain");

        assertNotEquals(Files.readString(borrowing.resolve(LexicalModelIO.LEXICON)), Files.readString(plain.resolve(LexicalModelIO.LEXICON)));
    }

    @Test
    void recordsWhereTheModelCameFrom() {
        LexicalModel model = new LexicalTrainer(LexicalFixtures.CONFIG).train(LexicalFixtures.corpus(), LexicalFixtures.hpo(), "fold 2 of 5, seed 17");
        Provenance provenance = model.provenance();

        assertEquals(LexicalTrainer.COMPONENT, provenance.component());
        assertEquals("fold 2 of 5, seed 17", provenance.split());
        assertEquals(LexicalFixtures.SOURCE, provenance.trainingSource());
        assertEquals(LexicalFixtures.SHA256, provenance.trainingSha256());
        assertEquals(LexicalFixtures.corpus().size(), provenance.trainingObservations());
        assertEquals("fixture", provenance.hpoRelease());
        assertEquals("none", provenance.hpoSha256(), "an HPO built in code has no file to hash");
        assertEquals(17L, provenance.seed());
        assertEquals(LexicalFixtures.CONFIG, model.config());
        assertEquals(Map.ofEntries(Map.entry("useRelatedSynonyms", false), Map.entry("proseNames", false), Map.entry("maxWindowTokens", 12), Map.entry("maxKeyWords", 8),
                Map.entry("modifierMinCount", 3), Map.entry("modifierInsideRatio", 0.5), Map.entry("typoMinLength", 5),
                Map.entry("fillerMinCount", 2), Map.entry("negationWindow", 3), Map.entry("postNegationWindow", 1), Map.entry("coordination", true),
                Map.entry("negationMinCount", 3), Map.entry("negationRatio", 2.0), Map.entry("entryMinPrecision", 0.5),
                Map.entry("seed", 17), Map.entry("trainerRevision", LexicalTrainer.REVISION)), provenance.config());
    }

    private Path write(LexicalModel model, String name) throws IOException {
        Path bundle = folder.resolve(name);
        LexicalModelIO.write(model, bundle);
        return bundle;
    }

    private static List<String> manifestWithoutCreationTime(Path bundle) throws IOException {
        List<String> lines = Files.readAllLines(bundle.resolve(LexicalModelIO.MANIFEST));
        List<String> kept = lines.stream().filter(line -> !line.contains("\"createdAt\"")).toList();
        assertEquals(lines.size() - 1, kept.size(), "the manifest has one creation time");
        return kept;
    }
}
