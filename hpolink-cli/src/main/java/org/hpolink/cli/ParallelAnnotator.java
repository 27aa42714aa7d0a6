package org.hpolink.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.LongConsumer;
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

    /** Observations per call of the pipeline. */
    static final int CHUNK = 256;

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
     * The findings of each observation, in the order given. Observations go to the pipeline in chunks of
     * {@link #CHUNK} ({@link Pipeline#annotateAll}), so that a model's batches are full; {@code afterChunk} is told
     * how many observations each chunk held, from any of the threads, for progress.
     *
     * @throws RuntimeException the pipeline's own exception for the first chunk (in input order) it failed on
     */
    List<List<Finding>> annotate(List<Observation> observations, LongConsumer afterChunk) {
        int chunks = (observations.size() + CHUNK - 1) / CHUNK;
        AtomicReferenceArray<List<List<Finding>>> results = new AtomicReferenceArray<>(chunks);
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(chunks);
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                List<Observation> chunk = observations.subList(c * CHUNK, Math.min(observations.size(), (c + 1) * CHUNK));
                // Caught here rather than through the pool, which may rethrow a copy that loses the message.
                try {
                    results.set(c, pipeline.annotateAll(chunk));
                } catch (RuntimeException e) {
                    failures.set(c, e);
                }
                afterChunk.accept(chunk.size());
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotating failed: " + e.getCause(), e.getCause());
        }
        List<List<Finding>> inOrder = new ArrayList<>(observations.size());
        for (int c = 0; c < chunks; c++) {
            if (failures.get(c) != null) {
                throw failures.get(c);
            }
            inOrder.addAll(results.get(c));
        }
        return List.copyOf(inOrder);
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
