package org.hpolink.assertion;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpolink.text.Document;
import org.hpolink.text.DocumentSegmenter;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * The standard cues on {@code assertion-sentences.tsv}: 299 sentences in the style of clinical-genetics notes, each
 * with one finding in brackets and the assertion a reader gives it, the first written for this test by someone who had
 * not seen the cues, the later ones beside the cues they check (docs/RESULTS.md says which). Each is annotated as a
 * document: its section heading, if it has one, on a line of its own, then the sentence. Prints the per-class precision and recall, and holds them to the floors recorded in RESULTS.
 */
class AssertionTestSetTest {

    private record Example(Assertion expected, String text, Span finding, int line) {
    }

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        try (InputStream in = AssertionTestSetTest.class.getResourceAsStream("assertion-sentences.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
            for (int i = 1; i < lines.size(); i++) {
                String[] fields = lines.get(i).split("\t", -1);
                String prefix = fields[2].isBlank() ? "" : fields[2] + ":\n";
                String sentence = fields[1];
                int open = sentence.indexOf('[');
                int close = sentence.indexOf(']');
                String text = prefix + sentence.substring(0, open) + sentence.substring(open + 1, close) + sentence.substring(close + 1);
                examples.add(new Example(Assertion.valueOf(fields[0].toUpperCase(Locale.ROOT)), text,
                        Span.of(prefix.length() + open, prefix.length() + close - 1), i + 1));
            }
        }
        return examples;
    }

    @Test
    void theStandardCuesMeetTheirFloorsOnTheTestSet() throws IOException {
        AssertionAnnotator annotator = AssertionAnnotator.standard();
        DocumentSegmenter segmenter = new DocumentSegmenter();
        Map<Assertion, int[]> counts = new EnumMap<>(Assertion.class);
        for (Assertion a : Assertion.values()) {
            counts.put(a, new int[3]);
        }
        List<String> wrong = new ArrayList<>();
        List<Example> examples = examples();
        for (Example example : examples) {
            Assertion found = annotator.assertionOf(segmenter.segment(new Document("line" + example.line(), example.text())), example.finding());
            if (found == example.expected()) {
                counts.get(found)[0]++;
            } else {
                counts.get(found)[1]++;
                counts.get(example.expected())[2]++;
                wrong.add("line " + example.line() + ": " + example.expected().label() + " read as " + found.label() + ": "
                        + example.text().replace('\n', ' '));
            }
        }
        StringBuilder report = new StringBuilder("assertion  examples  precision  recall\n");
        int correct = 0;
        for (Assertion a : Assertion.values()) {
            int[] c = counts.get(a);
            correct += c[0];
            report.append(String.format(Locale.ROOT, "%-12s %6d %10.3f %7.3f%n", a.label(), c[0] + c[2], ratio(c[0], c[0] + c[1]), ratio(c[0], c[0] + c[2])));
        }
        report.append(String.format(Locale.ROOT, "accuracy %d / %d = %.3f%n", correct, examples.size(), (double) correct / examples.size()));
        System.out.println(report);
        wrong.forEach(System.out::println);

        assertEquals(299, examples.size());
        for (Assertion a : Assertion.values()) {
            assertTrue(counts.get(a)[0] + counts.get(a)[2] >= 40, a + " has at least 40 examples");
        }
        assertTrue((double) correct / examples.size() >= 0.94, report.toString());
        for (Assertion a : Assertion.values()) {
            int[] c = counts.get(a);
            assertTrue(ratio(c[0], c[0] + c[1]) >= 0.8 && ratio(c[0], c[0] + c[2]) >= 0.8, a.label() + ": " + report);
        }
    }

    private static double ratio(int numerator, int denominator) {
        return denominator == 0 ? 0 : (double) numerator / denominator;
    }
}
