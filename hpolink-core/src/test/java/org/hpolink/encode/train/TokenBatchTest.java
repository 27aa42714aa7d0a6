package org.hpolink.encode.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TokenBatchTest {

    @Test
    void padsToTheLongestAndMasksThePadding() {
        TokenBatch batch = TokenBatch.padded(List.of(new long[] {101, 7, 102}, new long[] {101, 8, 9, 10, 102}));
        assertEquals(2, batch.size());
        assertEquals(5, batch.length());
        assertArrayEquals(new long[][] {{101, 7, 102, 0, 0}, {101, 8, 9, 10, 102}}, batch.inputIds());
        assertArrayEquals(new long[][] {{1, 1, 1, 0, 0}, {1, 1, 1, 1, 1}}, batch.attentionMask());
        assertArrayEquals(new long[][] {{0, 0, 0, 0, 0}, {0, 0, 0, 0, 0}}, batch.tokenTypeIds());
        assertTrue(batch.isReal(0, 2));
        assertFalse(batch.isReal(0, 3));
    }

    @Test
    void isImmutable() {
        long[][] ids = {{101, 5, 102}};
        TokenBatch batch = TokenBatch.of(ids, new long[][] {{1, 1, 1}}, new long[][] {{0, 0, 0}});
        ids[0][1] = 99;
        batch.inputIds()[0][1] = 98;
        assertEquals(5, batch.inputIds()[0][1]);
    }

    @Test
    void rejectsRaggedMismatchedOrEmptyInputs() {
        long[][] one = {{1, 1, 1}};
        assertThrows(IllegalArgumentException.class, () -> TokenBatch.of(new long[][] {{101, 102}, {101}}, one, one));
        IllegalArgumentException shape = assertThrows(IllegalArgumentException.class,
                () -> TokenBatch.of(new long[][] {{101, 5, 102}}, new long[][] {{1, 1}}, one));
        assertEquals("attentionMask[0] has 2 tokens, expected 3", shape.getMessage());
        IllegalArgumentException mask = assertThrows(IllegalArgumentException.class,
                () -> TokenBatch.of(new long[][] {{101, 5, 102}}, new long[][] {{1, 2, 1}}, new long[][] {{0, 0, 0}}));
        assertEquals("attentionMask[0][1] is 2, expected 0 or 1", mask.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> TokenBatch.of(new long[][] {{101, 5, 102}}, new long[][] {{0, 0, 0}}, new long[][] {{0, 0, 0}}));
        assertThrows(IllegalArgumentException.class, () -> TokenBatch.padded(List.of()));
        assertThrows(IllegalArgumentException.class, () -> TokenBatch.padded(List.of(new long[0])));
    }
}
