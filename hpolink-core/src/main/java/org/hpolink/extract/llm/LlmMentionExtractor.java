package org.hpolink.extract.llm;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.llm.MarkedAnswerFormat.ParsedAnswer;
import org.hpolink.extract.llm.MarkedAnswerFormat.ProposedFinding;
import org.hpolink.text.Observation;

/**
 * Asks an LLM for each observation's key findings: a prompt with the most similar annotated observations as
 * examples ({@link FewShotExamples}, {@link LlmPrompt}), the answer read by {@link MarkedAnswerFormat}. Its mentions
 * carry no id: the term name the model proposes is not trusted, a normalizer gives the id (as for the grid
 * extractor). The model gives no score, so each mention scores 1. Answers that cannot be read are counted
 * ({@link #stats()}), never thrown; an endpoint that cannot answer ends the run with its {@link LlmException}.
 */
public final class LlmMentionExtractor implements MentionExtractor {

    public static final String SOURCE = "llm";
    private static final System.Logger LOG = System.getLogger(LlmMentionExtractor.class.getName());

    private final ChatClient client;
    private final LlmPrompt prompt;
    private final FewShotExamples examples;
    private final int parallelRequests;
    private final AtomicInteger answers = new AtomicInteger();
    private final AtomicInteger malformed = new AtomicInteger();
    private final AtomicInteger rejectedLines = new AtomicInteger();

    /** What the answers so far held: how many, how many could not be read at all, and the lines rejected in the others. */
    public record Stats(int answers, int malformedAnswers, int rejectedLines) {

        /** These and {@code other} together, as for the extractors of several folds. */
        public Stats plus(Stats other) {
            return new Stats(answers + other.answers, malformedAnswers + other.malformedAnswers, rejectedLines + other.rejectedLines);
        }
    }

    /** @param parallelRequests questions asked at once (the client may bound them further) */
    public LlmMentionExtractor(ChatClient client, LlmPrompt prompt, FewShotExamples examples, int parallelRequests) {
        if (parallelRequests < 1) {
            throw new IllegalArgumentException("parallelRequests is " + parallelRequests + ": expected at least 1");
        }
        this.client = client;
        this.prompt = prompt;
        this.examples = examples;
        this.parallelRequests = parallelRequests;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        String answer = client.complete(prompt.messages(observation, examples.similarTo(observation)));
        ParsedAnswer parsed = MarkedAnswerFormat.parse(observation.text(), answer);
        answers.incrementAndGet();
        rejectedLines.addAndGet(parsed.rejectedLines());
        if (parsed.malformed()) {
            malformed.incrementAndGet();
            LOG.log(System.Logger.Level.DEBUG, "the LLM's answer for observation " + observation.id() + " could not be read");
        }
        List<Mention> mentions = new ArrayList<>();
        for (ProposedFinding finding : parsed.findings()) {
            mentions.add(new Mention(finding.span(), Optional.empty(), FindingStatus.KEY, 1, SOURCE));
        }
        mentions.sort(Comparator.comparing(Mention::span));
        return mentions;
    }

    /** Asks about up to {@code parallelRequests} observations at once; the results are in the order given. */
    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        if (observations.size() <= 1 || parallelRequests == 1) {
            return MentionExtractor.super.extractAll(observations);
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(parallelRequests, observations.size()));
        try {
            List<Future<List<Mention>>> futures = new ArrayList<>();
            for (Observation observation : observations) {
                futures.add(pool.submit(() -> extract(observation)));
            }
            List<List<Mention>> results = new ArrayList<>(observations.size());
            for (Future<List<Mention>> future : futures) {
                results.add(future.get());
            }
            return results;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LlmException("interrupted while asking the LLM", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new LlmException("asking the LLM failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    public Stats stats() {
        return new Stats(answers.get(), malformed.get(), rejectedLines.get());
    }
}
