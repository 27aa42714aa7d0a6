package org.hpolink.extract.grid;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * Cross-entropy of the gold relation of every real word pair, averaged over those pairs (padding pairs count for
 * nothing). Labels: the relations, int64 [batch, words, words], and the grid mask, float32 of the same shape.
 */
final class GridLoss extends Loss {

    GridLoss() {
        super("grid-cross-entropy");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray relations = labels.get(0);
        NDArray mask = labels.get(1);
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(3);
        NDArray gold = logProbabilities.mul(relations.oneHot(GridNetwork.RELATIONS)).sum(new int[] {3});
        return gold.mul(mask).sum().neg().div(mask.sum());
    }
}
