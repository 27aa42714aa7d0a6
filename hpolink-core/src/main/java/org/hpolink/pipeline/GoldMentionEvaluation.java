package org.hpolink.pipeline;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiFunction;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.corpus.Fold;
import org.hpolink.corpus.ObservableIds;
import org.hpolink.extract.Mention;
import org.hpolink.normalize.Candidate;
import org.hpolink.normalize.Normalizer;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;

/**
 * Normalization of gold mentions under k-fold cross-validation: each fold's key findings are ranked by a
 * normalizer built from the other folds; accuracy@1 and @k count the findings whose gold id (as primary id) comes
 * first, or among the first k, overall and for the mentions whose text no training fold holds.
 */
public final class GoldMentionEvaluation {

    /** Found at rank 1 and within the first k, of so many mentions. */
    public record Accuracy(int mentions, int atOne, int atK) {
        public double atOneRate() {
            return mentions == 0 ? 0 : (double) atOne / mentions;
        }

        public double atKRate() {
            return mentions == 0 ? 0 : (double) atK / mentions;
        }

        Accuracy plus(boolean first, boolean withinK) {
            return new Accuracy(mentions + 1, atOne + (first ? 1 : 0), atK + (withinK ? 1 : 0));
        }
    }

    /** All mentions, and those whose text (lower-cased) no training mention has. */
    public record Result(int k, Accuracy all, Accuracy unseen) {
        public String describe() {
            return String.format(Locale.ROOT, "gold mentions: %,d, accuracy@1 %.4f, accuracy@%d %.4f%n"
                    + "unseen texts:  %,d, accuracy@1 %.4f, accuracy@%d %.4f%n", all.mentions(), all.atOneRate(), k, all.atKRate(),
                    unseen.mentions(), unseen.atOneRate(), k, unseen.atKRate());
        }
    }

    private GoldMentionEvaluation() {
    }

    public static Result run(Corpus corpus, Hpo hpo, int folds, long seed, int k, BiFunction<Corpus, Fold, Normalizer> trainer) {
        Accuracy all = new Accuracy(0, 0, 0);
        Accuracy unseen = new Accuracy(0, 0, 0);
        for (Fold fold : Fold.split(corpus, folds, seed)) {
            Normalizer normalizer = trainer.apply(fold.train(), fold);
            Set<String> seen = new HashSet<>();
            for (AnnotatedObservation o : fold.train().observations()) {
                o.keyFindings().forEach(f -> seen.add(f.span().coveredText(o.text()).toLowerCase(Locale.ROOT)));
            }
            for (AnnotatedObservation o : fold.test().observations()) {
                for (Finding finding : o.keyFindings()) {
                    HpoId gold = ObservableIds.primary(hpo, finding.id());
                    List<Candidate> ranked = normalizer.rank(o.observation(),
                            new Mention(finding.span(), Optional.empty(), FindingStatus.KEY, 1, "gold"), k);
                    boolean first = !ranked.isEmpty() && ranked.get(0).id().equals(gold);
                    boolean withinK = ranked.stream().anyMatch(c -> c.id().equals(gold));
                    all = all.plus(first, withinK);
                    if (!seen.contains(finding.span().coveredText(o.text()).toLowerCase(Locale.ROOT))) {
                        unseen = unseen.plus(first, withinK);
                    }
                }
            }
        }
        return new Result(k, all, unseen);
    }
}
