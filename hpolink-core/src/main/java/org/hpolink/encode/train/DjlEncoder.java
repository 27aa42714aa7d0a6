package org.hpolink.encode.train;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.SortedMap;

/**
 * A BERT encoder held by DJL on the PyTorch engine (CPU): the trainable copy of an ONNX encoder. Inference here is
 * for checking and training; serving goes through ONNX Runtime (see {@link TunedEncoder#writeOnnx}).
 *
 * <p>Holds native memory: close it. Safe to share across threads for inference while nothing trains it (the fine
 * tuner trains a copy of its own).
 */
public final class DjlEncoder implements AutoCloseable {

    static final String ENGINE = "PyTorch";

    private final Model model;
    private final BertEncoderBlock block;
    private final EncoderSource source;

    private DjlEncoder(Model model, BertEncoderBlock block, EncoderSource source) {
        this.model = model;
        this.block = block;
        this.source = source;
    }

    /**
     * The encoder of an ONNX model's weights.
     *
     * @param heads attention heads, which the weights do not show (12 for MiniLM-L6 and bge-small)
     * @throws IllegalArgumentException naming the model when a weight is missing or misshapen
     */
    public static DjlEncoder of(OnnxWeights weights, int heads) {
        BertShape shape = BertShape.of(weights.tensors(), heads, weights.source());
        return of(shape, weights.tensors(), new EncoderSource(weights.source(), weights.sha256()));
    }

    /** An encoder of {@code shape} holding copies of {@code weights} (Hugging Face names, dense weights [out, in]). */
    static DjlEncoder of(BertShape shape, Map<String, WeightTensor> weights, EncoderSource source) {
        Model model = Model.newInstance("bert-encoder", Device.cpu(), ENGINE);
        try {
            BertEncoderBlock block = new BertEncoderBlock(shape);
            model.setBlock(block);
            // Cheap placeholder values, overwritten at once: DJL only lets an initialized parameter take values.
            block.setInitializer(Initializer.ZEROS, parameter -> true);
            Shape input = new Shape(1, 1);
            block.initialize(model.getNDManager(), DataType.FLOAT32, input, input, input);
            block.load(weights, source.name());
            return new DjlEncoder(model, block, source);
        } catch (RuntimeException e) {
            model.close();
            throw e;
        }
    }

    /** Reads parameters written by {@link #writeParameters}; the encoder's shape comes from the caller's manifest. */
    static DjlEncoder readParameters(Path file, BertShape shape, EncoderSource source) throws IOException {
        Model model = Model.newInstance("bert-encoder", Device.cpu(), ENGINE);
        BertEncoderBlock block = new BertEncoderBlock(shape);
        model.setBlock(block);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            block.loadParameters(model.getNDManager(), in);
        } catch (IOException | MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(file + ": not a parameter file of this encoder (" + e + ")", e);
        }
        for (Map.Entry<String, int[]> expected : shape.parameterShapes().entrySet()) {
            Shape actual = block.parameter(expected.getKey()).getArray().getShape();
            if (!actual.equals(BertShape.djl(expected.getValue()))) {
                model.close();
                throw new IOException(file + ": weight " + expected.getKey() + " has shape " + actual + ", expected "
                        + Arrays.toString(expected.getValue()));
            }
        }
        return new DjlEncoder(model, block, source);
    }

    void writeParameters(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            block.saveParameters(out);
        }
    }

    public BertShape shape() {
        return block.shape();
    }

    /** The pretrained weights this encoder, or the one it was tuned from, started with. */
    public EncoderSource source() {
        return source;
    }

    /** {@code last_hidden_state} for {@code batch}: [batch, length, hidden]; padding positions hold values too. */
    public HiddenStates lastHiddenState(TokenBatch batch) {
        try (NDManager manager = model.getNDManager().newSubManager()) {
            return new HiddenStates(batch.size(), batch.length(), shape().hidden(), forward(manager, batch.toNDList(manager)).toFloatArray());
        }
    }

    /** {@code last_hidden_state} of the inputs of a {@link TokenBatch}, without gradients, its arrays in {@code manager}. */
    NDArray forward(NDManager manager, NDList inputs) {
        return block.forward(new ParameterStore(manager, false), inputs, false).singletonOrThrow();
    }

    /** A copy of every weight under its Hugging Face name, dense weights [out, in]. */
    public SortedMap<String, WeightTensor> weights() {
        return block.weights();
    }

    Model model() {
        return model;
    }

    BertEncoderBlock block() {
        return block;
    }

    @Override
    public void close() {
        model.close();
    }
}
