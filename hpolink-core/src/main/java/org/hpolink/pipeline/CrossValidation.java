package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.Fold;
import org.hpolink.corpus.Submission;
import org.hpolink.eval.Bc8Scorer;
import org.hpolink.eval.Evaluation;
import org.hpolink.text.Observation;

/**
 * k-fold cross-validation of a trainable pipeline on an annotated corpus: for each fold, train on the rest,
 * predict the fold, score it with the official scorer; the pooled evaluation scores all folds' predictions at
 * once against the whole corpus.
 */
public final class CrossValidation {

    /** The per-fold evaluations (in fold order) and the pooled one. */
    public record Result(List<Evaluation> folds, Evaluation pooled) {
        public Result {
            folds = List.copyOf(folds);
        }
    }

    /** Trains a pipeline on a fold's training part. */
    @FunctionalInterface
    public interface Trainer extends BiFunction<Corpus, Fold, Pipeline> {
    }

    private CrossValidation() {
    }

    public static Result run(Corpus corpus, int k, long seed, Trainer trainer) {
        List<Evaluation> perFold = new ArrayList<>();
        Map<String, List<Finding>> predictions = new HashMap<>();
        for (Fold fold : Fold.split(corpus, k, seed)) {
            Pipeline pipeline = trainer.apply(fold.train(), fold);
            List<Observation> test = fold.test().withoutAnnotations();
            for (Observation observation : test) {
                predictions.put(observation.id(), pipeline.annotate(observation));
            }
            perFold.add(Bc8Scorer.score(fold.test(), Submission.of("fold " + fold.index(), test, o -> predictions.get(o.id()))));
        }
        List<Observation> inCorpusOrder = corpus.withoutAnnotations();
        Evaluation pooled = Bc8Scorer.score(corpus, Submission.of(k + "-fold predictions", inCorpusOrder, o -> predictions.get(o.id())));
        return new Result(perFold, pooled);
    }
}
