package org.hpolink.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.stream.IntStream;

import org.hpolink.corpus.Finding;
import org.hpolink.pipeline.Pipeline;
import org.hpolink.text.Observation;

/**
 * Annotates observations with a pipeline on a pool of its own threads. Each result is stored at its observation's
 * index, so the output is in input order and the same whatever the scheduling (pipelines are deterministic and
 * thread-safe).
 */
final class ParallelAnnotator implements AutoCloseable {

    private final Pipeline pipeline;
    private final ForkJoinPool pool;

    ParallelAnnotator(Pipeline pipeline, int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException(threads + " threads: expected 1 or more");
        }
        this.pipeline = pipeline;
        this.pool = new ForkJoinPool(threads);
    }

    /**
     * The findings of each observation, in the order given; {@code afterEach} runs once per observation annotated
     * (from any of the threads), for progress.
     *
     * @throws RuntimeException the pipeline's own exception for the first observation (in input order) it failed on
     */
    List<List<Finding>> annotate(List<Observation> observations, Runnable afterEach) {
        AtomicReferenceArray<List<Finding>> results = new AtomicReferenceArray<>(observations.size());
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(observations.size());
        try {
            pool.submit(() -> IntStream.range(0, observations.size()).parallel().forEach(i -> {
                // Caught here rather than through the pool, which may rethrow a copy that loses the message.
                try {
                    results.set(i, pipeline.annotate(observations.get(i)));
                } catch (RuntimeException e) {
                    failures.set(i, e);
                }
                afterEach.run();
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotating failed: " + e.getCause(), e.getCause());
        }
        List<List<Finding>> inOrder = new ArrayList<>(observations.size());
        for (int i = 0; i < observations.size(); i++) {
            if (failures.get(i) != null) {
                throw failures.get(i);
            }
            inOrder.add(results.get(i));
        }
        return List.copyOf(inOrder);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
