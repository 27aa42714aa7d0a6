package org.hpolink.pipeline;

import java.util.List;
import java.util.function.Function;

/**
 * Does independent pieces of work, perhaps on several threads ({@link ParallelPipeline}'s), or one after the other
 * ({@link #SEQUENTIAL}). Either way each result is at its piece's index, so the output does not depend on the
 * scheduling.
 */
public interface Workers {

    /** On the calling thread, in order. */
    Workers SEQUENTIAL = new Workers() {
        @Override
        public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
            return items.stream().<R>map(work).toList();
        }
    };

    /**
     * {@code work} applied to each item, the results in the items' order.
     *
     * @throws RuntimeException the exception {@code work} threw for the first item (in input order) it failed on
     */
    <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work);
}
