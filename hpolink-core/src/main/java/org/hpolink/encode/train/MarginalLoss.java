package org.hpolink.encode.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.loss.Loss;

/**
 * BioSyn's synonym marginalization loss on DJL arrays, averaged over a batch of queries: for each query, the negative
 * log of the summed softmax probability of its candidates that carry the gold id. Predictions: the candidates'
 * scores, [queries, candidates]. Labels: 1 for a gold candidate, 0 for another, [queries, candidates]; a row needs
 * at least one gold candidate. (A padding candidate takes a very low score and label 0.)
 */
final class MarginalLoss extends Loss {

    MarginalLoss() {
        super("synonym marginalization");
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray logProbabilities = predictions.singletonOrThrow().logSoftmax(1);
        NDArray gold = labels.singletonOrThrow().toType(logProbabilities.getDataType(), false);
        // log sum over gold candidates of p: the other candidates are pushed to a log probability that exp sends to 0.
        NDArray goldOnly = logProbabilities.add(gold.sub(1f).mul(1e4f));
        NDArray max = goldOnly.max(new int[] {1}, true).stopGradient();
        NDArray logGold = goldOnly.sub(max).exp().sum(new int[] {1}).log().add(max.squeeze(1));
        return logGold.mean().neg();
    }
}
