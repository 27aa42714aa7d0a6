package org.hpolink.extract.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hpolink.encode.Encoding;
import org.hpolink.extract.grid.GridInput.WordFeatures;
import org.hpolink.extract.grid.GridInput.WordPieces;

/**
 * Observations padded to the longest of a batch, as the networks read them: the words (features for
 * {@link GridNetwork}; pieces and their pooling to words for {@link TunedGridNetwork}), then the reversal of each
 * observation's words, word-distance buckets, regions, the hint grids' relations (when given) and, last, the mask
 * of real word pairs.
 */
final class GridBatch {

    /** Distances 0, 1, 2-3, 4-7, ... 256+ in either direction, as W2NER buckets them. */
    static final int DISTANCE_BUCKETS = 20;
    /** Padding, above the diagonal (next-word relations), on or below it (tail-head relations). */
    static final int REGIONS = 3;

    private final List<? extends GridInput> observations;
    private final List<WordGrid> hints;
    private final int length;

    /** @param hints each observation's hint grid ({@link GridConfig#lexiconHints()}), or null for none */
    GridBatch(List<? extends GridInput> observations, List<WordGrid> hints) {
        if (observations.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one observation");
        }
        this.observations = observations;
        int longest = 0;
        for (GridInput observation : observations) {
            if (observation.words() == 0) {
                throw new IllegalArgumentException("an observation without words has no grid");
            }
            if (observation.getClass() != observations.get(0).getClass()) {
                throw new IllegalArgumentException("a batch holds word features or word pieces, not both");
            }
            longest = Math.max(longest, observation.words());
        }
        if (hints != null) {
            if (hints.size() != observations.size()) {
                throw new IllegalArgumentException(observations.size() + " observations but " + hints.size() + " hint grids");
            }
            for (int b = 0; b < hints.size(); b++) {
                if (hints.get(b).size() != observations.get(b).words()) {
                    throw new IllegalArgumentException("observation " + b + " has " + observations.get(b).words() + " words, its hint grid "
                            + hints.get(b).size());
                }
            }
        }
        this.hints = hints;
        this.length = longest;
    }

    /** A batch of word features, one matrix per observation, and their hint grids (or null for none). */
    static GridBatch ofFeatures(List<float[][]> features, List<WordGrid> hints) {
        return new GridBatch(features.stream().map(WordFeatures::new).toList(), hints);
    }

    int size() {
        return observations.size();
    }

    /** The padded word count. */
    int length() {
        return length;
    }

    /** The grid mask among {@link #inputs}: the last one. */
    static NDArray mask(NDList inputs) {
        return inputs.get(inputs.size() - 1);
    }

    NDList inputs(NDManager manager) {
        NDList inputs = observations.get(0) instanceof WordFeatures ? features(manager) : pieces(manager);
        inputs.addAll(grid(manager));
        return inputs;
    }

    /** Word features, float32 [batch, words, features]. */
    private NDList features(NDManager manager) {
        return new NDList(manager.create(featureValues(), new Shape(batch(), length, width())));
    }

    private int width() {
        return ((WordFeatures) observations.get(0)).rows()[0].length;
    }

    private long batch() {
        return observations.size();
    }

    private float[] featureValues() {
        int width = width();
        float[] values = new float[observations.size() * length * width];
        for (int b = 0; b < observations.size(); b++) {
            float[][] rows = ((WordFeatures) observations.get(b)).rows();
            for (int i = 0; i < rows.length; i++) {
                System.arraycopy(rows[i], 0, values, (b * length + i) * width, width);
            }
        }
        return values;
    }

    /**
     * The inputs of the exported network ({@link GridOnnx}), by name: word features and the grid, as {@link #inputs}
     * gives them. The caller closes the tensors.
     */
    Map<String, OnnxTensor> onnxInputs(OrtEnvironment environment) throws OrtException {
        if (!(observations.get(0) instanceof WordFeatures)) {
            throw new IllegalStateException("the exported network reads word features, not word pieces");
        }
        Cells cells = cells();
        long[] words = {batch(), length};
        long[] grid = {batch(), length, length};
        Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
        try {
            inputs.put(GridOnnx.WORDS, OnnxTensor.createTensor(environment, FloatBuffer.wrap(featureValues()), new long[] {batch(), length, width()}));
            inputs.put(GridOnnx.REVERSAL, OnnxTensor.createTensor(environment, LongBuffer.wrap(cells.reversal()), words));
            inputs.put(GridOnnx.DISTANCES, OnnxTensor.createTensor(environment, LongBuffer.wrap(cells.distances()), grid));
            inputs.put(GridOnnx.REGIONS, OnnxTensor.createTensor(environment, LongBuffer.wrap(cells.regions()), grid));
            if (hints != null) {
                inputs.put(GridOnnx.HINTS, OnnxTensor.createTensor(environment, LongBuffer.wrap(relationValues(hints)), grid));
            }
            inputs.put(GridOnnx.MASK, OnnxTensor.createTensor(environment, FloatBuffer.wrap(cells.mask()), grid));
        } catch (OrtException | RuntimeException e) {
            inputs.values().forEach(OnnxTensor::close);
            throw e;
        }
        return inputs;
    }

    /**
     * Piece ids, attention mask and token types, int64 [batch, pieces], and the pooling of pieces to words, float32
     * [batch, words, pieces]: row w averages the pieces overlapping word w, as {@link WordStates} does.
     */
    private NDList pieces(NDManager manager) {
        int batch = observations.size();
        int pieceLength = observations.stream().mapToInt(o -> ((WordPieces) o).encoding().length()).max().orElseThrow();
        long[] ids = new long[batch * pieceLength];
        long[] attention = new long[batch * pieceLength];
        long[] types = new long[batch * pieceLength];
        float[] pooling = new float[batch * length * pieceLength];
        for (int b = 0; b < batch; b++) {
            WordPieces observation = (WordPieces) observations.get(b);
            Encoding encoding = observation.encoding();
            int[] mask = encoding.attentionMask();
            int[] type = encoding.typeIds();
            for (int t = 0; t < encoding.length(); t++) {
                ids[b * pieceLength + t] = encoding.id(t);
                attention[b * pieceLength + t] = mask[t];
                types[b * pieceLength + t] = type[t];
            }
            int[][] pieces = observation.pieces();
            for (int w = 0; w < pieces.length; w++) {
                float share = 1f / Math.max(1, pieces[w][1] - pieces[w][0]);
                for (int t = pieces[w][0]; t < pieces[w][1]; t++) {
                    pooling[(b * length + w) * pieceLength + t] = share;
                }
            }
        }
        Shape shape = new Shape(batch, pieceLength);
        return new NDList(manager.create(ids, shape), manager.create(attention, shape), manager.create(types, shape),
                manager.create(pooling, new Shape(batch, length, pieceLength)));
    }

    /** The reversal of each observation's words, word-distance buckets and regions, and the grid mask. */
    private record Cells(long[] reversal, long[] distances, long[] regions, float[] mask) {
    }

    private Cells cells() {
        int batch = observations.size();
        long[] reversal = new long[batch * length];
        long[] distances = new long[batch * length * length];
        long[] regions = new long[batch * length * length];
        float[] mask = new float[batch * length * length];
        for (int b = 0; b < batch; b++) {
            int n = observations.get(b).words();
            for (int i = 0; i < length; i++) {
                reversal[b * length + i] = i < n ? n - 1 - i : i;
                for (int j = 0; j < n && i < n; j++) {
                    int cell = (b * length + i) * length + j;
                    distances[cell] = distanceBucket(i - j);
                    regions[cell] = j > i ? 1 : 2;
                    mask[cell] = 1;
                }
            }
        }
        return new Cells(reversal, distances, regions, mask);
    }

    /** The reversal, distances, regions and hints, int64, and the grid mask, float32 (see {@link GridNetwork}). */
    private NDList grid(NDManager manager) {
        Cells cells = cells();
        Shape shape = new Shape(batch(), length, length);
        NDList inputs = new NDList(manager.create(cells.reversal(), new Shape(batch(), length)), manager.create(cells.distances(), shape),
                manager.create(cells.regions(), shape));
        if (hints != null) {
            inputs.add(relations(manager, hints));
        }
        inputs.add(manager.create(cells.mask(), shape));
        return inputs;
    }

    /** The gold relation of each cell, int64 [batch, length, length]; padding cells hold NONE (the mask drops them). */
    NDArray labels(NDManager manager, List<WordGrid> grids) {
        return relations(manager, grids);
    }

    /** The relation of each cell of each grid, int64 [batch, length, length]; padding cells hold NONE. */
    private NDArray relations(NDManager manager, List<WordGrid> grids) {
        return manager.create(relationValues(grids), new Shape(batch(), length, length));
    }

    private long[] relationValues(List<WordGrid> grids) {
        long[] labels = new long[observations.size() * length * length];
        for (int b = 0; b < grids.size(); b++) {
            WordGrid grid = grids.get(b);
            for (int i = 0; i < grid.size(); i++) {
                for (int j = 0; j < grid.size(); j++) {
                    labels[(b * length + i) * length + j] = grid.relation(i, j).ordinal();
                }
            }
        }
        return labels;
    }

    /** W2NER's bucket of the signed distance i - j: 19 for 0, 1-9 for positive, 10-18 for negative distances. */
    static int distanceBucket(int distance) {
        if (distance == 0) {
            return DISTANCE_BUCKETS - 1;
        }
        int magnitude = Math.abs(distance);
        // 1 -> 1, 2-3 -> 2, 4-7 -> 3, ..., 256+ -> 9
        int bucket = Math.min(9, 32 - Integer.numberOfLeadingZeros(magnitude));
        return distance > 0 ? bucket : bucket + 9;
    }
}
