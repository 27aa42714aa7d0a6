package org.hpolink.encode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

class LengthBatchesTest {

    @Test
    void sequencesAreCutAtTheItemOrTheCellBound() {
        int[] lengths = {2, 2, 3, 3, 3, 10, 40};
        List<Integer> byLength = IntStream.range(0, lengths.length).boxed().toList();

        // At most 3 items and 12 padded cells: {2, 2, 3} is 9 cells, {3, 3} 6, then 3 + 10 would be 20.
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4), List.of(5), List.of(6)),
                LengthBatches.cut(byLength, i -> lengths[i], 3, 12, 1));
        // Without a binding cell bound, only the item bound cuts.
        assertEquals(List.of(List.of(0, 1, 2), List.of(3, 4, 5), List.of(6)), LengthBatches.cut(byLength, i -> lengths[i], 3, 1_000, 1));
    }

    @Test
    void gridsCountTheSquareOfTheLongestLength() {
        int[] lengths = {2, 3, 3, 5};
        List<Integer> byLength = List.of(0, 1, 2, 3);

        // 2 x 3^2 = 18 fits 20 cells; 3 x 3^2 = 27 does not; 5^2 = 25 alone is over the bound, a batch of one.
        assertEquals(List.of(List.of(0, 1), List.of(2), List.of(3)), LengthBatches.cut(byLength, i -> lengths[i], 64, 20, 2));
    }

    @Test
    void itemsAreSortedByLengthThenPositionBeforeTheCut() {
        int[] lengths = {3, 1, 3, 2, 1};

        // Sorted: 1 (1), 4 (1), 3 (2), 0 (3), 2 (3); at most 2 items a batch.
        assertEquals(List.of(List.of(1, 4), List.of(3, 0), List.of(2)), LengthBatches.of(lengths.length, i -> lengths[i], 2, 1_000, 1));
        assertEquals(List.of(), LengthBatches.of(0, i -> 1, 2, 1_000, 1));
    }

    @Test
    void itemsOutOfOrderAndBoundsBelowOneAreRefused() {
        int[] lengths = {5, 2};
        assertThrows(IllegalArgumentException.class, () -> LengthBatches.cut(List.of(0, 1), i -> lengths[i], 4, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> LengthBatches.cut(List.of(1, 0), i -> lengths[i], 0, 100, 1));
        assertThrows(IllegalArgumentException.class, () -> LengthBatches.cut(List.of(1, 0), i -> lengths[i], 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> LengthBatches.cut(List.of(1, 0), i -> lengths[i], 4, 100, 3));
        assertEquals(List.of(), LengthBatches.cut(List.of(), i -> 1, 4, 100, 2));
    }

    @Property
    void everyItemIsInOneBatchInOrderWithinBothBounds(@ForAll @Size(max = 200) List<@IntRange(min = 1, max = 300) Integer> lengths,
            @ForAll @IntRange(min = 1, max = 64) int maxItems, @ForAll @IntRange(min = 1, max = 20_000) int maxCells,
            @ForAll @IntRange(min = 1, max = 2) int dimensions) {
        List<Integer> byLength = new ArrayList<>(IntStream.range(0, lengths.size()).boxed().toList());
        byLength.sort(Comparator.comparing(lengths::get));

        List<List<Integer>> batches = LengthBatches.cut(byLength, lengths::get, maxItems, maxCells, dimensions);

        assertEquals(byLength, batches.stream().flatMap(List::stream).toList());
        for (List<Integer> batch : batches) {
            long longest = lengths.get(batch.get(batch.size() - 1));
            long cells = batch.size() * (dimensions == 1 ? longest : longest * longest);
            assertTrue(batch.size() <= maxItems, batch.toString());
            assertTrue(batch.size() == 1 || cells <= maxCells, batch + ": " + cells + " cells");
        }
        // Greedy: a batch ends only where the next item would break a bound.
        for (int b = 0; b + 1 < batches.size(); b++) {
            List<Integer> batch = batches.get(b);
            long next = lengths.get(batches.get(b + 1).get(0));
            long cells = (batch.size() + 1L) * (dimensions == 1 ? next : next * next);
            assertTrue(batch.size() == maxItems || cells > maxCells, "batch " + b + " could have taken the next item");
        }
    }
}
