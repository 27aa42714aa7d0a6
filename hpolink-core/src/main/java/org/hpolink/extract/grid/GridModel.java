package org.hpolink.extract.grid;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hpolink.encode.EncoderOptions;
import org.hpolink.encode.FrozenEncoders;
import org.hpolink.encode.LengthBatches;
import org.hpolink.encode.TextEncoder;
import org.hpolink.model.Provenance;
import org.hpolink.text.Token;

/**
 * A trained word-pair grid network with its provenance: it labels the grid of each observation's words, and
 * {@link WordGrid#decode} reads the mentions off it. The network is served by ONNX Runtime from its exported graph
 * ({@link GridOnnx}), so prediction needs no LibTorch. A model whose training tuned its encoder carries that encoder
 * (an ONNX model too); otherwise it reads the states of the frozen encoder its config names. Holds native memory:
 * close it. Inference is safe from several threads.
 */
public final class GridModel implements AutoCloseable {

    /** The component named in the provenance of a grid model. */
    public static final String COMPONENT = "grid-extractor";

    /**
     * Word pairs per forward pass at inference, padding included: a batch's cost is its size times the square of its
     * longest observation. Bounded so that a batch's grid tensors (a few hundred floats per cell) stay in the caches:
     * 2,048 cells ran the network over the training file in 1.2 s against 2.0 s for 16,384 (docs/RESULTS.md).
     */
    private static final int CELLS_PER_BATCH = 2_048;
    private static final int MAX_BATCH = 64;

    private final GridConfig config;
    private final int features;
    private final byte[] network;
    private final Provenance provenance;
    /** The tuned encoder's ONNX model, or null when the encoder stayed frozen. */
    private final byte[] tunedEncoder;
    private TextEncoder openTunedEncoder;
    private OrtSession session;

    /**
     * @param features     the width of a word's input features
     * @param network      the network's ONNX model ({@link GridOnnx#export})
     * @param tunedEncoder the tuned encoder's ONNX model, or null when the config keeps the encoder frozen
     */
    GridModel(GridConfig config, int features, byte[] network, Provenance provenance, byte[] tunedEncoder) {
        if ((tunedEncoder != null) != config.tunesEncoder()) {
            throw new IllegalArgumentException("a grid model carries its encoder if and only if its config tunes it");
        }
        this.config = config;
        this.features = features;
        this.network = network;
        this.provenance = provenance;
        this.tunedEncoder = tunedEncoder;
    }

    public GridConfig config() {
        return config;
    }

    public Provenance provenance() {
        return provenance;
    }

    /** The width of a word's input features. */
    int featureWidth() {
        return features;
    }

    /** The network's ONNX model, for writing. */
    byte[] network() {
        return network;
    }

    /** The tuned encoder's ONNX model, for writing; empty when the encoder stayed frozen. */
    Optional<byte[]> tunedEncoder() {
        return Optional.ofNullable(tunedEncoder);
    }

    /**
     * The word features this model reads: those of its own tuned encoder (opened on first use with
     * {@code tunedOptions}, which later calls share; closed with the model), or else those of the frozen encoder its
     * config names, which {@code frozenEncoders} opens (and its caller closes). The network, if not yet opened, is
     * opened with the threads of {@code tunedOptions} too.
     */
    public synchronized GridFeatures features(FrozenEncoders frozenEncoders, EncoderOptions tunedOptions)
            throws IOException {
        open(tunedOptions);
        if (tunedEncoder == null) {
            return new GridFeatures(frozenEncoders.encoder(config().encoder(), config().encoderLayers()));
        }
        if (openTunedEncoder == null) {
            openTunedEncoder = TextEncoder.open(config().encoder(), tunedEncoder, "tuned in grid model " + provenance.createdAt(),
                    tunedOptions);
        }
        return new GridFeatures(openTunedEncoder);
    }

    /** Whether {@code features} are the ones this model was trained on (see {@link #features}). */
    synchronized boolean reads(GridFeatures features) {
        return tunedEncoder == null
                ? features.encoder().model() == config().encoder() && features.encoder().layers() == config().encoderLayers()
                : features.encoder() == openTunedEncoder;
    }

    /** A labelled grid and, per cell, the probability of its label. */
    public record Prediction(WordGrid grid, float[][] confidence) {
    }

    /**
     * The relation of every word pair of each observation: of the relations the cell allows (next word above the
     * diagonal, tail-head on and below it), the most probable one if its probability reaches {@code threshold},
     * else none. A threshold below one half trades precision for recall.
     *
     * @param words     each observation's words
     * @param features  each observation's word features ({@link WordStates}), one row per word
     * @param hints     each observation's hint grid ({@link GridTrainer#hintGrid}) for a model reading hints
     *                  ({@link GridConfig#lexiconHints()}); null for one that does not
     * @param threshold in (0, 1]
     */
    public List<Prediction> predict(List<List<Token>> words, List<float[][]> features, List<WordGrid> hints, double threshold) {
        if (!(threshold > 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold is " + threshold + ": expected a probability in (0, 1]");
        }
        if (words.size() != features.size()) {
            throw new IllegalArgumentException(words.size() + " observations but " + features.size() + " feature sets");
        }
        if ((hints != null) != config().lexiconHints()) {
            throw new IllegalArgumentException(config().lexiconHints() ? "this grid model reads hint grids: none given"
                    : "this grid model reads no hint grids");
        }
        Prediction[] predictions = new Prediction[words.size()];
        // Batches of similar length, so that little of a grid is padding (padding does not change the scores).
        for (List<Integer> batch : LengthBatches.of(words.size(), i -> words.get(i).size(), MAX_BATCH, CELLS_PER_BATCH, 2)) {
            List<Prediction> batchPredictions = predictBatch(batch.stream().map(words::get).toList(), batch.stream().map(features::get).toList(),
                    hints == null ? null : batch.stream().map(hints::get).toList(), threshold);
            for (int b = 0; b < batch.size(); b++) {
                predictions[batch.get(b)] = batchPredictions.get(b);
            }
        }
        return List.of(predictions);
    }

    /** Opens the network's session with {@code options}' threads, unless it is open already. */
    private synchronized OrtSession open(EncoderOptions options) throws IOException {
        if (session == null) {
            try (OrtSession.SessionOptions sessionOptions = options.sessionOptions()) {
                session = OrtEnvironment.getEnvironment().createSession(network, sessionOptions);
            } catch (OrtException e) {
                throw new IOException("the grid network of the model trained " + provenance.createdAt() + " cannot be opened by ONNX Runtime: "
                        + e.getMessage(), e);
            }
        }
        return session;
    }

    private OrtSession session() {
        try {
            return open(EncoderOptions.defaults());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Prediction> predictBatch(List<List<Token>> words, List<float[][]> features, List<WordGrid> hints, double threshold) {
        GridBatch batch = GridBatch.ofFeatures(features, hints);
        int length = batch.length();
        float[] probabilities;
        Map<String, OnnxTensor> inputs = null;
        try {
            inputs = batch.onnxInputs(OrtEnvironment.getEnvironment());
            try (OrtSession.Result result = session().run(inputs)) {
                FloatBuffer output = ((OnnxTensor) result.get(0)).getFloatBuffer();
                probabilities = new float[output.remaining()];
                output.get(probabilities);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("the grid network failed on a batch of " + words.size() + " observations: " + e.getMessage(), e);
        } finally {
            if (inputs != null) {
                inputs.values().forEach(OnnxTensor::close);
            }
        }
        GridRelation[] relations = GridRelation.values();
        List<Prediction> predictions = new ArrayList<>(words.size());
        for (int b = 0; b < words.size(); b++) {
            int n = words.get(b).size();
            GridRelation[][] labels = new GridRelation[n][n];
            float[][] confidence = new float[n][n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    int cell = ((b * length + i) * length + j) * relations.length;
                    int best = -1;
                    for (int r = 1; r < relations.length; r++) {
                        if (WordGrid.allowed(relations[r], i, j) && (best < 0 || probabilities[cell + r] > probabilities[cell + best])) {
                            best = r;
                        }
                    }
                    boolean related = probabilities[cell + best] >= threshold;
                    labels[i][j] = related ? relations[best] : GridRelation.NONE;
                    confidence[i][j] = related ? probabilities[cell + best] : probabilities[cell];
                }
            }
            predictions.add(new Prediction(WordGrid.of(words.get(b), labels), confidence));
        }
        return predictions;
    }

    @Override
    public synchronized void close() {
        if (openTunedEncoder != null) {
            openTunedEncoder.close();
        }
        if (session != null) {
            try {
                session.close();
            } catch (OrtException e) {
                throw new IllegalStateException("closing the grid network's session: " + e.getMessage(), e);
            }
        }
    }
}
