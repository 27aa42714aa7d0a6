package org.hpolink.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;
import org.junit.jupiter.api.Test;

/**
 * Results in input order whatever the threads, every character counted once for progress, and the pipeline's own
 * exception for the first observation that fails.
 */
class ParallelPipelineTest {

    /** One key finding covering the whole text, so each result shows which observation it came from. */
    private static final Pipeline WHOLE_TEXT = observations -> observations.stream()
            .map(o -> List.of(new ScoredFinding(Finding.key(HpoId.of("HP:0000001"), Span.of(0, o.text().length())), 1, "test"))).toList();

    private static List<Observation> observations(int count) {
        List<Observation> observations = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            observations.add(Observation.of("o" + i, "x".repeat(i + 1)));
        }
        return observations;
    }

    @Test
    void resultsAreInInputOrderAndEachObservationIsCountedOnce() {
        List<Observation> observations = observations(500);
        AtomicInteger done = new AtomicInteger();

        List<List<Finding>> results;
        try (ParallelPipeline annotator = new ParallelPipeline(WHOLE_TEXT, 4, n -> done.addAndGet((int) n))) {
            results = annotator.annotateAll(observations);
        }

        assertEquals(500 * 501 / 2, done.get(), "the characters of 500 texts of 1 to 500 characters");
        for (int i = 0; i < observations.size(); i++) {
            assertEquals(WHOLE_TEXT.annotate(observations.get(i)), results.get(i), "observation " + i);
        }
    }

    @Test
    void chunksAreAtMostTheMaximumAndShareTheWorkEvenlyBetweenTwoThreads() {
        assertEquals(429, ParallelPipeline.chunkSize(1_716), "4 chunks, 2 per thread");
        assertEquals(343, ParallelPipeline.chunkSize(2_055), "6 chunks rather than 5 of 512 (one thread 3, the other 2)");
        assertEquals(ParallelPipeline.MAX_CHUNK, ParallelPipeline.chunkSize(4 * ParallelPipeline.MAX_CHUNK));
        assertEquals(2, ParallelPipeline.chunkSize(3));
        for (int observations = 1; observations <= 5_000; observations++) {
            int size = ParallelPipeline.chunkSize(observations);
            int chunks = (observations + size - 1) / size;
            String what = observations + " observations: chunks of " + size;
            assertTrue(size >= 1 && size <= ParallelPipeline.MAX_CHUNK, what);
            assertTrue(chunks >= (observations + ParallelPipeline.MAX_CHUNK - 1) / ParallelPipeline.MAX_CHUNK, what);
            // On two threads, the busier gets half, give or take the rounding of the chunk size (1 per chunk).
            int perThread = (chunks + 1) / 2;
            assertTrue(perThread * size <= (observations + 1) / 2 + perThread, what + ", the busier thread gets " + perThread * size);
        }
    }

    @Test
    void theFirstFailureInInputOrderIsRethrownAsItIs() {
        List<Observation> observations = observations(200);
        List<IllegalStateException> failures = new ArrayList<>();
        for (int i = 0; i < observations.size(); i++) {
            failures.add(new IllegalStateException("observation o" + i + " failed"));
        }
        Pipeline failingFrom50 = chunk -> chunk.stream().map(observation -> {
            int index = Integer.parseInt(observation.id().substring(1));
            if (index >= 50 && index % 10 == 0) {
                throw failures.get(index);
            }
            return List.<ScoredFinding>of();
        }).toList();

        try (ParallelPipeline annotator = new ParallelPipeline(failingFrom50, 4)) {
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> annotator.annotateAll(observations));
            assertSame(failures.get(50), thrown);
        }
    }

    @Test
    void otherWorkIsDoneOnThePipelinesThreadsInInputOrderFirstFailureRethrown() {
        List<Integer> numbers = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            numbers.add(i);
        }
        Set<String> threads = ConcurrentHashMap.newKeySet();
        IllegalArgumentException at300 = new IllegalArgumentException("300");

        try (ParallelPipeline workers = new ParallelPipeline(WHOLE_TEXT, 2)) {
            List<String> squares = workers.map(numbers, n -> {
                threads.add(Thread.currentThread().getName());
                return n + "^2=" + n * n;
            });
            for (int i = 0; i < numbers.size(); i++) {
                assertEquals(i + "^2=" + i * i, squares.get(i));
            }
            assertTrue(threads.stream().noneMatch(name -> name.equals(Thread.currentThread().getName())), threads.toString());
            IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> workers.map(numbers, n -> {
                if (n >= 300 && n % 100 == 0) {
                    throw n == 300 ? at300 : new IllegalArgumentException(String.valueOf(n));
                }
                return n;
            }));
            assertSame(at300, thrown);
        }
        assertEquals(List.of("a", "b"), Workers.SEQUENTIAL.map(List.of("A", "B"), s -> s.toLowerCase(Locale.ROOT)));
    }
}
