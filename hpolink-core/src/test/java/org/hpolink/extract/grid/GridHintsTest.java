package org.hpolink.extract.grid;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.encode.EncoderModel;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.junit.jupiter.api.Test;

/**
 * A grid model reading hint grids (a stacked ensemble): it learns to follow hints when its word features say
 * nothing, and each training observation's hints come from an extractor trained without it.
 */
class GridHintsTest {

    private static final GridConfig HINTED = new GridConfig(5, EncoderModel.BGE_SMALL_EN_V15_Q, 12, 8, 4, 8, 8, 8, 0.0, 60, 2, 8_192, 1e-2, 0, true);

    private static final Corpus CORPUS = new Corpus("tiny.tsv", "", List.of(
            annotated("ears", "EARS: low set", key("HP:0000369", "0-4,6-13")),
            annotated("eyes", "EYES: mild hooding and epicanthus", key("HP:0000286", "23-33"), key("HP:0030820", "0-4,11-18")),
            annotated("normal", "EYES: no epicanthus", normal("HP:0000286", "9-19")),
            annotated("hands", "HANDS: long fingers and toes", key("HP:0100807", "7-19"), key("HP:0001833", "7-11,24-28")),
            annotated("nose", "NOSE: wide nasal bridge", key("HP:0000431", "6-23"))));

    /** An extractor that knows the gold findings of the whole corpus (the hints are perfect). */
    private static final MentionExtractor GOLD = observation -> CORPUS.observations().stream()
            .filter(o -> o.id().equals(observation.id()))
            .flatMap(o -> o.findings().stream())
            .map(f -> new Mention(f.span(), Optional.of(f.id()), f.status(), 1, "gold"))
            .toList();

    /** Every word has the same features: only the hints tell the words apart. */
    private static List<float[][]> blank(List<String> texts) {
        return texts.stream().map(text -> new float[GridWords.of(text).size()][4]).toList();
    }

    @Test
    void followsHintsWhenTheFeaturesSayNothing() {
        try (GridModel model = new GridTrainer(HINTED, part -> GOLD).trainOnFeatures(CORPUS, TinyHpo.build(), "all", GridHintsTest::blank,
                (epoch, loss) -> { })) {
            List<List<Token>> words = CORPUS.observations().stream().map(o -> GridWords.of(o.text())).toList();
            List<WordGrid> hints = new ArrayList<>();
            for (int i = 0; i < CORPUS.size(); i++) {
                hints.add(GridTrainer.hintGrid(words.get(i), GOLD.extract(CORPUS.observations().get(i).observation())));
            }
            List<GridModel.Prediction> predictions = model.predict(words, blank(CORPUS.observations().stream().map(AnnotatedObservation::text)
                    .toList()), hints, 0.5);
            for (int i = 0; i < CORPUS.size(); i++) {
                AnnotatedObservation observation = CORPUS.observations().get(i);
                List<TypedSpan> gold = observation.findings().stream().map(f -> new TypedSpan(f.span(), f.status()))
                        .sorted(Comparator.comparing(TypedSpan::span)).toList();
                assertEquals(gold, predictions.get(i).grid().decode(), observation.id());
            }
            assertThrows(IllegalArgumentException.class, () -> model.predict(words, blank(List.of()), null, 0.5));
        }
    }

    @Test
    void eachObservationIsHintedByAnExtractorTrainedWithoutIt() {
        List<String> asked = new ArrayList<>();
        new GridTrainer(HINTED.withEpochs(0), part -> {
            Set<String> trainedOn = new HashSet<>(part.observations().stream().map(AnnotatedObservation::id).toList());
            return observation -> {
                assertFalse(trainedOn.contains(observation.id()), observation.id() + " hinted by an extractor trained on it");
                asked.add(observation.id());
                return List.of();
            };
        }).trainOnFeatures(CORPUS, TinyHpo.build(), "all", GridHintsTest::blank, (epoch, loss) -> { }).close();
        assertEquals(CORPUS.observations().stream().map(AnnotatedObservation::id).sorted().toList(), asked.stream().sorted().toList());
    }

    @Test
    void aHintThatDoesNotFitIsLeftOut() {
        List<Token> words = GridWords.of("FACE: fullness in cheeks");
        WordGrid grid = GridTrainer.hintGrid(words, List.of(
                new Mention(Span.parse("7-24"), Optional.empty(), FindingStatus.KEY, 1, "cut"),
                new Mention(Span.parse("6-14"), Optional.empty(), FindingStatus.KEY, 1, "whole")));
        assertEquals(List.of(new TypedSpan(Span.parse("6-14"), FindingStatus.KEY)), grid.decode());
    }

    @Test
    void theConfigAndTheHintExtractorGoTogether() {
        assertThrows(IllegalArgumentException.class, () -> new GridTrainer(HINTED));
        assertTrue(HINTED.asMap().containsKey("lexiconHints"));
    }
}
