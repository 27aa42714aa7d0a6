package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;
import java.util.function.LongConsumer;
import java.util.stream.IntStream;

import org.hpolink.text.Observation;

/**
 * A pipeline run on a pool of its own threads: the observations of a call go to the wrapped pipeline in chunks, in
 * parallel. Each result is stored at its observation's index, so the output is in input order and the same whatever
 * the scheduling (pipelines are deterministic and thread-safe). The same threads do other {@link Workers work}, such
 * as a document's steps around the pipeline. Close it to stop its threads.
 */
public final class ParallelPipeline implements Pipeline, Workers, AutoCloseable {

    /**
     * The most observations per call of the pipeline. The encoders and the grid network sort a call's texts by length
     * into batches, so larger chunks pad less: chunks of 128 made the ensemble a third slower than chunks of 512.
     */
    public static final int MAX_CHUNK = 512;

    private final Pipeline pipeline;
    private final ForkJoinPool pool;
    private final LongConsumer afterChunk;

    /**
     * @param afterChunk told the number of characters of each chunk's texts once it is annotated, from any of the
     *                   threads, for progress
     */
    public ParallelPipeline(Pipeline pipeline, int threads, LongConsumer afterChunk) {
        if (threads < 1) {
            throw new IllegalArgumentException(threads + " threads: expected 1 or more");
        }
        this.pipeline = pipeline;
        this.pool = new ForkJoinPool(threads);
        this.afterChunk = afterChunk;
    }

    public ParallelPipeline(Pipeline pipeline, int threads) {
        this(pipeline, threads, characters -> { });
    }

    /**
     * The findings of each observation, in the order given. Observations go to the pipeline in chunks of at most
     * {@link #MAX_CHUNK}, so that a model's batches are full, and of {@link #chunkSize even sizes}.
     *
     * @throws RuntimeException the pipeline's own exception for the first chunk (in input order) it failed on
     */
    @Override
    public List<List<ScoredFinding>> annotateScored(List<Observation> observations) {
        int size = chunkSize(observations.size());
        List<List<Observation>> chunks = new ArrayList<>();
        for (int from = 0; from < observations.size(); from += size) {
            chunks.add(observations.subList(from, Math.min(observations.size(), from + size)));
        }
        List<List<List<ScoredFinding>>> results = map(chunks, chunk -> {
            List<List<ScoredFinding>> found = pipeline.annotateScored(chunk);
            afterChunk.accept(chunk.stream().mapToLong(o -> o.text().length()).sum());
            return found;
        });
        List<List<ScoredFinding>> inOrder = new ArrayList<>(observations.size());
        results.forEach(inOrder::addAll);
        return List.copyOf(inOrder);
    }

    /** On this pipeline's threads. */
    @Override
    public <T, R> List<R> map(List<T> items, Function<? super T, ? extends R> work) {
        AtomicReferenceArray<R> results = new AtomicReferenceArray<>(items.size());
        AtomicReferenceArray<RuntimeException> failures = new AtomicReferenceArray<>(items.size());
        try {
            pool.submit(() -> IntStream.range(0, items.size()).parallel().forEach(i -> {
                // Caught here rather than through the pool, which may rethrow a copy that loses the message.
                try {
                    results.set(i, work.apply(items.get(i)));
                } catch (RuntimeException e) {
                    failures.set(i, e);
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while annotating", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("annotating failed: " + e.getCause(), e.getCause());
        }
        List<R> inOrder = new ArrayList<>(items.size());
        for (int i = 0; i < items.size(); i++) {
            if (failures.get(i) != null) {
                throw failures.get(i);
            }
            inOrder.add(results.get(i));
        }
        return inOrder;
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
