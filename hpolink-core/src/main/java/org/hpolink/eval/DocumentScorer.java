package org.hpolink.eval;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.stream.IntStream;
import org.hpolink.corpus.CorpusFormatException;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.GoldDocument;
import org.hpolink.corpus.GoldMention;
import org.hpolink.corpus.ObservableIds;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * Scores document annotations against a gold set as {@code spec/notes-scoring.md} says. Every id on both sides is
 * mapped to its primary id in the HPO release in use; gold mentions tagged {@code Neg} are left out, and so are
 * predictions that are not the patient's (negated, family, hypothetical; present and historical ones count). Document level: per document, the set of distinct predicted ids against
 * the gold ones, summed over documents. Mention level: per document and id, the largest matching of predictions
 * (duplicates of segments and id counted once) to gold mentions, a pair matching when a segment of the prediction
 * overlaps the gold span ({@code overlap}) or when the prediction is one segment with the gold span's start and end
 * ({@code exact}). Stateless.
 */
public final class DocumentScorer {

    private DocumentScorer() {
    }

    /**
     * @param predictions the findings of each document by id, every gold document included
     * @throws CorpusFormatException naming a gold document that has no predictions
     */
    public static DocumentEvaluation score(List<GoldDocument> gold, Map<String, List<DocumentFinding>> predictions, Hpo hpo, String source) {
        Counts documentLevel = Counts.ZERO;
        Counts overlap = Counts.ZERO;
        Counts exact = Counts.ZERO;
        List<DocumentError> errors = new ArrayList<>();
        for (GoldDocument document : gold) {
            List<DocumentFinding> predicted = predictions.get(document.id());
            if (predicted == null) {
                throw new CorpusFormatException(source, 0, "id", "no predictions for gold document " + document.id()
                        + ": expected every document of the gold set");
            }
            Map<HpoId, List<GoldMention>> goldById = new LinkedHashMap<>();
            for (GoldMention mention : document.mentions()) {
                if (!mention.negated()) {
                    goldById.computeIfAbsent(ObservableIds.primary(hpo, mention.id()), k -> new ArrayList<>()).add(mention);
                }
            }
            Map<HpoId, List<Span>> predictedById = new LinkedHashMap<>();
            for (DocumentFinding finding : predicted) {
                if (finding.assertion().isPatients()) {
                    List<Span> spans = predictedById.computeIfAbsent(ObservableIds.primary(hpo, finding.id()), k -> new ArrayList<>());
                    if (!spans.contains(finding.span())) {
                        spans.add(finding.span());
                    }
                }
            }
            String text = document.document().text();
            Set<HpoId> ids = new LinkedHashSet<>(goldById.keySet());
            ids.addAll(predictedById.keySet());
            for (HpoId id : ids) {
                List<GoldMention> goldMentions = goldById.getOrDefault(id, List.of());
                List<Span> spans = predictedById.getOrDefault(id, List.of());
                if (goldMentions.isEmpty()) {
                    documentLevel = documentLevel.plus(new Counts(0, 1, 0));
                    errors.add(new DocumentError(document.id(), DocumentError.Kind.SPURIOUS_ID, id, spans.get(0).coveredText(text), ""));
                } else if (spans.isEmpty()) {
                    documentLevel = documentLevel.plus(new Counts(0, 0, 1));
                    errors.add(new DocumentError(document.id(), DocumentError.Kind.MISSED_ID, id, goldMentions.get(0).text(), ""));
                } else {
                    documentLevel = documentLevel.plus(new Counts(1, 0, 0));
                }
                boolean[][] overlapping = pairs(spans, goldMentions, DocumentScorer::overlaps);
                int matched = maximumMatching(overlapping, goldMentions.size());
                overlap = overlap.plus(new Counts(matched, spans.size() - matched, goldMentions.size() - matched));
                int matchedExactly = maximumMatching(pairs(spans, goldMentions, DocumentScorer::sameBounds), goldMentions.size());
                exact = exact.plus(new Counts(matchedExactly, spans.size() - matchedExactly, goldMentions.size() - matchedExactly));
                addMentionErrors(document.id(), id, text, spans, goldMentions, overlapping, errors);
            }
        }
        return new DocumentEvaluation(gold.size(), documentLevel, overlap, exact, errors);
    }

    private static boolean[][] pairs(List<Span> spans, List<GoldMention> gold, BiPredicate<Span, GoldMention> matches) {
        boolean[][] pairs = new boolean[spans.size()][gold.size()];
        for (int p = 0; p < spans.size(); p++) {
            for (int g = 0; g < gold.size(); g++) {
                pairs[p][g] = matches.test(spans.get(p), gold.get(g));
            }
        }
        return pairs;
    }

    private static boolean overlaps(Span predicted, GoldMention gold) {
        return gold.span().isPresent() && predicted.segments().stream().anyMatch(s -> s.intersects(gold.span().get()));
    }

    private static boolean sameBounds(Span predicted, GoldMention gold) {
        return gold.span().isPresent() && !predicted.isDiscontinuous() && predicted.segments().get(0).equals(gold.span().get());
    }

    /** The size of a largest matching of predictions (rows) to gold mentions (columns), by augmenting paths. */
    static int maximumMatching(boolean[][] pairs, int goldCount) {
        int[] goldMatch = new int[goldCount];
        Arrays.fill(goldMatch, -1);
        int matched = 0;
        for (int p = 0; p < pairs.length; p++) {
            if (augment(p, pairs, goldMatch, new boolean[goldCount])) {
                matched++;
            }
        }
        return matched;
    }

    private static boolean augment(int p, boolean[][] pairs, int[] goldMatch, boolean[] seen) {
        for (int g = 0; g < goldMatch.length; g++) {
            if (pairs[p][g] && !seen[g]) {
                seen[g] = true;
                if (goldMatch[g] < 0 || augment(goldMatch[g], pairs, goldMatch, seen)) {
                    goldMatch[g] = p;
                    return true;
                }
            }
        }
        return false;
    }

    /** Mentions that overlap nothing of their id, on either side. */
    private static void addMentionErrors(String document, HpoId id, String text, List<Span> spans, List<GoldMention> gold,
            boolean[][] overlapping, List<DocumentError> errors) {
        for (int g = 0; g < gold.size(); g++) {
            int column = g;
            if (spans.isEmpty() || IntStream.range(0, spans.size()).noneMatch(p -> overlapping[p][column])) {
                GoldMention mention = gold.get(g);
                errors.add(new DocumentError(document, DocumentError.Kind.MISSED_MENTION, id, mention.text(),
                        mention.span().map(Segment::toString).orElse("(no span)")));
            }
        }
        for (int p = 0; p < spans.size(); p++) {
            boolean any = false;
            for (boolean pair : overlapping[p]) {
                any |= pair;
            }
            if (!any) {
                errors.add(new DocumentError(document, DocumentError.Kind.SPURIOUS_MENTION, id, spans.get(p).coveredText(text), spans.get(p).toString()));
            }
        }
    }
}
