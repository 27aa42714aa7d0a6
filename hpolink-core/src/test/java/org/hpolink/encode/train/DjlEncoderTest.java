package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DJL copy of MiniLM computes what ONNX Runtime computes on the ONNX file (the full 200 in EncoderFidelityIT). */
class DjlEncoderTest {

    private static final double TOLERANCE = 1e-4;

    @Test
    void shapeOfMiniLm() {
        assertEquals(new BertShape(30522, 384, 6, 12, 1536, 512, 2), MiniLm.encoder().shape());
        assertEquals(32, MiniLm.encoder().shape().headSize());
    }

    @Test
    void equalsOnnxRuntimeOneByOneAndPadded() throws OrtException {
        List<MiniLm.Sequence> sequences = MiniLm.sequences(8, 3);
        try (OrtSession session = MiniLm.session(MiniLm.bytes())) {
            for (MiniLm.Sequence sequence : sequences) {
                TokenBatch single = MiniLm.batch(List.of(sequence));
                double diff = MiniLm.maxAbsDifference(MiniLm.encoder().lastHiddenState(single), MiniLm.lastHiddenState(session, single), single);
                assertTrue(diff < TOLERANCE, "one by one: max abs difference " + diff);
            }
            TokenBatch padded = MiniLm.batch(sequences);
            assertTrue(padded.length() > 5, "the batch pads its shorter sequences");
            double diff = MiniLm.maxAbsDifference(MiniLm.encoder().lastHiddenState(padded), MiniLm.lastHiddenState(session, padded), padded);
            assertTrue(diff < TOLERANCE, "padded batch: max abs difference " + diff);
        }
    }
}
