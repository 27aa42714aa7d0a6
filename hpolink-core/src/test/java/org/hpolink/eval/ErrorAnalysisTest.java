package org.hpolink.eval;

import static org.hpolink.eval.Bc8ScorerTest.corpus;
import static org.hpolink.eval.Bc8ScorerTest.key;
import static org.hpolink.eval.Bc8ScorerTest.observation;
import static org.hpolink.eval.Bc8ScorerTest.p;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.TreeMap;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class ErrorAnalysisTest {

    // 0         1         2         3
    // 0123456789012345678901234567890123
    // EARS: low set, thin helices
    private static final String EARS = "EARS: low set, thin helices";
    // EYES: no epicanthus; hooding
    private static final String EYES = "EYES: no epicanthus; hooding";

    @Test
    void eachErrorGetsItsKind() {
        Corpus gold = corpus(
                observation("header", EARS, key("HP:0000369", "0-4,6-13")),
                observation("added", EARS, key("HP:0009905", "15-27")),
                observation("long", EARS, key("HP:0009905", "20-27")),
                observation("short", EARS, key("HP:0009905", "15-27")),
                observation("wrong", EARS, key("HP:0009905", "15-27")),
                observation("missed", EARS, key("HP:0000369", "0-4,6-13"), key("HP:0009905", "15-27")),
                observation("normal", EYES, Finding.normal(HpoId.of("HP:0000286"), Span.parse("6-19")),
                        key("HP:0030820", "0-4,21-28")),
                observation("spurious", EYES, key("HP:0030820", "0-4,21-28")),
                observation("twice", EARS, key("HP:0009905", "15-27")));
        Evaluation evaluation = Bc8Scorer.score(gold, new Bc8ScorerTest.Submissions(true)
                .predict("header", p("HP:0000369", "6-13"))
                .predict("added", p("HP:0009905", "0-4,15-27"))
                .predict("long", p("HP:0009905", "15-27"))
                .predict("short", p("HP:0009905", "20-27"))
                .predict("wrong", p("HP:0000369", "15-27"))
                .predict("missed", p("HP:0009905", "15-27"))
                .predict("normal", p("HP:0000286", "9-19"), p("HP:0030820", "0-4,21-28"))
                .predict("spurious", p("HP:0030820", "0-4,21-28"), p("HP:0000369", "6-8"))
                .predict("twice", p("HP:0009905", "15-27"), p("HP:0009905", "20-27"))
                .build());

        Map<ErrorKind, Integer> counts = new TreeMap<>();
        ErrorAnalysis.of(evaluation, gold).ranked().forEach(e -> counts.put(e.getKey(), e.getValue()));

        assertEquals(Map.of(
                ErrorKind.MISSED_HEADER_SEGMENT, 1,
                ErrorKind.EXTRA_HEADER_SEGMENT, 1,
                ErrorKind.SPAN_TOO_SHORT, 1,
                ErrorKind.SPAN_TOO_LONG, 1,
                ErrorKind.WRONG_ID, 1,
                ErrorKind.WRONG_ID_PREDICTION, 1,
                ErrorKind.MISSED_DISCONTINUOUS, 1,
                ErrorKind.NORMAL_FINDING_OUTPUT, 1,
                ErrorKind.SPURIOUS, 1,
                ErrorKind.DUPLICATE, 1), counts);
    }

    @Test
    void theTableListsTheMostFrequentKindFirst() {
        Corpus gold = corpus(observation("a", EARS, key("HP:0009905", "15-27")), observation("b", EARS, key("HP:0009905", "15-27")),
                observation("c", EARS));
        Evaluation evaluation = Bc8Scorer.score(gold, new Bc8ScorerTest.Submissions(true)
                .predict("a").predict("b").predict("c", p("HP:0000369", "6-13")).build());

        String table = ErrorAnalysis.of(evaluation, gold).markdown();

        assertTrue(table.startsWith("| error kind | count |"), table);
        String[] lines = table.split("\n");
        assertTrue(lines[2].startsWith("| missed finding | 2 | HP:0009905 `thin helices` -> - |"), table);
        assertTrue(lines[3].startsWith("| spurious finding | 1 | - -> HP:0000369 `low set` |"), table);
    }
}
