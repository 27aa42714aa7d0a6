package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import org.hpolink.model.Provenance;
import org.junit.jupiter.api.Test;

/** Short runs (a few steps over 4 pairs); the 200-step run over HPO synonyms is EncoderFineTuningIT. */
class EncoderFineTunerTest {

    private static final String WORDS = BertShape.WORD_EMBEDDINGS;
    private static final String QUERY = "encoder.layer.0.attention.self.query.weight";
    private static final FineTuneConfig SHORT = FineTuneConfig.DEFAULTS.withSteps(2).withBatchPairs(2);

    private record Run(List<Float> losses, SortedMap<String, WeightTensor> weights, Provenance provenance) {
    }

    private static Run train(FineTuneConfig config, TrainingPairs data) {
        List<Float> losses = new ArrayList<>();
        try (TunedEncoder tuned = new EncoderFineTuner(config).train(MiniLm.encoder(), data, (step, loss) -> {
            assertEquals(losses.size(), step);
            losses.add(loss);
        })) {
            return new Run(losses, tuned.encoder().weights(), tuned.provenance());
        }
    }

    @Test
    void sameSeedSameLossesAndWeights() {
        TrainingPairs data = Pairs.of(6, 1);
        Run first = train(SHORT, data);
        Run second = train(SHORT, data);
        assertEquals(2, first.losses().size());
        assertEquals(first.losses(), second.losses());
        for (String name : List.of(QUERY, "encoder.layer.5.output.LayerNorm.bias", "embeddings.position_embeddings.weight")) {
            assertArrayEquals(values(first.weights().get(name)), values(second.weights().get(name)), name);
        }
        assertNotEquals(first.losses(), train(SHORT.withSeed(SHORT.seed() + 1), data).losses(), "another seed, another order");
    }

    /** With one batch of data every step sees the same pairs: the loss must fall. */
    @Test
    void lowersTheLossOfABatchItKeepsSeeing() {
        List<Float> losses = train(SHORT.withSteps(4).withBatchPairs(4), Pairs.of(4, 2)).losses();
        assertTrue(losses.get(3) < losses.get(0), "losses " + losses);
    }

    @Test
    void trainsACopyLeavesFrozenWeightsAloneAndRecordsItsProvenance() {
        SortedMap<String, WeightTensor> before = MiniLm.encoder().weights();
        TrainingPairs data = Pairs.of(2, 3);
        Run frozen = train(SHORT.withSteps(1), data);
        assertArrayEquals(values(before.get(WORDS)), values(frozen.weights().get(WORDS)), "word embeddings frozen");
        assertFalse(Arrays.equals(values(before.get(QUERY)), values(frozen.weights().get(QUERY))), "the rest is trained");
        assertArrayEquals(values(before.get(QUERY)), values(MiniLm.encoder().weights().get(QUERY)), "the base encoder is unchanged");

        Provenance provenance = frozen.provenance();
        assertEquals(EncoderFineTuner.COMPONENT, provenance.component());
        assertEquals(SHORT.seed(), provenance.seed());
        assertEquals(data.source(), provenance.trainingSource());
        assertEquals(data.sha256(), provenance.trainingSha256());
        assertEquals(2, provenance.trainingObservations());
        assertEquals(MiniLm.weights().sha256(), provenance.config().get("baseEncoderSha256"));
        assertEquals(MiniLm.RESOURCE, provenance.config().get("baseEncoder"));
        assertEquals("WORD_EMBEDDINGS", provenance.config().get("frozen"));
        assertEquals(1, provenance.config().get("steps"));

        Run all = train(SHORT.withSteps(1).withFrozen(Frozen.NOTHING), data);
        assertFalse(Arrays.equals(values(before.get(WORDS)), values(all.weights().get(WORDS))), "word embeddings trained");
    }

    @Test
    void needsAtLeastOneBatchOfPairs() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new EncoderFineTuner(SHORT).train(MiniLm.encoder(), Pairs.of(1, 5), FineTuneListener.NONE));
        assertEquals("made-up pairs, seed 5: a batch takes 2 pairs, only 1 given", e.getMessage());
    }

    static float[] values(WeightTensor tensor) {
        FloatBuffer buffer = tensor.values();
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        return values;
    }
}
