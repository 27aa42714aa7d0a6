package org.hpolink.encode.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Made-up training pairs of unrelated random sequences: nothing links a pair but the training, so the in-batch
 * loss starts near ln(batch) and falls only as the encoder learns the pairs.
 */
final class Pairs {

    private Pairs() {
    }

    static TrainingPairs of(int count, long seed) {
        List<MiniLm.Sequence> firsts = MiniLm.sequences(count, seed);
        List<MiniLm.Sequence> seconds = MiniLm.sequences(count, seed + 1_000);
        List<IdPair> pairs = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            pairs.add(IdPair.of(firsts.get(i).ids(), seconds.get(i).ids()));
        }
        return new TrainingPairs("made-up pairs, seed " + seed, pairs);
    }
}
