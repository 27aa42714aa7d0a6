package org.hpolink.encode.train;

import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The sizes of a BERT encoder (Hugging Face {@code BertModel} without pooler), and the names and shapes of its
 * weights in Hugging Face's naming.
 *
 * @param vocabulary       rows of the word embedding table
 * @param hidden           width of every token state (384 for MiniLM and bge-small)
 * @param layers           transformer layers
 * @param heads            attention heads; {@code hidden} splits evenly among them
 * @param intermediate     width of the feed-forward layer
 * @param maxPositions     rows of the position embedding table: the longest input
 * @param tokenTypes       rows of the token type embedding table
 */
public record BertShape(int vocabulary, int hidden, int layers, int heads, int intermediate, int maxPositions, int tokenTypes) {

    static final String WORD_EMBEDDINGS = "embeddings.word_embeddings.weight";
    static final String POSITION_EMBEDDINGS = "embeddings.position_embeddings.weight";
    static final String TOKEN_TYPE_EMBEDDINGS = "embeddings.token_type_embeddings.weight";
    static final String EMBEDDING_NORM = "embeddings.LayerNorm";

    private static final Pattern LAYER = Pattern.compile("encoder\\.layer\\.(\\d+)\\..*");

    public BertShape {
        for (int size : new int[] {vocabulary, hidden, layers, heads, intermediate, maxPositions, tokenTypes}) {
            if (size <= 0) {
                throw new IllegalArgumentException("every size of a BERT encoder must be positive: " + this);
            }
        }
        if (hidden % heads != 0) {
            throw new IllegalArgumentException("hidden width " + hidden + " does not split into " + heads + " heads");
        }
    }

    /**
     * The shape of the encoder whose weights are {@code weights}. The number of heads is not visible in the
     * weights, so it is given ({@code 12} for MiniLM-L6 and bge-small, heads of 32).
     *
     * @throws IllegalArgumentException naming {@code source} and the weight when one is missing or misshapen
     */
    public static BertShape of(SortedMap<String, WeightTensor> weights, int heads, String source) {
        int[] words = require(weights, WORD_EMBEDDINGS, source).shape();
        int[] positions = require(weights, POSITION_EMBEDDINGS, source).shape();
        int[] types = require(weights, TOKEN_TYPE_EMBEDDINGS, source).shape();
        int[] intermediate = require(weights, layerPrefix(0) + "intermediate.dense.weight", source).shape();
        int layers = 0;
        for (String name : weights.keySet()) {
            Matcher m = LAYER.matcher(name);
            if (m.matches()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        BertShape shape = new BertShape(words[0], words[1], layers, heads, intermediate[0], positions[0], types[0]);
        shape.parameterShapes().forEach((name, expected) -> {
            WeightTensor tensor = require(weights, name, source);
            if (!tensor.hasShape(expected)) {
                throw new IllegalArgumentException(source + ": weight " + name + " has shape " + Arrays.toString(tensor.shape())
                        + ", expected " + Arrays.toString(expected) + " for " + shape);
            }
        });
        return shape;
    }

    private static WeightTensor require(SortedMap<String, WeightTensor> weights, String name, String source) {
        WeightTensor tensor = weights.get(name);
        if (tensor == null) {
            throw new IllegalArgumentException(source + ": the weight " + name + " is missing (a BERT encoder needs it)");
        }
        return tensor;
    }

    /** {@code dims} as a DJL shape. */
    static Shape djl(int[] dims) {
        return new Shape(Arrays.stream(dims).asLongStream().toArray());
    }

    public int headSize() {
        return hidden / heads;
    }

    static String layerPrefix(int layer) {
        return "encoder.layer." + layer + ".";
    }

    /** Every weight of the encoder with its shape, in a fixed order (embeddings, then layer by layer). */
    public Map<String, int[]> parameterShapes() {
        Map<String, int[]> shapes = new LinkedHashMap<>();
        shapes.put(WORD_EMBEDDINGS, new int[] {vocabulary, hidden});
        shapes.put(POSITION_EMBEDDINGS, new int[] {maxPositions, hidden});
        shapes.put(TOKEN_TYPE_EMBEDDINGS, new int[] {tokenTypes, hidden});
        shapes.put(EMBEDDING_NORM + ".weight", new int[] {hidden});
        shapes.put(EMBEDDING_NORM + ".bias", new int[] {hidden});
        for (int layer = 0; layer < layers; layer++) {
            String p = layerPrefix(layer);
            for (String dense : List.of("attention.self.query", "attention.self.key", "attention.self.value", "attention.output.dense")) {
                shapes.put(p + dense + ".weight", new int[] {hidden, hidden});
                shapes.put(p + dense + ".bias", new int[] {hidden});
            }
            shapes.put(p + "attention.output.LayerNorm.weight", new int[] {hidden});
            shapes.put(p + "attention.output.LayerNorm.bias", new int[] {hidden});
            shapes.put(p + "intermediate.dense.weight", new int[] {intermediate, hidden});
            shapes.put(p + "intermediate.dense.bias", new int[] {intermediate});
            shapes.put(p + "output.dense.weight", new int[] {hidden, intermediate});
            shapes.put(p + "output.dense.bias", new int[] {hidden});
            shapes.put(p + "output.LayerNorm.weight", new int[] {hidden});
            shapes.put(p + "output.LayerNorm.bias", new int[] {hidden});
        }
        return Collections.unmodifiableMap(shapes);
    }
}
