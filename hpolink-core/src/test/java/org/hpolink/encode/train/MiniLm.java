package org.hpolink.encode.train;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The fp32 all-MiniLM-L6-v2 of LangChain4j's model jar (on the test classpath), read once per JVM, with ONNX
 * Runtime as the reference, and made-up token id sequences.
 */
final class MiniLm {

    static final String RESOURCE = "all-minilm-l6-v2.onnx";
    static final String TOKENIZER_RESOURCE = "all-minilm-l6-v2-tokenizer.json";
    static final int HEADS = 12;
    static final long CLS = 101;
    static final long SEP = 102;
    /** Ids below this are [PAD], [unusedN], [UNK], [CLS], [SEP], [MASK] and single characters. */
    private static final int FIRST_WORDPIECE = 1996;
    private static final int VOCABULARY = 30522;

    private static byte[] bytes;
    private static OnnxWeights weights;
    private static DjlEncoder encoder;

    private MiniLm() {
    }

    static synchronized byte[] bytes() {
        if (bytes == null) {
            try (InputStream in = MiniLm.class.getClassLoader().getResourceAsStream(RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException(RESOURCE + " is not on the classpath: the model jar dependency is missing");
                }
                bytes = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return bytes;
    }

    static synchronized OnnxWeights weights() {
        if (weights == null) {
            try {
                weights = OnnxWeights.read(new ByteArrayInputStream(bytes()), RESOURCE);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return weights;
    }

    /** The pretrained encoder in DJL, shared by the tests of this JVM (never trained: the fine tuner copies it). */
    static synchronized DjlEncoder encoder() {
        if (encoder == null) {
            encoder = DjlEncoder.of(weights(), HEADS);
        }
        return encoder;
    }

    /**
     * {@code count} sequences [CLS] w1 ... wn [SEP] of 5 to 20 tokens with word pieces drawn from the vocabulary;
     * every fourth has token type 1 from its middle on, as the second segment of a pair would.
     */
    static List<Sequence> sequences(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Sequence> sequences = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int length = random.nextInt(5, 21);
            long[] ids = new long[length];
            long[] types = new long[length];
            ids[0] = CLS;
            ids[length - 1] = SEP;
            for (int t = 1; t < length - 1; t++) {
                ids[t] = random.nextInt(FIRST_WORDPIECE, VOCABULARY);
            }
            if (i % 4 == 3) {
                for (int t = length / 2; t < length; t++) {
                    types[t] = 1;
                }
            }
            sequences.add(new Sequence(ids, types));
        }
        return sequences;
    }

    record Sequence(long[] ids, long[] types) {
    }

    /** The sequences padded into one batch. */
    static TokenBatch batch(List<Sequence> sequences) {
        int length = sequences.stream().mapToInt(s -> s.ids().length).max().orElseThrow();
        long[][] ids = new long[sequences.size()][length];
        long[][] mask = new long[sequences.size()][length];
        long[][] types = new long[sequences.size()][length];
        for (int row = 0; row < sequences.size(); row++) {
            Sequence s = sequences.get(row);
            System.arraycopy(s.ids(), 0, ids[row], 0, s.ids().length);
            System.arraycopy(s.types(), 0, types[row], 0, s.types().length);
            Arrays.fill(mask[row], 0, s.ids().length, 1);
        }
        return TokenBatch.of(ids, mask, types);
    }

    /** An ONNX Runtime session on 2 threads over a model's bytes. */
    static OrtSession session(byte[] model) throws OrtException {
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(2);
            options.setInterOpNumThreads(1);
            // Idle threads sleep rather than spin, as LibTorch's do in these tests (OMP_WAIT_POLICY): fairer timings on shared cores.
            options.addConfigEntry("session.intra_op.allow_spinning", "0");
            return OrtEnvironment.getEnvironment().createSession(model, options);
        }
    }

    /** ONNX Runtime's {@code last_hidden_state} for the batch. */
    static float[][][] lastHiddenState(OrtSession session, TokenBatch batch) throws OrtException {
        OrtEnvironment env = OrtEnvironment.getEnvironment();
        try (OnnxTensor ids = OnnxTensor.createTensor(env, batch.inputIds());
             OnnxTensor mask = OnnxTensor.createTensor(env, batch.attentionMask());
             OnnxTensor types = OnnxTensor.createTensor(env, batch.tokenTypeIds());
             OrtSession.Result result = session.run(Map.of("input_ids", ids, "attention_mask", mask, "token_type_ids", types))) {
            return (float[][][]) result.get("last_hidden_state").orElseThrow().getValue();
        }
    }

    /** The largest absolute difference over the real (unmasked) tokens. */
    static double maxAbsDifference(HiddenStates djl, float[][][] ort, TokenBatch batch) {
        double max = 0;
        for (int row = 0; row < batch.size(); row++) {
            for (int t = 0; t < batch.length(); t++) {
                if (batch.isReal(row, t)) {
                    for (int h = 0; h < djl.hidden(); h++) {
                        max = Math.max(max, Math.abs(djl.get(row, t, h) - ort[row][t][h]));
                    }
                }
            }
        }
        return max;
    }

    /** The largest absolute difference over the real tokens of two DJL outputs. */
    static double maxAbsDifference(HiddenStates a, HiddenStates b, TokenBatch batch) {
        double max = 0;
        for (int row = 0; row < batch.size(); row++) {
            for (int t = 0; t < batch.length(); t++) {
                if (batch.isReal(row, t)) {
                    for (int h = 0; h < a.hidden(); h++) {
                        max = Math.max(max, Math.abs(a.get(row, t, h) - b.get(row, t, h)));
                    }
                }
            }
        }
        return max;
    }
}
