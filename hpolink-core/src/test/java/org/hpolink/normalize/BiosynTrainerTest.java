package org.hpolink.normalize;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.encode.EncoderModel;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/** A tiny deterministic training run on the tiny HPO with a trigram stand-in for the encoder. */
class BiosynTrainerTest {

    static final Hpo HPO = TinyHpo.build();

    static final Corpus TRAINING = new Corpus("train.tsv", "", List.of(
            annotated("o1", "EARS: low set", Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13"))),
            annotated("o2", "EARS: ears are set low", Finding.key(TinyHpo.LOW_SET_EARS, Span.of(6, 22))),
            annotated("o3", "EYES: epicanthic folds", Finding.key(TinyHpo.EPICANTHUS, Span.of(6, 22))),
            annotated("o4", "EYES: inner canthal folds", Finding.key(TinyHpo.EPICANTHUS, Span.of(6, 25))),
            annotated("o5", "EARS: thin helices", Finding.key(TinyHpo.THIN_EAR_HELIX, Span.of(6, 18))),
            annotated("o6", "EARS: narrow helix", Finding.key(TinyHpo.THIN_EAR_HELIX, Span.of(6, 18)))));

    static final BiosynConfig TINY = new BiosynConfig(3, EncoderModel.ALL_MINILM_L6_V2_Q, 8, 4, 5, 2, 3, 0, 12, 2, 0.05,
            MentionQuery.MENTION, 0, 0, 0);

    record Pass(String phase, int pass, int queries, double loss) {
    }

    static BiosynNormalizer train(BiosynConfig config, List<Pass> passes) {
        return new BiosynTrainer(config).train(HPO, TRAINING, "all", new TrigramEmbedder(),
                (phase, pass, queries, loss) -> passes.add(new Pass(phase, pass, queries, loss)));
    }

    @Test
    void trainingLowersTheLossAndASeedFixesEverything() {
        List<Pass> first = new ArrayList<>();
        List<Pass> second = new ArrayList<>();
        BiosynNormalizer one = train(TINY, first);
        BiosynNormalizer two = train(TINY, second);

        assertEquals(3 + 12, first.size());
        List<Pass> fineTuning = first.stream().filter(p -> p.phase().startsWith("fine-tuning")).toList();
        assertTrue(fineTuning.get(fineTuning.size() - 1).loss() < fineTuning.get(0).loss(), "loss falls: " + fineTuning);
        assertEquals(first, second, "same seed, same losses");
        assertEquals(one.projection(), two.projection());
        assertEquals(one.sparseWeight(), two.sparseWeight());
        assertNotEquals(TINY.initialSparseWeight(), one.sparseWeight(), 1e-9, "lambda is learned");
        assertEquals(BiosynNormalizer.COMPONENT, one.provenance().component());
        assertEquals(3L, one.provenance().seed());
    }

    /** Every training mention has another name of its id that is not its own text, so all six teach. */
    @Test
    void mentionQueriesHideTheirOwnText() {
        List<Pass> passes = new ArrayList<>();
        train(TINY, passes);

        assertEquals(6, passes.stream().filter(p -> p.phase().startsWith("fine-tuning")).findFirst().orElseThrow().queries());
    }

    @Test
    void ranksAnUnseenWordingAndTakesANamesVectorWithoutEncoding() {
        TrigramEmbedder embedder = new TrigramEmbedder();
        BiosynNormalizer normalizer = new BiosynTrainer(TINY).train(HPO, TRAINING, "all", embedder, (phase, pass, queries, loss) -> { });
        int encoded = embedder.texts.get();

        assertEquals(TinyHpo.LOW_SET_EARS, normalizer.rank("Low set ears", 3).get(0).id());
        assertEquals(encoded, embedder.texts.get(), "a name's text is not encoded again");
        assertEquals(TinyHpo.LOW_SET_EARS, normalizer.rank("ears set low", 3).get(0).id());
        assertEquals(encoded + 1, embedder.texts.get());
    }

    @Test
    void theMentionOfAnObservationIsRankedAsItsText() {
        BiosynNormalizer normalizer = train(TINY, new ArrayList<>());
        Observation observation = Observation.of("x", "EYES: epicanthic folds");
        Mention mention = new Mention(Span.of(6, 22), Optional.empty(), FindingStatus.KEY, 1, "test");

        assertEquals(normalizer.rank("epicanthic folds", 5), normalizer.rank(observation, mention, 5));
    }

    /** The query is the mention alone (cross-validation chose it), so a section no training text has changes nothing. */
    @Test
    void encoderTuningChangesOnlyItsPassesAndRate() {
        BiosynConfig slower = BiosynConfig.FULL.withEncoderTuning(1, 5e-6);
        Map<String, Object> expected = new TreeMap<>(BiosynConfig.FULL.asMap());
        expected.put("encoderPasses", 1);
        expected.put("encoderLearningRate", 5e-6);

        assertEquals(expected, new TreeMap<>(slower.asMap()));
        assertThrows(IllegalArgumentException.class, () -> BiosynConfig.FULL.withEncoderTuning(1, 0));
    }

    @Test
    void anUnknownSectionHeaderIsIgnored() {
        BiosynNormalizer normalizer = train(TINY, new ArrayList<>());
        Observation unknown = Observation.of("x", "WHATEVER: ears set low");
        Mention mention = new Mention(Span.of(10, 22), Optional.empty(), FindingStatus.KEY, 1, "test");

        assertEquals(normalizer.rank("ears set low", 5), normalizer.rank(unknown, mention, 5));
    }

    @Test
    void emptyOrSymbolOnlyMentionsAndBadKAreClearErrors() {
        BiosynNormalizer normalizer = train(TINY.withEpochs(0, 0, 0), new ArrayList<>());
        IllegalArgumentException symbols = assertThrows(IllegalArgumentException.class, () -> normalizer.rank("--", 5));
        assertTrue(symbols.getMessage().contains("no letter or digit"), symbols.getMessage());
        assertThrows(IllegalArgumentException.class, () -> normalizer.rank("", 5));
        assertThrows(IllegalArgumentException.class, () -> normalizer.rank("low set ears", 0));
        Observation observation = Observation.of("x", "EARS: low set");
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> normalizer.rank(observation,
                new Mention(Span.of(6, 40), Optional.empty(), FindingStatus.KEY, 1, "test"), 5));
        assertTrue(outside.getMessage().contains("6-40"), outside.getMessage());
    }
}
