package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;
import org.junit.jupiter.api.Test;

/**
 * Every training observation's findings, encoded as a grid and decoded, come back exactly as their canonical spans
 * ({@link Span#canonical}); how many gold spans differ from their canonical form is printed.
 */
class WordGridRoundTripIT {

    @Test
    void everyTrainingObservationRoundTrips() throws IOException {
        Hpo hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
        Corpus corpus = new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile());
        Tokenizer tokenizer = new Tokenizer();
        List<String> failures = new ArrayList<>();
        List<String> cutWords = new ArrayList<>();
        int mentions = 0;
        int notCanonical = 0;
        for (AnnotatedObservation observation : corpus.observations()) {
            Set<TypedSpan> gold = new LinkedHashSet<>();
            for (var finding : observation.findings()) {
                Span canonical = finding.span().canonical(observation.text());
                notCanonical += canonical.equals(finding.span()) ? 0 : 1;
                gold.add(new TypedSpan(canonical, finding.status()));
            }
            mentions += gold.size();
            List<Token> words = tokenizer.tokenize(observation.text());
            if (gold.stream().anyMatch(m -> cutsAWord(m.span(), words))) {
                // an annotator's offset inside a word ('ullness in cheeks'): no grid of words can hold it
                cutWords.add(observation.id());
                continue;
            }
            try {
                WordGrid grid = WordGrid.encode(words, gold);
                Set<TypedSpan> decoded = new LinkedHashSet<>(grid.decode());
                if (!decoded.equals(gold)) {
                    failures.add(observation.id() + " '" + observation.text() + "': gold " + gold + ", decoded " + decoded);
                }
            } catch (IllegalArgumentException e) {
                failures.add(observation.id() + " '" + observation.text() + "': " + e.getMessage());
            }
        }
        System.out.printf("WordGridRoundTripIT: %d observations, %d distinct typed mentions; %d findings whose gold span is not "
                + "canonical; %d observations with a segment that starts or ends inside a word; %d others not round-tripped%n",
                corpus.size(), mentions, notCanonical, cutWords.size(), failures.size());
        failures.stream().limit(30).forEach(f -> System.out.println("  " + f));
        assertEquals(List.of(), failures);
        // 11 on the 2023 training file: a new tokenizer that cut more words would show here
        assertTrue(cutWords.size() <= 11, "observations with a segment inside a word: " + cutWords);
    }

    private static boolean cutsAWord(Span span, List<Token> words) {
        for (Segment segment : span.segments()) {
            for (Token word : words) {
                boolean startInside = word.start() < segment.start() && segment.start() < word.end();
                boolean endInside = word.start() < segment.end() && segment.end() < word.end();
                if (startInside || endInside) {
                    return true;
                }
            }
        }
        return false;
    }
}
