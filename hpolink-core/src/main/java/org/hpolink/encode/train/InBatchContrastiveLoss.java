package org.hpolink.encode.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.loss.Loss;

/**
 * InfoNCE over a batch of pairs, both ways: predictions are the pooled vectors of the first and of the second
 * sequences, [pairs, hidden] each; pair i's second sequence is the positive of its first and every other second
 * sequence a negative (and the same from the second side). Labels are not used.
 */
final class InBatchContrastiveLoss extends Loss {

    private final float temperature;

    InBatchContrastiveLoss(float temperature) {
        super("in-batch contrastive");
        this.temperature = temperature;
    }

    @Override
    public NDArray evaluate(NDList labels, NDList predictions) {
        NDArray first = unit(predictions.get(0));
        NDArray second = unit(predictions.get(1));
        // Numbers the backward pass reads are arrays of the step's manager, not Java numbers: see BertEncoderBlock.
        NDManager manager = first.getManager();
        NDArray logits = first.matMul(second.transpose()).div(manager.create(temperature));
        NDArray diagonal = logits.getManager().eye(Math.toIntExact(logits.getShape().get(0)));
        NDArray forward = logits.logSoftmax(1).mul(diagonal).sum(new int[] {1});
        NDArray backward = logits.logSoftmax(0).mul(diagonal).sum(new int[] {0});
        return forward.add(backward).mean().div(manager.create(-2f));
    }

    /** The vectors [batch, hidden] scaled to length 1. */
    static NDArray unit(NDArray vectors) {
        // Numbers the backward pass reads are arrays of the step's manager, not Java numbers: see BertEncoderBlock.
        return vectors.div(vectors.norm(new int[] {1}, true).maximum(vectors.getManager().create(1e-12f)));
    }

    /** The mean of the real tokens' states: states [batch, length, hidden], mask [batch, length] of 0 and 1. */
    static NDArray meanPool(NDArray states, NDArray mask) {
        NDArray weights = mask.toType(states.getDataType(), false).expandDims(2);
        return states.mul(weights).sum(new int[] {1}).div(weights.sum(new int[] {1}));
    }
}
