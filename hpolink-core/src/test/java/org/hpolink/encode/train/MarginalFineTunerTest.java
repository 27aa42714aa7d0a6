package org.hpolink.encode.train;

import static org.hpolink.encode.train.EncoderFineTunerTest.values;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.SortedMap;
import org.hpolink.encode.Pooling;
import org.hpolink.model.Provenance;
import org.junit.jupiter.api.Test;

/** The DJL marginalization loss on hand-computed values, and short tuning runs of MiniLM on made-up sequences. */
class MarginalFineTunerTest {

    private static final String QUERY = "encoder.layer.0.attention.self.query.weight";
    private static final MarginalFineTuner.Settings SETTINGS = new MarginalFineTuner.Settings(7, 4, 1e-4, 0.01, 20, Frozen.WORD_EMBEDDINGS);

    @Test
    void lossOfAHandComputedThreeCandidateExample() {
        try (NDManager manager = NDManager.newBaseManager("PyTorch")) {
            // scores 1, 2, 3; candidates 1 and 3 gold: -log((e + e^3) / (e + e^2 + e^3))
            double expected = -Math.log((Math.exp(1) + Math.exp(3)) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
            float loss = new MarginalLoss().evaluate(new NDList(manager.create(new float[] {1, 0, 1}, new Shape(1, 3))),
                    new NDList(manager.create(new float[] {1, 2, 3}, new Shape(1, 3)))).getFloat();
            assertEquals(0.28068, expected, 1e-5);
            assertEquals(expected, loss, 1e-5);

            // A second query (only candidate 2 gold, plus a padding candidate) is averaged in; padding changes nothing.
            double second = -Math.log(Math.exp(2) / (Math.exp(1) + Math.exp(2) + Math.exp(3)));
            float batch = new MarginalLoss().evaluate(
                    new NDList(manager.create(new float[] {1, 0, 1, 0, 0, 1, 0, 0}, new Shape(2, 4))),
                    new NDList(manager.create(new float[] {1, 2, 3, -1e4f, 1, 2, 3, -1e4f}, new Shape(2, 4)))).getFloat();
            assertEquals((expected + second) / 2, batch, 1e-5);
        }
    }

    private record Run(List<Double> losses, SortedMap<String, WeightTensor> weights, Provenance provenance) {
    }

    /** Names 0..5 and four queries; query q's gold candidate is name q, every name a candidate. */
    private static Run train(MarginalFineTuner.Settings settings, int passes) {
        List<long[]> sequences = MiniLm.sequences(10, 3).stream().map(MiniLm.Sequence::ids).toList();
        List<long[]> names = sequences.subList(0, 6);
        List<long[]> queries = sequences.subList(6, 10);
        MarginalFineTuner.CandidatePicker picker = (queryVectors, nameVectors) -> {
            assertEquals(queries.size(), queryVectors.length);
            assertEquals(names.size(), nameVectors.length);
            assertEquals(1.0, norm(queryVectors[0]), 1e-4, "unit vectors");
            List<MarginalFineTuner.Candidates> candidates = new ArrayList<>();
            for (int q = 0; q < queryVectors.length; q++) {
                boolean[] gold = new boolean[names.size()];
                gold[q] = true;
                candidates.add(new MarginalFineTuner.Candidates(new int[] {0, 1, 2, 3, 4, 5}, new float[6], gold));
            }
            return candidates;
        };
        List<Double> losses = new ArrayList<>();
        try (TunedEncoder tuned = new MarginalFineTuner(settings).train(MiniLm.encoder(), Pooling.MEAN, names,
                List.of(new MarginalFineTuner.Phase("made-up", queries, picker, passes)), "made-up sequences",
                (phase, pass, count, loss) -> {
                    assertEquals("made-up", phase);
                    assertEquals(losses.size() + 1, pass);
                    assertEquals(queries.size(), count);
                    losses.add(loss);
                })) {
            return new Run(losses, tuned.encoder().weights(), tuned.provenance());
        }
    }

    private static double norm(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += v * v;
        }
        return Math.sqrt(squares);
    }

    @Test
    void lowersTheLossSameSeedSameRunAndLeavesTheBaseAlone() {
        SortedMap<String, WeightTensor> before = MiniLm.encoder().weights();
        Run first = train(SETTINGS, 3);
        assertEquals(3, first.losses().size());
        assertTrue(first.losses().get(2) < first.losses().get(0), "losses " + first.losses());

        Run second = train(SETTINGS, 3);
        assertEquals(first.losses(), second.losses());
        assertArrayEquals(values(first.weights().get(QUERY)), values(second.weights().get(QUERY)));

        assertFalse(Arrays.equals(values(before.get(QUERY)), values(first.weights().get(QUERY))), "trained");
        assertArrayEquals(values(before.get(BertShape.WORD_EMBEDDINGS)), values(first.weights().get(BertShape.WORD_EMBEDDINGS)),
                "word embeddings frozen");
        assertArrayEquals(values(before.get(QUERY)), values(MiniLm.encoder().weights().get(QUERY)), "the base encoder is unchanged");

        Provenance provenance = first.provenance();
        assertEquals(MarginalFineTuner.COMPONENT, provenance.component());
        assertEquals(SETTINGS.seed(), provenance.seed());
        assertEquals("made-up sequences", provenance.trainingSource());
        assertEquals(MiniLm.weights().sha256(), provenance.config().get("baseEncoderSha256"));
    }

    @Test
    void aDivergenceNamesWhereItHappened() {
        List<long[]> sequences = MiniLm.sequences(6, 3).stream().map(MiniLm.Sequence::ids).toList();
        List<long[]> names = sequences.subList(0, 2);
        List<long[]> queries = sequences.subList(2, 6);
        // A non-finite score stands for weights gone bad: the loss of the first batch is NaN.
        MarginalFineTuner.CandidatePicker poisoned = (queryVectors, nameVectors) -> Collections.nCopies(queryVectors.length,
                new MarginalFineTuner.Candidates(new int[] {0, 1}, new float[] {Float.NaN, 0}, new boolean[] {true, false}));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MarginalFineTuner(SETTINGS).train(
                MiniLm.encoder(), Pooling.MEAN, names, List.of(new MarginalFineTuner.Phase("made-up", queries, poisoned, 1)),
                "made-up sequences", (phase, pass, count, loss) -> { }));
        assertEquals("encoder fine-tuning diverged (loss NaN) in phase made-up, pass 1, at query 0 of 4, learning rate 1.0E-4: "
                + "try another learning rate", e.getMessage());
    }

    @Test
    void rejectsCandidatesWithoutGoldAndBadSettings() {
        IllegalArgumentException noGold = assertThrows(IllegalArgumentException.class,
                () -> new MarginalFineTuner.Candidates(new int[] {0, 1}, new float[2], new boolean[2]));
        assertEquals("no candidate carries the gold id: the loss is undefined", noGold.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new MarginalFineTuner.Candidates(new int[] {0}, new float[2], new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> new MarginalFineTuner.Settings(1, 0, 1e-4, 0, 20, Frozen.NOTHING));
        assertThrows(IllegalArgumentException.class, () -> new MarginalFineTuner.Settings(1, 4, Double.NaN, 0, 20, Frozen.NOTHING));
        assertThrows(IllegalArgumentException.class, () -> new MarginalFineTuner.Settings(1, 4, 1e-4, 0, 0, Frozen.NOTHING));
    }
}
