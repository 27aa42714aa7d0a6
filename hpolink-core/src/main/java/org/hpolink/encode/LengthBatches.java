package org.hpolink.encode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.function.IntUnaryOperator;

/**
 * Batches for a network that pads each batch to its longest item: items sorted by length are cut into runs bounded
 * both in items and in padded cells, the items times the longest one's length to the power of the tensor's length
 * dimensions (1 for a sequence of pieces, 2 for a grid of word pairs). Bounding the cells keeps a batch's tensors
 * small enough to stay in the processor's caches, which on two cores made the grid network and the encoders about a
 * third faster than batches bounded in items alone (docs/RESULTS.md), and spares short items the padding of a long
 * one.
 */
public final class LengthBatches {

    private LengthBatches() {
    }

    /**
     * Items {@code 0} to {@code count - 1}, sorted by length and then by position (so the batches are the same for the
     * same lengths), cut as {@link #cut} does.
     */
    public static List<List<Integer>> of(int count, IntUnaryOperator length, int maxItems, long maxCells, int dimensions) {
        Integer[] order = new Integer[count];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt(length::applyAsInt));
        return cut(Arrays.asList(order), length, maxItems, maxCells, dimensions);
    }

    /**
     * @param byLength   the items, sorted by ascending length
     * @param length     an item's length
     * @param maxItems   items per batch, at most
     * @param maxCells   padded cells per batch, at most; an item over it alone is a batch of one
     * @param dimensions the tensor's length dimensions: 1 or 2
     * @return the items in batches, in the order given; every item in exactly one
     * @throws IllegalArgumentException if the items are not sorted by length or a bound is below 1
     */
    public static List<List<Integer>> cut(List<Integer> byLength, IntUnaryOperator length, int maxItems, long maxCells, int dimensions) {
        if (maxItems < 1 || maxCells < 1 || dimensions < 1 || dimensions > 2) {
            throw new IllegalArgumentException("maxItems " + maxItems + ", maxCells " + maxCells + ", dimensions " + dimensions
                    + ": expected bounds of 1 or more and 1 or 2 dimensions");
        }
        List<List<Integer>> batches = new ArrayList<>();
        List<Integer> batch = new ArrayList<>();
        int previous = 0;
        for (int item : byLength) {
            int itemLength = length.applyAsInt(item);
            if (itemLength < previous) {
                throw new IllegalArgumentException("item " + item + " of length " + itemLength + " follows one of length " + previous
                        + ": expected the items sorted by length");
            }
            previous = itemLength;
            // Sorted ascending, so the item joining a batch is its longest.
            long cells = (batch.size() + 1L) * (dimensions == 1 ? itemLength : (long) itemLength * itemLength);
            if (!batch.isEmpty() && (batch.size() == maxItems || cells > maxCells)) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
            batch.add(item);
        }
        if (!batch.isEmpty()) {
            batches.add(batch);
        }
        return batches;
    }
}
