package org.hpolink.extract.llm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hpolink.RealDataFolder;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.llm.MarkedAnswerFormat.ProposedFinding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoJsonReader;
import org.hpolink.ontology.Term;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Every key finding of the training file, written as the answer the examples and the fine-tuning export show and
 * read back by the parser, gives the same span in its canonical form ({@link Span#canonical}: some gold spans hold
 * whitespace at a segment's end, {@code 'Cafe-au-lait '}): those are counted and printed.
 */
class MarkedAnswerRoundTripIT {

    @Test
    void everyTrainingFindingRoundTrips() throws IOException {
        Hpo hpo = new HpoJsonReader().read(RealDataFolder.hpoFile());
        Corpus corpus = new Bc8CorpusReader(hpo::isKnown).read(RealDataFolder.trainFile());
        LlmPrompt prompt = new LlmPrompt(id -> hpo.term(id).map(Term::label).orElseThrow());
        List<String> failures = new ArrayList<>();
        List<String> untrimmed = new ArrayList<>();
        int findings = 0;
        for (AnnotatedObservation observation : corpus.observations()) {
            List<ProposedFinding> expected = new ArrayList<>();
            for (Finding finding : observation.keyFindings()) {
                Span trimmed = finding.span().canonical(observation.text());
                if (!trimmed.equals(finding.span())) {
                    untrimmed.add(observation.id() + " '" + finding.span().coveredText(observation.text()) + "'");
                }
                ProposedFinding proposed = new ProposedFinding(trimmed, hpo.term(finding.id()).map(Term::label).orElseThrow());
                if (!expected.contains(proposed)) {
                    expected.add(proposed);
                }
            }
            findings += expected.size();
            List<ProposedFinding> parsed = MarkedAnswerFormat.parse(observation.text(), prompt.answer(observation)).findings();
            List<ProposedFinding> distinctSpans = new ArrayList<>();
            for (ProposedFinding finding : expected) {
                if (distinctSpans.stream().noneMatch(f -> f.span().equals(finding.span()))) {
                    distinctSpans.add(finding);
                }
            }
            if (!parsed.equals(distinctSpans)) {
                failures.add(observation.id() + " '" + observation.text() + "': expected " + distinctSpans + ", read " + parsed);
            }
        }
        System.out.println(findings + " key findings written as answers and read back; " + untrimmed.size()
                + " gold spans not in canonical form (whitespace at a segment's end), read back in it:");
        untrimmed.forEach(System.out::println);
        failures.forEach(System.out::println);
        assertEquals(List.of(), failures);
    }
}
