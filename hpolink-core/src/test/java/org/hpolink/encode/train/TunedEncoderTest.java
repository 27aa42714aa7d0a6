package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Saving, loading and serving a tuned encoder: one short run (one step at a large rate, so the weights move). */
class TunedEncoderTest {

    private static TunedEncoder tuned;
    private static final TokenBatch BATCH = MiniLm.batch(MiniLm.sequences(6, 11));

    @TempDir
    Path dir;

    @BeforeAll
    static void tune() {
        FineTuneConfig config = new FineTuneConfig(3, 1, 2, 1e-3, 0.01, 0.05, Frozen.WORD_EMBEDDINGS);
        tuned = new EncoderFineTuner(config).train(MiniLm.encoder(), Pairs.of(2, 7), FineTuneListener.NONE);
    }

    @AfterAll
    static void close() {
        tuned.close();
    }

    @Test
    void loadsBackToTheSameOutputsAndProvenance() throws IOException {
        tuned.save(dir);
        try (TunedEncoder loaded = TunedEncoder.load(dir)) {
            assertEquals(tuned.provenance(), loaded.provenance());
            assertEquals(tuned.encoder().shape(), loaded.encoder().shape());
            assertEquals(tuned.encoder().source(), loaded.encoder().source());
            HiddenStates before = tuned.encoder().lastHiddenState(BATCH);
            HiddenStates after = loaded.encoder().lastHiddenState(BATCH);
            for (int row = 0; row < BATCH.size(); row++) {
                for (int t = 0; t < BATCH.length(); t++) {
                    assertArrayEquals(before.token(row, t), after.token(row, t), "row " + row + " token " + t + ", padding too");
                }
            }
        }
    }

    @Test
    void runsInOnnxRuntimeOnceWrittenBack() throws IOException, OrtException {
        Path file = dir.resolve("tuned.onnx");
        tuned.writeOnnx(MiniLm.weights(), file);
        HiddenStates djl = tuned.encoder().lastHiddenState(BATCH);
        try (OrtSession served = MiniLm.session(Files.readAllBytes(file)); OrtSession base = MiniLm.session(MiniLm.bytes())) {
            float[][][] ort = MiniLm.lastHiddenState(served, BATCH);
            double diff = MiniLm.maxAbsDifference(djl, ort, BATCH);
            assertTrue(diff < 1e-4, "ONNX Runtime on the written-back file vs DJL: " + diff);
            double moved = MiniLm.maxAbsDifference(djl, MiniLm.lastHiddenState(base, BATCH), BATCH);
            assertTrue(moved > 1e-2, "the tuned weights reached the file: the base model differs by " + moved);
        }
    }

    @Test
    void refusesToWriteIntoAnotherModel() throws IOException {
        OnnxWeights other = OnnxWeights.read(new ByteArrayInputStream(MiniLm.bytes()), "other.onnx");
        Path file = dir.resolve("tuned.onnx");
        tuned.writeOnnx(other, file); // same bytes, so the same model under another name: accepted
        assertTrue(Files.size(file) > 80_000_000);
        byte[] changed = MiniLm.bytes().clone();
        changed[changed.length - 1] ^= 1;
        OnnxWeights different = OnnxWeights.read(new ByteArrayInputStream(changed), "different.onnx");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> tuned.writeOnnx(different, dir.resolve("x.onnx")));
        assertTrue(e.getMessage().startsWith("different.onnx (sha256 ") && e.getMessage().contains(MiniLm.RESOURCE), e.getMessage());
    }

    @Test
    void namesWhatIsMissingOrWrongWhenLoading() throws IOException {
        IOException none = assertThrows(IOException.class, () -> TunedEncoder.load(dir.resolve("absent")));
        assertTrue(none.getMessage().contains("manifest.json: no such file"), none.getMessage());

        tuned.save(dir);
        Files.delete(dir.resolve("weights.params"));
        IOException weights = assertThrows(IOException.class, () -> TunedEncoder.load(dir));
        assertEquals(dir.resolve("weights.params") + ": no such file: the tuned weights are missing", weights.getMessage());

        Files.writeString(dir.resolve("weights.params"), "garbage");
        IOException garbage = assertThrows(IOException.class, () -> TunedEncoder.load(dir));
        assertTrue(garbage.getMessage().startsWith(dir.resolve("weights.params").toString()), garbage.getMessage());

        Files.writeString(dir.resolve("manifest.json"), Files.readString(dir.resolve("manifest.json")).replace("\"formatVersion\" : 1", "\"formatVersion\" : 9"));
        IOException version = assertThrows(IOException.class, () -> TunedEncoder.load(dir));
        assertTrue(version.getMessage().contains("version 9, expected " + TunedEncoder.FORMAT + " version 1"), version.getMessage());
    }
}
