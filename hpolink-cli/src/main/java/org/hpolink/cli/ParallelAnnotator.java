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

    /**
     * The most observations per call of the pipeline. The encoders and the grid network sort a call's texts by length
     * into batches, so larger chunks pad less: chunks of 128 made the ensemble a third slower than chunks of 512.
     */
    static final int MAX_CHUNK = 512;

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
     * The findings of each observation, in the order given. Observations go to the pipeline in chunks
     * ({@link Pipeline#annotateAll}) of at most {@link #MAX_CHUNK}, so that a model's batches are full, and of
     * {@link #chunkSize even sizes}; {@code afterChunk} is told how many observations each chunk held, from any of the
     * threads, for progress.
     *
     * @throws RuntimeException the pipeline's own exception for the first chunk (in input order) it failed on
     */
    List<List<Finding>> annotate(List<Observation> observations, LongConsumer afterChunk) {
        int size = chunkSize(observations.size());
        int chunks = (observations.size() + size - 1) / size;
        AtomicReferenceArray<List<List<Finding>>> results = new AtomicReferenceArray<>(chunks);
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(chunks);
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                List<Observation> chunk = observations.subList(c * size, Math.min(observations.size(), (c + 1) * size));
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

    /**
     * The chunk size for {@code observations}: at most {@link #MAX_CHUNK}, with as many chunks as that needs rounded
     * up to an even number, so that two (or four) threads get the same share. (1,716 observations in chunks of 256
     * on 2 threads left one thread 4 chunks against 3: a sixth of the time idle.) It must not depend on the threads:
     * an 8-bit encoder's vectors depend slightly on their batch mates, so other chunks could change the output.
     */
    static int chunkSize(int observations) {
        if (observations == 0) {
            return MAX_CHUNK;
        }
        int chunks = (observations + MAX_CHUNK - 1) / MAX_CHUNK;
        chunks = (chunks + 1) / 2 * 2;
        return (observations + chunks - 1) / chunks;
    }

    @Override
    public void close() {
        pool.shutdown();
    }
}
