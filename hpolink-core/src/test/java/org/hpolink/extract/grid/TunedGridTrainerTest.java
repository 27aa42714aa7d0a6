package org.hpolink.extract.grid;

import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.encode.EncoderModel;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.TextEncoder;
import org.hpolink.extract.Mention;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.ontology.TinyHpo;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A tiny grid network trained together with the real MiniLM encoder (full precision) on four hand-made
 * observations: it learns them, and the tuned encoder, served by ONNX Runtime, gives the grid the word states it was
 * trained on (the predictions after training are the gold mentions), in memory and after a save and load.
 */
class TunedGridTrainerTest {

    private static final GridConfig TUNED = new GridConfig(5, EncoderModel.ALL_MINILM_L6_V2, 6, 16, 4, 8, 16, 16, 0.0, 30, 2, 8_192, 5e-3, 1e-4, false);

    private static final Corpus CORPUS = new Corpus("tiny.tsv", "", List.of(
            annotated("ears", "EARS: low set", key("HP:0000369", "0-4,6-13")),
            annotated("eyes", "EYES: mild hooding and epicanthus", key("HP:0000286", "23-33"), key("HP:0030820", "0-4,11-18")),
            annotated("normal", "EYES: no epicanthus", normal("HP:0000286", "9-19")),
            annotated("hands", "HANDS: long fingers and toes", key("HP:0100807", "7-19"), key("HP:0001833", "7-11,24-28"))));

    private static final List<Double> LOSSES = new ArrayList<>();
    private static GridModel model;

    @BeforeAll
    static void train() throws IOException {
        model = new GridTrainer(TUNED).trainTuningEncoder(CORPUS, TinyHpo.build(), "all", (epoch, loss) -> LOSSES.add(loss));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<List<Mention>> extract(GridModel grid) throws IOException {
        GridMentionExtractor extractor = new GridMentionExtractor(grid, grid.features((model, layers) -> {
            throw new AssertionError("a tuned model opens no frozen encoder");
        }, EncoderOptions.defaults()), null);
        return extractor.extractAll(CORPUS.observations().stream().map(AnnotatedObservation::observation).toList());
    }

    private static List<TypedSpan> typed(List<Mention> mentions) {
        return mentions.stream().map(m -> new TypedSpan(m.span(), m.status())).sorted(Comparator.comparing(TypedSpan::span)).toList();
    }

    @Test
    void learnsTheMentionsAndServesTheTunedEncoder() throws IOException {
        assertEquals(TUNED.epochs(), LOSSES.size());
        assertTrue(LOSSES.get(LOSSES.size() - 1) < LOSSES.get(0) / 10, "losses " + LOSSES);
        List<List<Mention>> mentions = extract(model);
        for (int i = 0; i < CORPUS.size(); i++) {
            AnnotatedObservation observation = CORPUS.observations().get(i);
            List<TypedSpan> gold = observation.findings().stream().map(f -> new TypedSpan(f.span(), f.status()))
                    .sorted(Comparator.comparing(TypedSpan::span)).toList();
            assertEquals(gold, typed(mentions.get(i)), observation.id());
        }
        assertTrue(model.provenance().config().containsKey("encoderSha256"), "the base encoder is in the provenance");
    }

    @Test
    void savedAndReadScoresTheSame(@TempDir Path folder) throws IOException {
        GridModelIO.write(model, folder);
        assertTrue(Files.size(folder.resolve(GridModelIO.TUNED_ENCODER)) > 50_000_000, "the tuned encoder is in the bundle");
        try (GridModel read = GridModelIO.read(folder)) {
            assertEquals(model.provenance(), read.provenance());
            List<List<Mention>> before = extract(model);
            List<List<Mention>> after = extract(read);
            assertEquals(before, after);
        }
    }

    @Test
    void aChangedEncoderFileFailsNamingIt(@TempDir Path folder) throws IOException {
        GridModelIO.write(model, folder);
        byte[] bytes = Files.readAllBytes(folder.resolve(GridModelIO.TUNED_ENCODER));
        bytes[bytes.length - 1] ^= 1;
        Files.write(folder.resolve(GridModelIO.TUNED_ENCODER), bytes);
        IOException changed = assertThrows(IOException.class, () -> GridModelIO.read(folder));
        assertTrue(changed.getMessage().contains(GridModelIO.TUNED_ENCODER) && changed.getMessage().contains("SHA-256"), changed.getMessage());
        Files.delete(folder.resolve(GridModelIO.TUNED_ENCODER));
        IOException missing = assertThrows(IOException.class, () -> GridModelIO.read(folder));
        assertTrue(missing.getMessage().contains(GridModelIO.TUNED_ENCODER), missing.getMessage());
    }

    @Test
    void refusesTheFeaturesOfTheUntunedEncoder() throws IOException {
        try (TextEncoder untuned = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2, EncoderOptions.defaults())) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> new GridMentionExtractor(model, new GridFeatures(untuned), null));
            assertTrue(e.getMessage().contains("tuned"), e.getMessage());
        }
    }

    @Test
    void aQuantizedEncoderCannotBeTuned() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new GridConfig(5, EncoderModel.ALL_MINILM_L6_V2_Q,
                6, 16, 4, 8, 16, 16, 0.0, 1, 2, 8_192, 1e-2, 1e-4, false));
        assertTrue(e.getMessage().contains("8-bit"), e.getMessage());
        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class, () -> TUNED.withEncoderLayers(3));
        assertTrue(cut.getMessage().contains("all its 6 layers"), cut.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new GridTrainer(TUNED).trainOnFeatures(CORPUS, TinyHpo.build(), "all",
                texts -> List.of(), (epoch, loss) -> { }));
    }
}
