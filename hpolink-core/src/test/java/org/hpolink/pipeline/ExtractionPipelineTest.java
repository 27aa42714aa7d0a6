package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.lexical.LexicalFixtures;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.TinyHpo;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

class ExtractionPipelineTest {

    private static final Observation EARS = Observation.of("obs-ears", "EARS: low set, thin helices");

    @Test
    void mapsMentionsToFindingsSortedBySpanThenId() {
        MentionExtractor extractor = fixed(
                mention("15-27", TinyHpo.THIN_EAR_HELIX, FindingStatus.KEY, 0.9),
                mention("0-4,6-13", TinyHpo.LOW_SET_EARS, FindingStatus.KEY, 0.5),
                mention("6-13", TinyHpo.EAR, FindingStatus.NORMAL, 0.7));

        List<Finding> findings = new ExtractionPipeline(extractor, List.of()).annotate(EARS);

        assertEquals(List.of(
                Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13")),
                Finding.normal(TinyHpo.EAR, Span.parse("6-13")),
                Finding.key(TinyHpo.THIN_EAR_HELIX, Span.parse("15-27"))), findings);
    }

    @Test
    void scoredFindingsCarryTheScoreAndSourceOfTheirMention() {
        MentionExtractor extractor = fixed(
                mention("15-27", TinyHpo.THIN_EAR_HELIX, FindingStatus.KEY, 0.9),
                mention("0-4,6-13", TinyHpo.LOW_SET_EARS, FindingStatus.KEY, 0.5));

        List<ScoredFinding> findings = new ExtractionPipeline(extractor, List.of()).annotateScored(List.of(EARS)).get(0);

        assertEquals(List.of(
                new ScoredFinding(Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("0-4,6-13")), 0.5, "test"),
                new ScoredFinding(Finding.key(TinyHpo.THIN_EAR_HELIX, Span.parse("15-27")), 0.9, "test")), findings);
    }

    @Test
    void filtersSeeTheFindingsBestScoreFirstInTheirOrder() {
        List<List<HpoId>> seen = new ArrayList<>();
        FindingFilter first = (observation, findings) -> {
            seen.add(findings.stream().map(f -> f.finding().id()).toList());
            return findings.stream().filter(f -> !f.finding().id().equals(TinyHpo.EAR)).toList();
        };
        FindingFilter second = (observation, findings) -> {
            seen.add(findings.stream().map(f -> f.finding().id()).toList());
            return findings;
        };
        MentionExtractor extractor = fixed(
                mention("15-27", TinyHpo.THIN_EAR_HELIX, FindingStatus.KEY, 0.2),
                mention("6-13", TinyHpo.EAR, FindingStatus.KEY, 0.7),
                mention("0-4,6-13", TinyHpo.LOW_SET_EARS, FindingStatus.KEY, 0.9));

        List<Finding> findings = new ExtractionPipeline(extractor, List.of(first, second)).annotate(EARS);

        assertEquals(List.of(List.of(TinyHpo.LOW_SET_EARS, TinyHpo.EAR, TinyHpo.THIN_EAR_HELIX), List.of(TinyHpo.LOW_SET_EARS, TinyHpo.THIN_EAR_HELIX)),
                seen);
        assertEquals(List.of(TinyHpo.LOW_SET_EARS, TinyHpo.THIN_EAR_HELIX), findings.stream().map(Finding::id).toList());
    }

    @Test
    void theBestScoredOfTwoMentionsAtOneSpanIsKept() {
        MentionExtractor extractor = fixed(
                mention("6-13", TinyHpo.EAR, FindingStatus.KEY, 0.4),
                mention("6-13", TinyHpo.LOW_SET_EARS, FindingStatus.KEY, 0.8));

        List<Finding> findings = new ExtractionPipeline(extractor, List.of(new DistinctSpanFilter())).annotate(EARS);

        assertEquals(List.of(Finding.key(TinyHpo.LOW_SET_EARS, Span.parse("6-13"))), findings);
    }

    @Test
    void aMentionWithoutIdIsAClearError() {
        MentionExtractor extractor = observation -> List.of(new Mention(Span.parse("6-13"), Optional.empty(), FindingStatus.KEY, 0.5, "grid"));

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new ExtractionPipeline(extractor, List.of()).annotate(EARS));
        assertTrue(e.getMessage().contains("observation obs-ears: the grid extractor gave no id for the mention at 6-13 and this pipeline has no normalizer"),
                e.getMessage());
    }

    @Test
    void theLexicalPipelineGivesPrimaryIdsOnePerSpan() {
        ExtractionPipeline pipeline = ExtractionPipeline.lexical(LexicalFixtures.model(), LexicalFixtures.hpo());

        assertEquals(List.of(
                Finding.key(LexicalFixtures.LOW_SET_EARS, Span.parse("0-4,6-13")),
                Finding.key(LexicalFixtures.THIN_EAR_HELIX, Span.parse("15-27"))), pipeline.annotate(EARS));
        assertEquals(List.of(Finding.normal(LexicalFixtures.CLINODACTYLY, Span.parse("10-22"))),
                pipeline.annotate(Observation.of("obs-hands", "HANDS: no clinodactyly")));
        assertEquals(List.of(), pipeline.annotate(Observation.of("obs-neck", "NECK: supple")));
    }

    private static MentionExtractor fixed(Mention... mentions) {
        return observation -> List.of(mentions);
    }

    private static Mention mention(String span, HpoId id, FindingStatus status, double score) {
        return new Mention(Span.parse(span), Optional.of(id), status, score, "test");
    }
}
