package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.BiFunction;
import org.hpolink.corpus.AnnotatedObservation;
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

    /**
     * What a curator's corrections are worth, pooled over the folds: the same held-out observations scored by a
     * pipeline trained without the corrections and by one trained with them.
     *
     * @param scored      the held-out observations scored, over all folds, with their gold findings
     * @param corrections the held-out observations that stood for corrections, over all folds
     */
    public record CorrectionsResult(Corpus scored, Evaluation without, Evaluation with, int corrections) {
    }

    private CrossValidation() {
    }

    /**
     * In each fold, half the held-out observations (a shuffle seeded with {@code seed} and the fold) stand for a
     * curator's corrections of what the pipeline found there; the other half is scored by a pipeline trained on the
     * training part alone and by one trained on it and the corrections.
     */
    public static CorrectionsResult correctionsHalf(Corpus corpus, int k, long seed, Trainer trainer) {
        Map<String, List<Finding>> without = new HashMap<>();
        Map<String, List<Finding>> with = new HashMap<>();
        int corrections = 0;
        for (Fold fold : Fold.split(corpus, k, seed)) {
            List<AnnotatedObservation> heldOut = new ArrayList<>(fold.test().observations());
            Collections.shuffle(heldOut, new Random(seed * 31 + fold.index()));
            int half = heldOut.size() / 2;
            Corpus corrected = new Corpus(fold.test().source() + " (corrections of fold " + fold.index() + ")", fold.test().sha256(),
                    heldOut.subList(0, half));
            List<AnnotatedObservation> rest = heldOut.subList(half, heldOut.size());
            Pipeline alone = trainer.apply(fold.train(), fold);
            Pipeline taught = trainer.apply(fold.train().with(corrected), fold);
            for (AnnotatedObservation observation : rest) {
                without.put(observation.id(), alone.annotate(observation.observation()));
                with.put(observation.id(), taught.annotate(observation.observation()));
            }
            corrections += half;
        }
        // In corpus order: every scored observation has a prediction of each model.
        List<AnnotatedObservation> inCorpusOrder = corpus.observations().stream().filter(o -> without.containsKey(o.id())).toList();
        Corpus gold = new Corpus(corpus.source() + " (held-out observations not used as corrections)", corpus.sha256(), inCorpusOrder);
        List<Observation> texts = gold.withoutAnnotations();
        return new CorrectionsResult(gold, Bc8Scorer.score(gold, Submission.of("without corrections", texts, o -> without.get(o.id()))),
                Bc8Scorer.score(gold, Submission.of("with corrections", texts, o -> with.get(o.id()))), corrections);
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
