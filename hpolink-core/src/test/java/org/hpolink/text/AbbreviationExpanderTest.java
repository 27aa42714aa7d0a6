package org.hpolink.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.junit.jupiter.api.Test;

class AbbreviationExpanderTest {

    private static final AbbreviationExpander EXPANDER = AbbreviationExpander.standard();

    @Test
    void writesOutWholeWordsCaseSensitivelyLongestFirst() {
        assertEquals("HANDS: bilateral single palmar creases, right 5th finger clinodactyly",
                EXPANDER.expand("HANDS: b/l SPCs, R 5th finger clinodactyly").text());
        assertEquals("NEURO: deep tendon reflexes 3+, rule out hypotonia", EXPANDER.expand("NEURO: DTRs 3+, R/O hypotonia").text());
        assertEquals("L5 vertebra, Lateral, nlx, bilateralx", EXPANDER.expand("L5 vertebra, Lateral, nlx, bilateralx").text(),
                "only whole words: a letter or digit next to an abbreviation keeps it as it is");
        assertEquals("NL and normal, Nl", EXPANDER.expand("NL and nl, Nl").text(), "only as listed, case and all");
    }

    @Test
    void spansMapBothWaysAndAPartOfAWrittenOutWordStandsForTheWhole() {
        String text = "EYES: short PFs, upslanting";
        OffsetMap map = EXPANDER.expand(text);
        assertEquals("EYES: short palpebral fissures, upslanting", map.text());

        Span shortPfs = Span.parse("6-15");
        Span written = map.fromSource(shortPfs).orElseThrow();
        assertEquals("short palpebral fissures", written.coveredText(map.text()));
        assertEquals(Optional.of(shortPfs), map.toSource(written));
        assertEquals(Optional.of(Span.parse("12-15")), map.toSource(Span.parse("23-30")), "'fissure' is PFs");
        assertEquals(Optional.of(Span.parse("17-27")), map.toSource(Span.parse("32-42")), "text after the replacement is shifted");
    }

    @Test
    void aCorpusIsTrainedOnWrittenOut() {
        Corpus corpus = new Corpus("t.tsv", "0".repeat(64), List.of(new AnnotatedObservation(Observation.of("o", "EYES: short PFs"),
                List.of(Finding.key(HpoId.of("HP:0012745"), Span.parse("6-15"))), 2)));

        AnnotatedObservation expanded = EXPANDER.expand(corpus).observations().get(0);

        assertEquals("EYES: short palpebral fissures", expanded.text());
        assertEquals("EYES", expanded.observation().sectionName());
        assertEquals(Span.parse("6-30"), expanded.findings().get(0).span());
    }

    @Test
    void aRangeIsWrittenOutWithItsWordsReadInTheWholeSource() {
        String source = "xPF PF PFx";
        OffsetMap.Builder into = OffsetMap.builder(source);

        OffsetMap map = EXPANDER.writeOut(into, 1, 6).insert(" / ").copy(7, 10).build();

        assertEquals("PF palpebral fissure / PFx", map.text(), "'PF' at 1 follows a letter of the source: no whole word");
        assertEquals(Optional.of(Span.parse("4-6")), map.toSource(Span.parse("3-20")));
    }

    @Test
    void tablesJoinOnlyWhenNoAbbreviationIsInBoth() {
        AbbreviationExpander joined = EXPANDER.with(Map.of("OM", "otitis media"));

        assertEquals("recurrent otitis media, bilateral", joined.expand("recurrent OM, b/l").text());
        assertEquals("recurrent OM, bilateral", EXPANDER.expand("recurrent OM, b/l").text(), "the table joined to is as it was");
        assertThrows(IllegalArgumentException.class, () -> EXPANDER.with(Map.of("PF", "plantar flexion")));
        assertEquals("b/l PF", AbbreviationExpander.none().expand("b/l PF").text());
    }

    /**
     * The scan gives what a regular expression of the table's abbreviations (longest first, none next to a letter or
     * digit) gives, on any text of table words, their parts and neighbours, for any range of it.
     */
    @Property(tries = 500)
    void writingOutARangeMatchesTheRegularExpressionOfTheTable(@ForAll("texts") String text, @ForAll @IntRange(max = 40) int from,
            @ForAll @IntRange(max = 40) int length) {
        Map<String, String> table = Map.of("b/l", "bilateral", "b", "B!", "PF", "palpebral fissure", "PFs", "palpebral fissures",
                "w/", "with", "w/o", "without", "OM", "otitis media");
        int start = Math.min(from, text.length());
        int end = Math.min(start + length, text.length());
        List<String> longestFirst = table.keySet().stream()
                .sorted(Comparator.comparingInt(String::length).reversed().thenComparing(Comparator.naturalOrder())).toList();
        Matcher matcher = Pattern.compile("(?<![\\p{L}\\p{N}])(?:" + String.join("|", longestFirst.stream().map(Pattern::quote).toList())
                + ")(?![\\p{L}\\p{N}])").matcher(text).region(start, end).useTransparentBounds(true);
        StringBuilder expected = new StringBuilder();
        int at = start;
        while (matcher.find()) {
            expected.append(text, at, matcher.start()).append(table.get(matcher.group()));
            at = matcher.end();
        }
        expected.append(text, at, end);

        assertEquals(expected.toString(), new AbbreviationExpander(table).writeOut(OffsetMap.builder(text), start, end).build().text());
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> pieces = Arbitraries.of("b/l", "b", "/", "l", "PF", "PFs", "P", "Fs", "w/", "w/o", "o", "OM", "OMx", "x", "3", " ", ", ",
                "é", "-");
        return pieces.list().ofMaxSize(20).map(list -> String.join("", list));
    }

    @Test
    void aTableLineMustHoldTwoFields() {
        assertThrows(IllegalArgumentException.class, () -> AbbreviationExpander.parse(List.of("b/l")));
        assertThrows(IllegalArgumentException.class, () -> AbbreviationExpander.parse(List.of("b/l\tbilateral", "b/l\tboth sides")));
        assertThrows(IllegalArgumentException.class, () -> new AbbreviationExpander(Map.of("/o", "without")), "a word starts it");
    }
}
