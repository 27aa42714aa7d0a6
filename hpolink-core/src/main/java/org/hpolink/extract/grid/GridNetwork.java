package org.hpolink.extract.grid;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Embedding;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import ai.djl.util.PairList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * W2NER's network (Li et al., AAAI 2022) as one DJL block: word features -> BiLSTM -> conditional layer
 * normalization building the word-pair grid, with word-distance and region embeddings -> channel dropout, 1x1
 * convolution and dilated depthwise convolutions (dilations 1, 2, 3, stacked) -> co-predictor, the sum of a biaffine
 * scorer over the BiLSTM states and an MLP over the convolved grid, giving one score per {@link GridRelation} and word
 * pair.
 *
 * <p>Inputs ({@link GridBatch}): word features float32 [batch, words, features]; the per-observation reversal of
 * the words, int64 [batch, words] (the backward LSTM reads each observation from its own last word, so padding
 * never reaches a real word); word-distance buckets and regions, int64 [batch, words, words]; with
 * {@link GridConfig#lexiconHints()}, the hint grid's relations, int64 [batch, words, words], embedded like the
 * distances; the grid mask, float32 [batch, words, words]. Output: scores float32 [batch, words, words, relations].
 */
public final class GridNetwork extends AbstractBlock {

    private static final byte VERSION = 1;
    static final float LAYER_NORM_EPSILON = 1e-12f;
    static final int[] DILATIONS = {1, 2, 3};
    static final int RELATIONS = GridRelation.values().length;

    private final GridConfig config;
    private final int features;
    private final LSTM forwardLstm;
    private final LSTM backwardLstm;
    private final Map<String, Parameter> parameters = new LinkedHashMap<>();

    public GridNetwork(GridConfig config, int features) {
        super(VERSION);
        this.config = config;
        this.features = features;
        forwardLstm = addChildBlock("forwardLstm", lstm(config));
        backwardLstm = addChildBlock("backwardLstm", lstm(config));
        int states = 2 * config.lstmHidden();
        int grid = states + (config.lexiconHints() ? 3 : 2) * config.distanceWidth();
        int channels = config.convolutionHidden();
        int pairs = channels * DILATIONS.length;
        int biaffine = config.biaffineHidden() + 1;
        // Conditional layer norm: scale and shift of cell (i, j) are gamma + W_g h_j and beta + W_b h_j; the W start
        // at zero so that training starts from a plain layer norm, as W2NER does.
        add("cln.gamma", Initializer.ONES, states);
        add("cln.beta", Initializer.ZEROS, states);
        add("cln.conditionGamma", Initializer.ZEROS, states, states);
        add("cln.conditionBeta", Initializer.ZEROS, states, states);
        add("distance", xavier(), GridBatch.DISTANCE_BUCKETS, config.distanceWidth());
        add("region", xavier(), GridBatch.REGIONS, config.distanceWidth());
        if (config.lexiconHints()) {
            add("hint", xavier(), RELATIONS, config.distanceWidth());
        }
        add("gridIn.weight", xavier(), channels, grid, 1, 1);
        add("gridIn.bias", Initializer.ZEROS, channels);
        for (int dilation : DILATIONS) {
            add("dilated" + dilation + ".weight", xavier(), channels, 1, 3, 3);
            add("dilated" + dilation + ".bias", Initializer.ZEROS, channels);
        }
        add("head.weight", xavier(), config.biaffineHidden(), states);
        add("head.bias", Initializer.ZEROS, config.biaffineHidden());
        add("tail.weight", xavier(), config.biaffineHidden(), states);
        add("tail.bias", Initializer.ZEROS, config.biaffineHidden());
        add("biaffine", xavier(), biaffine, RELATIONS * biaffine);
        add("relationHidden.weight", xavier(), config.relationHidden(), pairs);
        add("relationHidden.bias", Initializer.ZEROS, config.relationHidden());
        add("relationOut.weight", xavier(), RELATIONS, config.relationHidden());
        add("relationOut.bias", Initializer.ZEROS, RELATIONS);
    }

    private static LSTM lstm(GridConfig config) {
        LSTM lstm = LSTM.builder().setStateSize(config.lstmHidden()).setNumLayers(1).optBatchFirst(true).optReturnState(false).build();
        lstm.setInitializer(xavier(), Parameter.Type.WEIGHT);
        return lstm;
    }

    private static Initializer xavier() {
        return new XavierInitializer();
    }

    private void add(String name, Initializer initializer, long... shape) {
        parameters.put(name, addParameter(Parameter.builder()
                .setName(name)
                .setType(name.endsWith("bias") ? Parameter.Type.BIAS : Parameter.Type.WEIGHT)
                .optInitializer(initializer)
                .optShape(new Shape(shape))
                .build()));
    }

    public GridConfig config() {
        return config;
    }

    /** The trained value of one of this network's own parameters (not the LSTMs'), for export. */
    NDArray parameter(String name) {
        Parameter parameter = parameters.get(name);
        if (parameter == null) {
            throw new IllegalArgumentException("the grid network has no parameter " + name);
        }
        return parameter.getArray();
    }

    /** The LSTM reading the words forwards ({@code true}) or backwards. */
    LSTM lstm(boolean forwards) {
        return forwards ? forwardLstm : backwardLstm;
    }

    /** The width of a word's input features. */
    public int features() {
        return features;
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape words = new Shape(inputShapes[0].get(0), inputShapes[0].get(1), features);
        forwardLstm.initialize(manager, dataType, words);
        backwardLstm.initialize(manager, dataType, words);
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        NDArray words = inputs.get(0);
        NDArray reversal = inputs.get(1);
        NDArray distances = inputs.get(2);
        NDArray regions = inputs.get(3);
        NDArray mask = GridBatch.mask(inputs);
        float dropout = (float) config.dropout();
        Weights w = new Weights(store, training);

        NDArray input = Dropout.dropout(words, dropout, training).singletonOrThrow();
        NDArray forward = forwardLstm.forward(store, new NDList(input), training).singletonOrThrow();
        NDArray backward = reorder(backwardLstm.forward(store, new NDList(reorder(input, reversal)), training).singletonOrThrow(), reversal);
        NDArray states = forward.concat(backward, 2);

        NDArray cells = conditionalLayerNorm(states, w);
        // Padding cells are zeroed before every convolution, so that they read like the zero padding of a grid's
        // edge: an observation's scores do not depend on the observations batched with it.
        NDArray cellMask = mask.expandDims(1);
        NDList channels = new NDList(embed(distances, w.get("distance")), embed(regions, w.get("region")));
        if (config.lexiconHints()) {
            channels.add(embed(inputs.get(4), w.get("hint")));
        }
        channels.add(cells);
        NDArray grid = NDArrays.concat(channels, 3).transpose(0, 3, 1, 2).mul(cellMask);
        grid = channelDropout(grid, dropout, training);
        NDArray x = Activation.gelu(Conv2d.conv2d(grid, w.get("gridIn.weight"), w.get("gridIn.bias")).singletonOrThrow()).mul(cellMask);
        NDList dilated = new NDList();
        for (int dilation : DILATIONS) {
            Shape d = new Shape(dilation, dilation);
            x = Activation.gelu(Conv2d.conv2d(x, w.get("dilated" + dilation + ".weight"), w.get("dilated" + dilation + ".bias"),
                    new Shape(1, 1), d, d, config.convolutionHidden()).singletonOrThrow()).mul(cellMask);
            dilated.add(x);
        }
        NDArray pairs = Dropout.dropout(NDArrays.concat(dilated, 1).transpose(0, 2, 3, 1), dropout, training).singletonOrThrow();
        NDArray relationScores = dense(Dropout.dropout(Activation.gelu(dense(pairs, w, "relationHidden")), dropout, training)
                .singletonOrThrow(), w, "relationOut");

        NDArray head = Dropout.dropout(Activation.gelu(dense(states, w, "head")), dropout, training).singletonOrThrow();
        NDArray tail = Dropout.dropout(Activation.gelu(dense(states, w, "tail")), dropout, training).singletonOrThrow();
        return new NDList(biaffine(head, tail, w.get("biaffine")).add(relationScores));
    }

    /**
     * W2NER's Dropout2d: in training, each observation's channels [batch, channels, words, words] are dropped whole
     * (with probability {@code rate}) or kept and scaled by 1 / (1 - rate). One draw per channel instead of one per
     * cell is what W2NER does, and LibTorch drew the cell-by-cell mask in about a seventh of a training step.
     */
    static NDArray channelDropout(NDArray grid, float rate, boolean training) {
        if (!training || rate == 0) {
            return grid;
        }
        Shape channels = new Shape(grid.getShape().get(0), grid.getShape().get(1), 1, 1);
        NDArray kept = grid.getManager().randomUniform(0f, 1f, channels).gte(rate).toType(DataType.FLOAT32, false);
        return grid.mul(kept.div(1 - rate));
    }

    /** Each observation's words in its own reversed order (padding stays in place); applying it twice restores them. */
    private static NDArray reorder(NDArray x, NDArray reversal) {
        NDArray index = reversal.expandDims(2).broadcast(x.getShape());
        return x.gather(index, 1);
    }

    /** [batch, words, states] -> [batch, words, words, states]: cell (i, j) is h_i normalized, scaled and shifted by h_j. */
    private static NDArray conditionalLayerNorm(NDArray states, Weights w) {
        NDArray centred = states.sub(states.mean(new int[] {2}, true));
        NDArray normalized = centred.div(centred.square().mean(new int[] {2}, true).add(LAYER_NORM_EPSILON).sqrt()).expandDims(2);
        NDArray scale = states.matMul(w.get("cln.conditionGamma").transpose()).add(w.get("cln.gamma")).expandDims(1);
        NDArray shift = states.matMul(w.get("cln.conditionBeta").transpose()).add(w.get("cln.beta")).expandDims(1);
        return normalized.mul(scale).add(shift);
    }

    /** s[b, i, j, r] = [head_i; 1]^T U_r [tail_j; 1]. */
    private static NDArray biaffine(NDArray head, NDArray tail, NDArray u) {
        long batch = head.getShape().get(0);
        long words = head.getShape().get(1);
        NDArray ones = head.getManager().ones(new Shape(batch, words, 1));
        NDArray x = head.concat(ones, 2);
        NDArray y = tail.concat(ones, 2);
        long width = x.getShape().get(2);
        NDArray xu = x.matMul(u).reshape(batch, words, RELATIONS, width).transpose(0, 2, 1, 3);
        return xu.matMul(y.transpose(0, 2, 1).expandDims(1)).transpose(0, 2, 3, 1);
    }

    private static NDArray embed(NDArray ids, NDArray table) {
        return Embedding.embedding(ids, table, SparseFormat.DENSE).singletonOrThrow();
    }

    private static NDArray dense(NDArray x, Weights w, String layer) {
        return Linear.linear(x, w.get(layer + ".weight"), w.get(layer + ".bias")).singletonOrThrow();
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        Shape words = inputShapes[0];
        return new Shape[] {new Shape(words.get(0), words.get(1), words.get(1), RELATIONS)};
    }

    /** The parameter arrays of one forward pass, through the store (which hands the trainer's copies in training). */
    private final class Weights {
        private final ParameterStore store;
        private final boolean training;

        Weights(ParameterStore store, boolean training) {
            this.store = store;
            this.training = training;
        }

        NDArray get(String name) {
            return store.getValue(parameters.get(name), Device.cpu(), training);
        }
    }
}
