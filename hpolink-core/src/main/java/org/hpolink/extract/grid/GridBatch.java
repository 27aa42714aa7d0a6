package org.hpolink.extract.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import java.util.List;

/**
 * Observations padded to the longest of a batch, as {@link GridNetwork} reads them: word features, the reversal of
 * each observation's words, word-distance buckets, regions and the mask of real word pairs.
 */
final class GridBatch {

    /** Distances 0, 1, 2-3, 4-7, ... 256+ in either direction, as W2NER buckets them. */
    static final int DISTANCE_BUCKETS = 20;
    /** Padding, above the diagonal (next-word relations), on or below it (tail-head relations). */
    static final int REGIONS = 3;

    private final List<float[][]> words;
    private final int length;

    GridBatch(List<float[][]> words) {
        if (words.isEmpty()) {
            throw new IllegalArgumentException("a batch needs at least one observation");
        }
        this.words = words;
        int longest = 0;
        for (float[][] observation : words) {
            if (observation.length == 0) {
                throw new IllegalArgumentException("an observation without words has no grid");
            }
            longest = Math.max(longest, observation.length);
        }
        this.length = longest;
    }

    int size() {
        return words.size();
    }

    /** The padded word count. */
    int length() {
        return length;
    }

    NDList inputs(NDManager manager) {
        int batch = words.size();
        int features = words.get(0)[0].length;
        float[] values = new float[batch * length * features];
        long[] reversal = new long[batch * length];
        long[] distances = new long[batch * length * length];
        long[] regions = new long[batch * length * length];
        float[] mask = new float[batch * length * length];
        for (int b = 0; b < batch; b++) {
            float[][] observation = words.get(b);
            int n = observation.length;
            for (int i = 0; i < length; i++) {
                if (i < n) {
                    System.arraycopy(observation[i], 0, values, (b * length + i) * features, features);
                }
                reversal[b * length + i] = i < n ? n - 1 - i : i;
                for (int j = 0; j < n && i < n; j++) {
                    int cell = (b * length + i) * length + j;
                    distances[cell] = distanceBucket(i - j);
                    regions[cell] = j > i ? 1 : 2;
                    mask[cell] = 1;
                }
            }
        }
        return new NDList(
                manager.create(values, new Shape(batch, length, features)),
                manager.create(reversal, new Shape(batch, length)),
                manager.create(distances, new Shape(batch, length, length)),
                manager.create(regions, new Shape(batch, length, length)),
                manager.create(mask, new Shape(batch, length, length)));
    }

    /** The gold relation of each cell, int64 [batch, length, length]; padding cells hold NONE (the mask drops them). */
    NDArray labels(NDManager manager, List<WordGrid> grids) {
        long[] labels = new long[words.size() * length * length];
        for (int b = 0; b < grids.size(); b++) {
            WordGrid grid = grids.get(b);
            for (int i = 0; i < grid.size(); i++) {
                for (int j = 0; j < grid.size(); j++) {
                    labels[(b * length + i) * length + j] = grid.relation(i, j).ordinal();
                }
            }
        }
        return manager.create(labels, new Shape(words.size(), length, length));
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
