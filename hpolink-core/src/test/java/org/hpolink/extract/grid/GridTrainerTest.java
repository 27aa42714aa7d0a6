package org.hpolink.extract.grid;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.encode.EncoderModel;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny grid network trained on four hand-made observations (a discontinuous mention borrowing the header,
 * overlapping mentions, a normal finding) with made-up word features: it learns them, deterministically, and
 * survives a save and load.
 */
class GridTrainerTest {

    private static final GridConfig TINY = new GridConfig(5, EncoderModel.BGE_SMALL_EN_V15_Q, 12, 8, 4, 8, 8, 8, 0.0, 60, 2, 8_192, 1e-2, 0, false);
    private static final int FEATURES = 16;

    private static final Corpus CORPUS = new Corpus("tiny.tsv", "", List.of(
            annotated("ears", "EARS: low set", key("HP:0000369", "0-4,6-13")),
            annotated("eyes", "EYES: mild hooding and epicanthus", key("HP:0000286", "23-33"), key("HP:0030820", "0-4,11-18")),
            annotated("normal", "EYES: no epicanthus", normal("HP:0000286", "9-19")),
            annotated("hands", "HANDS: long fingers and toes", key("HP:0100807", "7-19"), key("HP:0001833", "7-11,24-28"))));

    private record Run(List<Double> losses, GridModel model) {
    }

    private static Run train(GridConfig config) {
        List<Double> losses = new ArrayList<>();
        GridModel model = new GridTrainer(config).trainOnFeatures(CORPUS, TinyHpo.build(), "all", GridTrainerTest::features,
                (epoch, loss) -> {
                    assertEquals(losses.size(), epoch);
                    losses.add(loss);
                });
        return new Run(losses, model);
    }

    /** Made-up features: a vector drawn from each word's lower-cased text. */
    private static List<float[][]> features(List<String> texts) {
        return texts.stream().map(text -> wordFeatures(GridWords.of(text))).toList();
    }

    private static float[][] wordFeatures(List<Token> words) {
        float[][] rows = new float[words.size()][FEATURES];
        for (int w = 0; w < words.size(); w++) {
            SplittableRandom random = new SplittableRandom(words.get(w).normalized().hashCode());
            for (int f = 0; f < FEATURES; f++) {
                rows[w][f] = (float) random.nextGaussian();
            }
        }
        return rows;
    }

    private static List<GridModel.Prediction> predict(GridModel model, List<AnnotatedObservation> observations) {
        List<List<Token>> words = observations.stream().map(o -> GridWords.of(o.text())).toList();
        return model.predict(words, words.stream().map(GridTrainerTest::wordFeatures).toList(), null, 0.5);
    }

    @Test
    void learnsDiscontinuousOverlappingAndNormalMentions() {
        Run run = train(TINY);
        try (GridModel model = run.model()) {
            assertEquals(TINY.epochs(), run.losses().size());
            assertTrue(run.losses().get(run.losses().size() - 1) < run.losses().get(0) / 10, "losses " + run.losses());
            List<GridModel.Prediction> predictions = predict(model, CORPUS.observations());
            for (int i = 0; i < CORPUS.size(); i++) {
                AnnotatedObservation observation = CORPUS.observations().get(i);
                List<TypedSpan> gold = observation.findings().stream().map(f -> new TypedSpan(f.span(), f.status()))
                        .sorted((a, b) -> a.span().compareTo(b.span())).toList();
                assertEquals(gold, predictions.get(i).grid().decode(), observation.id());
            }
            assertEquals(List.of(new TypedSpan(Span.parse("9-19"), FindingStatus.NORMAL)), predictions.get(2).grid().decode());
            assertEquals(0, model.provenance().config().get("skippedObservations"));
        }
    }

    @Test
    void sameSeedSameLossesAndScoresAnotherSeedOthers() {
        GridConfig short3 = TINY.withEpochs(3);
        Run first = train(short3);
        Run second = train(short3);
        Run other = train(short3.withSeed(6));
        try (GridModel a = first.model(); GridModel b = second.model(); GridModel c = other.model()) {
            assertEquals(first.losses(), second.losses());
            assertTrue(!first.losses().equals(other.losses()), "another seed, other weights and order");
            float[][] confidenceA = predict(a, CORPUS.observations()).get(3).confidence();
            float[][] confidenceB = predict(b, CORPUS.observations()).get(3).confidence();
            for (int i = 0; i < confidenceA.length; i++) {
                assertArrayEquals(confidenceA[i], confidenceB[i]);
            }
        }
    }

    /** An observation's scores do not depend on the longer observations padded into its batch. */
    @Test
    void anObservationScoresAloneAsInABatch() {
        try (GridModel model = train(TINY.withEpochs(3)).model()) {
            AnnotatedObservation shortest = CORPUS.observations().get(0);
            float[][] alone = predict(model, List.of(shortest)).get(0).confidence();
            float[][] batched = predict(model, CORPUS.observations()).get(0).confidence();
            for (int i = 0; i < alone.length; i++) {
                assertArrayEquals(alone[i], batched[i], 1e-5f, "row " + i);
            }
        }
    }

    @Test
    void savedAndReadScoresTheSame(@TempDir Path folder) throws IOException {
        try (GridModel model = train(TINY.withEpochs(3)).model()) {
            GridModelIO.write(model, folder);
            try (GridModel read = GridModelIO.read(folder)) {
                assertEquals(model.provenance(), read.provenance());
                assertEquals(model.config(), read.config());
                List<GridModel.Prediction> before = predict(model, CORPUS.observations());
                List<GridModel.Prediction> after = predict(read, CORPUS.observations());
                for (int o = 0; o < before.size(); o++) {
                    for (int i = 0; i < before.get(o).confidence().length; i++) {
                        assertArrayEquals(before.get(o).confidence()[i], after.get(o).confidence()[i]);
                    }
                }
            }
        }
    }

    @Test
    void aModelSavedBeforeEncodersCouldBeCutOrStepsBoundedReadsAsItWasTrained(@TempDir Path folder) throws IOException {
        try (GridModel model = train(TINY.withEncoderLayers(2).withEpochs(1)).model()) {
            GridModelIO.write(model, folder);
        }
        Path manifest = folder.resolve(GridModelIO.MANIFEST);
        try (GridModel read = GridModelIO.read(folder)) {
            assertEquals(2, read.config().encoderLayers());
        }
        String older = Files.readString(manifest).replaceAll("\\s*\"encoderLayers\" : 2,", "")
                .replaceAll("\\s*\"batchWordPairs\" : 8192,", "");
        assertFalse(older.contains("encoderLayers") || older.contains("batchWordPairs"), older);
        Files.writeString(manifest, older);
        try (GridModel read = GridModelIO.read(folder)) {
            assertEquals(EncoderModel.BGE_SMALL_EN_V15_Q.layers(), read.config().encoderLayers());
            assertEquals(Integer.MAX_VALUE, read.config().batchWordPairs());
        }
        Files.writeString(manifest, "");
        IOException empty = assertThrows(IOException.class, () -> GridModelIO.read(folder));
        assertTrue(empty.getMessage().contains(GridModelIO.MANIFEST), empty.getMessage());
    }

    @Test
    void batchesHoldEveryObservationOnceWithinBothBounds() {
        SplittableRandom draw = new SplittableRandom(3);
        int[] words = new int[500];
        Arrays.setAll(words, i -> 1 + draw.nextInt(i % 50 == 0 ? 140 : 30));
        List<List<Integer>> batches = GridTrainer.batchesOf(words, 16, 8_192, new SplittableRandom(9));
        int[] seen = new int[words.length];
        for (List<Integer> batch : batches) {
            int longest = batch.stream().mapToInt(i -> words[i]).max().orElseThrow();
            assertTrue(batch.size() <= 16, batch.toString());
            assertTrue(batch.size() == 1 || (long) batch.size() * longest * longest <= 8_192, batch + " of " + longest + " words");
            batch.forEach(i -> seen[i]++);
        }
        int[] once = new int[words.length];
        Arrays.fill(once, 1);
        assertArrayEquals(once, seen);
        // Observations over the bound are batches alone; short ones fill batches to the observation limit.
        assertTrue(batches.stream().anyMatch(batch -> batch.size() == 1 && words[batch.get(0)] > 90));
        assertTrue(batches.stream().anyMatch(batch -> batch.size() == 16));
        assertEquals(batches, GridTrainer.batchesOf(words, 16, 8_192, new SplittableRandom(9)));
        assertFalse(batches.equals(GridTrainer.batchesOf(words, 16, 8_192, new SplittableRandom(10))));
    }

    @Test
    void encoderLayersAreBetweenNoneAndAllOfTheEncoders() {
        assertThrows(IllegalArgumentException.class, () -> TINY.withEncoderLayers(13));
        assertThrows(IllegalArgumentException.class, () -> TINY.withEncoderLayers(-1));
        assertEquals(0, TINY.withEncoderLayers(0).encoderLayers());
        assertEquals(0, TINY.withEncoderLayers(0).asMap().get("encoderLayers"));
    }

    @Test
    void aFolderWithoutAModelFailsNamingTheFile(@TempDir Path folder) throws IOException {
        IOException missing = assertThrows(IOException.class, () -> GridModelIO.read(folder));
        assertTrue(missing.getMessage().contains("manifest.json"), missing.getMessage());
        try (GridModel model = train(TINY.withEpochs(1)).model()) {
            GridModelIO.write(model, folder);
        }
        Files.write(folder.resolve(GridModelIO.NETWORK), new byte[] {1, 2, 3});
        IOException broken = assertThrows(IOException.class, () -> GridModelIO.read(folder));
        assertTrue(broken.getMessage().contains(GridModelIO.NETWORK), broken.getMessage());
    }

    @Test
    void observationsWithASegmentInsideAWordAreLeftOutAndCounted() {
        Corpus withCut = new Corpus("cut.tsv", "", List.of(CORPUS.observations().get(0),
                annotated("cut", "FACE: fullness in cheeks", key("HP:0000293", "7-24"))));
        try (GridModel model = new GridTrainer(TINY.withEpochs(1)).trainOnFeatures(withCut, TinyHpo.build(), "all", GridTrainerTest::features,
                (epoch, loss) -> { })) {
            assertEquals(1, model.provenance().config().get("skippedObservations"));
        }
    }
}
