package org.hpolink.normalize;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CachingTextEmbedderTest {

    @Test
    void embedsEachDistinctTextOnceAndReturnsCopies() {
        TrigramEmbedder inner = new TrigramEmbedder();
        CachingTextEmbedder cache = new CachingTextEmbedder(inner);

        float[][] first = cache.embed(List.of("low set ears", "epicanthus", "low set ears"));
        float[][] second = cache.embed(List.of("epicanthus", "hooding"));
        first[1][0] = 42;

        assertEquals(3, inner.texts.get(), "low set ears, epicanthus, hooding");
        assertArrayEquals(new TrigramEmbedder().embed(List.of("epicanthus"))[0], second[0]);
        assertArrayEquals(first[0], first[2]);
    }
}
