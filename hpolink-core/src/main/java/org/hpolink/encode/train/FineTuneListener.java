package org.hpolink.encode.train;

/** Told the loss of every step of a fine-tuning run, in order; for progress and logs, never for control. */
@FunctionalInterface
public interface FineTuneListener {

    FineTuneListener NONE = (step, loss) -> { };

    /** @param step 0-based; {@code loss} is the batch's loss before this step's update */
    void onStep(int step, float loss);
}
