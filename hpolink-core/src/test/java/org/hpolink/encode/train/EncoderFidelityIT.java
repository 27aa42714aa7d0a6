package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The fidelity target on 200 made-up inputs of 5 to 20 tokens (a quarter with a second segment of token
 * type 1): the DJL copy's last_hidden_state equals ONNX Runtime's on the fp32 MiniLM within 1e-4, one by one and in
 * padded batches of 32 (padding positions not compared). Also times a forward pass of both on 2 threads; printed
 * for the record, not asserted.
 */
class EncoderFidelityIT {

    private static final double TOLERANCE = 1e-4;

    @Test
    void djlEqualsOnnxRuntimeOn200Inputs() throws OrtException {
        List<MiniLm.Sequence> sequences = MiniLm.sequences(200, 2024);
        DjlEncoder djl = MiniLm.encoder();
        double single = 0;
        double batched = 0;
        try (OrtSession ort = MiniLm.session(MiniLm.bytes())) {
            for (MiniLm.Sequence sequence : sequences) {
                TokenBatch batch = MiniLm.batch(List.of(sequence));
                single = Math.max(single, MiniLm.maxAbsDifference(djl.lastHiddenState(batch), MiniLm.lastHiddenState(ort, batch), batch));
            }
            for (int from = 0; from < sequences.size(); from += 32) {
                TokenBatch batch = MiniLm.batch(sequences.subList(from, Math.min(from + 32, sequences.size())));
                batched = Math.max(batched, MiniLm.maxAbsDifference(djl.lastHiddenState(batch), MiniLm.lastHiddenState(ort, batch), batch));
            }
            System.out.printf("EncoderFidelityIT: 200 inputs, max abs difference DJL vs ONNX Runtime: %.2e one by one, %.2e in padded batches of 32%n",
                    single, batched);
            assertTrue(single < TOLERANCE, "one by one: " + single);
            assertTrue(batched < TOLERANCE, "padded batches: " + batched);
            timeForward(djl, ort);
        }
    }

    /** Median of 10 forward passes over 32 inputs of 12 tokens, after 3 to warm up. */
    private static void timeForward(DjlEncoder djl, OrtSession ort) throws OrtException {
        List<MiniLm.Sequence> twelve = new ArrayList<>();
        for (MiniLm.Sequence s : MiniLm.sequences(2000, 7)) {
            if (s.ids().length == 12 && twelve.size() < 32) {
                twelve.add(s);
            }
        }
        TokenBatch batch = MiniLm.batch(twelve);
        double[] djlMs = new double[13];
        double[] ortMs = new double[13];
        for (int i = 0; i < 13; i++) {
            long start = System.nanoTime();
            djl.lastHiddenState(batch);
            long middle = System.nanoTime();
            MiniLm.lastHiddenState(ort, batch);
            djlMs[i] = (middle - start) / 1e6;
            ortMs[i] = (System.nanoTime() - middle) / 1e6;
        }
        System.out.printf("EncoderFidelityIT: forward, batch of %d x 12 tokens, 2 threads, median of 10: DJL %.1f ms, ONNX Runtime %.1f ms%n",
                batch.size(), median(djlMs), median(ortMs));
    }

    static double median(double[] timesWithWarmUp) {
        double[] times = Arrays.copyOfRange(timesWithWarmUp, 3, timesWithWarmUp.length);
        Arrays.sort(times);
        return (times[times.length / 2 - 1] + times[times.length / 2]) / 2;
    }
}
