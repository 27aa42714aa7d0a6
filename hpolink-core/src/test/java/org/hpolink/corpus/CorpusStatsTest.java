package org.hpolink.corpus;

import static org.hpolink.corpus.Bc8Fixtures.EARS;
import static org.hpolink.corpus.Bc8Fixtures.EYES;
import static org.hpolink.corpus.Bc8Fixtures.HEAD;
import static org.hpolink.corpus.Bc8Fixtures.NECK;
import static org.hpolink.corpus.Bc8Fixtures.annotated;
import static org.hpolink.corpus.Bc8Fixtures.key;
import static org.hpolink.corpus.Bc8Fixtures.normal;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class CorpusStatsTest {

    @Test
    void countsFindingsOverlapsAndSections() {
        Corpus corpus = new Corpus("t.tsv", "", List.of(
                // 0-4 is shared by the first two (an overlap); 11-13 only touches them, which is no overlap.
                annotated("ears", EARS, key("HP:0008551", "0-4,6-11"), key("HP:0000358", "0-4,13-32"), key("HP:0000400", "11-13")),
                annotated("head", HEAD, key("HP:0000311", "6-16"), normal("HP:0001357", "18-34")),
                annotated("neck", NECK),
                annotated("plain", "no header here", normal("HP:0000118", "3-9")),
                // A span inside another overlaps it.
                annotated("eyes", EYES, key("HP:0008551", "6-25"), key("HP:0000527", "17-25"))));

        TreeMap<String, Integer> bySection = new TreeMap<>();
        bySection.put("", 0);
        bySection.put("EARS", 3);
        bySection.put("EYES", 2);
        bySection.put("HEAD", 1);
        bySection.put("NECK", 0);
        assertEquals(new CorpusStats(5, 6, 5, 2, 2, 1, 2, 2, bySection), CorpusStats.of(corpus));
    }

    @Test
    void countsNothingInAnEmptyCorpus() {
        assertEquals(new CorpusStats(0, 0, 0, 0, 0, 0, 0, 0, new TreeMap<>()), CorpusStats.of(new Corpus("t.tsv", "", List.of())));
    }
}
