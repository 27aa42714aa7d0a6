package org.hpolink.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpolink.text.Observation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FoldTest {

    private static final Corpus CORPUS = corpus(23);

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 5, 23})
    void theTestPartsPartitionTheCorpusAndEachTrainPartIsTheRest(int k) {
        List<Fold> folds = Fold.split(CORPUS, k, 17);

        assertEquals(k, folds.size());
        Set<String> tested = new HashSet<>();
        for (int f = 0; f < k; f++) {
            Fold fold = folds.get(f);
            assertEquals(f + 1, fold.index());
            assertEquals(k, fold.k());
            assertEquals(17, fold.seed());
            List<String> test = ids(fold.test());
            List<String> train = ids(fold.train());
            for (String id : test) {
                assertTrue(tested.add(id), id + " is in two test parts");
            }
            assertEquals(CORPUS.size(), test.size() + train.size());
            assertTrue(new HashSet<>(train).stream().noneMatch(test::contains), "train and test overlap in fold " + fold.index());
            assertTrue(test.size() == CORPUS.size() / k || test.size() == CORPUS.size() / k + 1, "fold sizes differ by one at most: " + test.size());
            assertEquals(inCorpusOrder(test), test, "a part keeps the corpus order");
            assertEquals(inCorpusOrder(train), train, "a part keeps the corpus order");
            assertEquals(CORPUS.source(), fold.test().source());
            assertEquals(CORPUS.sha256(), fold.train().sha256());
        }
        assertEquals(new HashSet<>(ids(CORPUS)), tested);
    }

    @Test
    void theSameSeedGivesTheSameFolds() {
        assertEquals(Fold.split(CORPUS, 5, 17), Fold.split(CORPUS, 5, 17));
        assertEquals(Fold.split(CORPUS, 5, 17), Fold.split(corpus(23), 5, 17), "an equal corpus");
    }

    @Test
    void anotherSeedGivesOtherFolds() {
        assertNotEquals(testParts(Fold.split(CORPUS, 5, 17)), testParts(Fold.split(CORPUS, 5, 18)));
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 1, 24})
    void rejectsAKThatCannotSplitTheCorpus(int k) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Fold.split(CORPUS, k, 17));
        assertTrue(e.getMessage().contains("k = " + k + " folds: expected 2 <= k <= 23 observations"), e.getMessage());
    }

    @Test
    void describesItsTrainingPart() {
        assertEquals("all but fold 2 of 5, seed 17", Fold.split(CORPUS, 5, 17).get(1).describe());
    }

    private static Corpus corpus(int size) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            observations.add(new AnnotatedObservation(Observation.of(String.format("o%02d", i), "NECK: supple " + i), List.of(), i + 2));
        }
        return new Corpus("folds.tsv", "", observations);
    }

    private static List<String> ids(Corpus corpus) {
        return corpus.observations().stream().map(AnnotatedObservation::id).toList();
    }

    private static List<String> inCorpusOrder(List<String> ids) {
        return ids(CORPUS).stream().filter(ids::contains).toList();
    }

    private static List<List<String>> testParts(List<Fold> folds) {
        return folds.stream().map(f -> ids(f.test())).toList();
    }
}
