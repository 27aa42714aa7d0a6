package org.hpolink.encode.train;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A BERT encoder (Hugging Face {@code BertModel} without pooler, as exported to ONNX) as one DJL block whose
 * parameters carry the Hugging Face names. DJL's own {@code BertBlock} computes another network (batch norm, a
 * different residual, the whole position table), hence this block.
 *
 * <p>Input: {@code input_ids}, {@code attention_mask}, {@code token_type_ids}, int64 [batch, length]. Output:
 * {@code last_hidden_state}, float32 [batch, length, hidden]. The math follows the ONNX graph: layer norms with
 * epsilon 1e-12, attention scores divided by sqrt(head size), then padding masked by adding (1 - mask) times the
 * float32 minimum, and GELU in its erf form. No dropout: outputs are those of inference, in training too.
 */
public final class BertEncoderBlock extends AbstractBlock {

    private static final byte VERSION = 1;
    private static final float LAYER_NORM_EPSILON = 1e-12f;

    private final BertShape shape;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    public BertEncoderBlock(BertShape shape) {
        super(VERSION);
        this.shape = shape;
        shape.parameterShapes().forEach((name, dims) -> parameters.put(name, addParameter(Parameter.builder()
                .setName(name)
                .setType(name.endsWith(".bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .optShape(BertShape.djl(dims))
                .build())));
    }

    public BertShape shape() {
        return shape;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray ids = inputs.get(0);
        NDArray mask = inputs.get(1);
        NDArray types = inputs.get(2);
        Weights w = new Weights(store, ids.getDevice(), training);
        long batch = ids.getShape().get(0);
        long length = ids.getShape().get(1);
        if (length > shape.maxPositions()) {
            throw new IllegalArgumentException("inputs of " + length + " tokens: this encoder reads at most " + shape.maxPositions());
        }
        // Positions are looked up, not sliced off the table: a slice would belong to the parameters' manager and
        // outlive the call, while results of lookups belong to the manager of the inputs.
        NDArray positions = ids.getManager().arange(0, length, 1, DataType.INT64);
        NDArray x = embed(ids, w.get(BertShape.WORD_EMBEDDINGS))
                .add(embed(positions, w.get(BertShape.POSITION_EMBEDDINGS)))
                .add(embed(types, w.get(BertShape.TOKEN_TYPE_EMBEDDINGS)));
        x = layerNorm(x, w, BertShape.EMBEDDING_NORM);
        // [batch, 1, 1, length]: 0 where a token is real, float32-min where it is padding, broadcast over heads and queries.
        NDArray maskBias = mask.toType(DataType.FLOAT32, false).neg().add(1f).mul(-Float.MAX_VALUE).reshape(batch, 1, 1, length);
        // The attention scores' divisor is an array of the inputs' manager, not a number: DJL makes a number into an
        // array over Java memory and closes it right after the division, while the backward pass still reads it;
        // a garbage collection in between freed that memory and gave garbage or NaN gradients.
        NDArray scoreDivisor = ids.getManager().create((float) Math.sqrt(shape.headSize()));
        for (int layer = 0; layer < shape.layers(); layer++) {
            x = layer(x, maskBias, scoreDivisor, w, BertShape.layerPrefix(layer), batch, length);
        }
        return new NDList(x);
    }

    private NDArray layer(NDArray x, NDArray maskBias, NDArray scoreDivisor, Weights w, String p, long batch, long length) {
        int heads = shape.heads();
        int headSize = shape.headSize();
        NDArray q = heads(dense(x, w, p + "attention.self.query"), batch, length);
        NDArray k = heads(dense(x, w, p + "attention.self.key"), batch, length);
        NDArray v = heads(dense(x, w, p + "attention.self.value"), batch, length);
        NDArray scores = q.matMul(k.transpose(0, 1, 3, 2)).div(scoreDivisor).add(maskBias);
        NDArray context = scores.softmax(-1).matMul(v).transpose(0, 2, 1, 3).reshape(batch, length, (long) heads * headSize);
        NDArray attended = layerNorm(dense(context, w, p + "attention.output.dense").add(x), w, p + "attention.output.LayerNorm");
        NDArray intermediate = Activation.gelu(dense(attended, w, p + "intermediate.dense"));
        return layerNorm(dense(intermediate, w, p + "output.dense").add(attended), w, p + "output.LayerNorm");
    }

    private static NDArray embed(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    /** [batch, length, hidden] -> [batch, heads, length, head size]. */
    private NDArray heads(NDArray x, long batch, long length) {
        return x.reshape(batch, length, shape.heads(), shape.headSize()).transpose(0, 2, 1, 3);
    }

    private static NDArray dense(NDArray x, Weights w, String layer) {
        return Linear.linear(x, w.get(layer + ".weight"), w.get(layer + ".bias")).singletonOrThrow();
    }

    private NDArray layerNorm(NDArray x, Weights w, String layer) {
        return LayerNorm.layerNorm(x, new Shape(shape.hidden()), w.get(layer + ".weight"), w.get(layer + ".bias"),
                LAYER_NORM_EPSILON).singletonOrThrow();
    }

    /** The parameter arrays of one forward pass, through the store (which hands the trainer's copies in training). */
    private final class Weights {
        private final ParameterStore store;
        private final Device device;
        private final boolean training;

        Weights(ParameterStore store, Device device, boolean training) {
            this.store = store;
            this.device = device;
            this.training = training;
        }

        NDArray get(String name) {
            return store.getValue(parameters.get(name), device, training);
        }
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape ids = inputShapes[0];
        return new Shape[] {new Shape(ids.get(0), ids.get(1), shape.hidden())};
    }

    /**
     * Gives every parameter the value of the weight of its name (dense weights [out, in]); call after initialization.
     *
     * @throws IllegalArgumentException naming {@code source} when a weight is missing or misshapen
     */
    public void load(Map<String, WeightTensor> weights, String source) {
        shape.parameterShapes().forEach((name, dims) -> {
            WeightTensor tensor = weights.get(name);
            if (tensor == null || !tensor.hasShape(dims)) {
                throw new IllegalArgumentException(source + ": weight " + name + " is " + tensor + ", expected shape " + Arrays.toString(dims));
            }
            parameter(name).getArray().set(tensor.values());
        });
    }

    /** A copy of every weight under its Hugging Face name, dense weights [out, in]. */
    public SortedMap<String, WeightTensor> weights() {
        SortedMap<String, WeightTensor> weights = new TreeMap<>();
        for (String name : shape.parameterShapes().keySet()) {
            NDArray array = parameter(name).getArray();
            int[] dims = Arrays.stream(array.getShape().getShape()).mapToInt(Math::toIntExact).toArray();
            weights.put(name, WeightTensor.owning(dims, array.toFloatArray()));
        }
        return weights;
    }

    /** Leaves the word embedding table out of training (see {@link Frozen#WORD_EMBEDDINGS}). */
    public void freezeWordEmbeddings() {
        freezeParameters(true, p -> p.getName().equals(BertShape.WORD_EMBEDDINGS));
    }

    /** The parameter of a Hugging Face weight name. */
    Parameter parameter(String name) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("this encoder has no weight " + name);
        }
        return parameter;
    }
}
