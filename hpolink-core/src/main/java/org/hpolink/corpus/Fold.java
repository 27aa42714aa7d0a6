package org.hpolink.corpus;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * One fold of a k-fold split of a corpus: {@code test} holds every k-th observation of a seeded shuffle,
 * {@code train} the rest. The same corpus, k and seed always give the same folds.
 *
 * @param index 1-based
 */
public record Fold(int index, int k, long seed, Corpus train, Corpus test) {

    public static List<Fold> split(Corpus corpus, int k, long seed) {
        if (k < 2 || k > corpus.size()) {
            throw new IllegalArgumentException("k = " + k + " folds: expected 2 <= k <= " + corpus.size() + " observations");
        }
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < corpus.size(); i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed));
        List<Fold> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) {
            boolean[] inTest = new boolean[corpus.size()];
            for (int p = f; p < order.size(); p += k) {
                inTest[order.get(p)] = true;
            }
            List<AnnotatedObservation> train = new ArrayList<>();
            List<AnnotatedObservation> test = new ArrayList<>();
            for (int i = 0; i < corpus.size(); i++) {
                (inTest[i] ? test : train).add(corpus.observations().get(i));
            }
            folds.add(new Fold(f + 1, k, seed, new Corpus(corpus.source(), corpus.sha256(), train),
                    new Corpus(corpus.source(), corpus.sha256(), test)));
        }
        return folds;
    }

    /** How the training part is described in model provenance. */
    public String describe() {
        return "all but fold " + index + " of " + k + ", seed " + seed;
    }
}
