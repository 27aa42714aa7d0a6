package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.hpolink.corpus.Bc8CorpusReader;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.extract.llm.CachingChatClient;
import org.hpolink.extract.llm.ChatClient;
import org.hpolink.extract.llm.FewShotExamples;
import org.hpolink.extract.llm.LlmMentionExtractor;
import org.hpolink.extract.llm.LlmPrompt;
import org.hpolink.extract.llm.LlmSettings;
import org.hpolink.extract.llm.OpenAiChatClient;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Term;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The options of the LLM extractor ({@code --model llm} and {@code lexical+llm}): the endpoint and model, the few-shot
 * examples (from the data folder's training file), limits, and the answer cache. The key is read from
 * {@code HPOLINK_LLM_API_KEY} only, never from the command line.
 */
final class LlmOption {

    /** The environment variable holding the endpoint's key. */
    static final String API_KEY_VARIABLE = "HPOLINK_LLM_API_KEY";
    /** The environment variable naming the answer cache's folder. */
    static final String CACHE_VARIABLE = "HPOLINK_LLM_CACHE";

    @Option(names = "--llm-endpoint", paramLabel = "URL",
            description = "With --model llm or lexical+llm: the base URL of an OpenAI-compatible API (vLLM, llama.cpp, Ollama: "
                    + "http://127.0.0.1:8000/v1 or the like); each observation's text is sent there. Only this machine and "
                    + "private networks are allowed unless --llm-allow-remote is given. The key, if the endpoint needs one, "
                    + "is read from " + API_KEY_VARIABLE + ".")
    private URI endpoint;

    @Option(names = "--llm-model", paramLabel = "NAME", description = "The model the endpoint serves.")
    private String model;

    @Option(names = "--llm-allow-remote",
            description = "Allow an endpoint outside this machine and its private network: patient text leaves the network.")
    private boolean allowRemote;

    @Option(names = "--llm-examples", paramLabel = "N",
            description = "Few-shot examples a prompt shows, the training observations most like the one asked about "
                    + "(default: ${DEFAULT-VALUE}).")
    private int examples = LlmSettings.DEFAULT_EXAMPLES;

    @Option(names = "--llm-concurrency", paramLabel = "N", description = "Requests in flight at once (default: ${DEFAULT-VALUE}).")
    private int concurrency = 4;

    @Option(names = "--llm-timeout", paramLabel = "SECONDS",
            description = "The longest wait for one answer; a request not answered, or answered 429 or 5xx, is tried up "
                    + "to 5 times, waiting longer each time (default: ${DEFAULT-VALUE}).")
    private int timeoutSeconds = 120;

    @Option(names = "--llm-cache", paramLabel = "DIR",
            description = "Keep the answers in DIR, so that a repeated run asks nothing (default: $" + CACHE_VARIABLE
                    + " or ~/.cache/hpolink/llm).")
    private Path cache;

    @Option(names = "--llm-cache-only",
            description = "Answer from the cache alone and never reach the endpoint; a question it does not hold is an error.")
    private boolean cacheOnly;

    @Spec(Spec.Target.MIXEE)
    private CommandSpec command;

    /** Whether any of these options was given. */
    boolean isSet() {
        return command.commandLine().getParseResult().matchedOptions().stream().anyMatch(o -> o.longestName().startsWith("--llm-"));
    }

    /**
     * The LLM extractor these options describe, its examples drawn from {@code trainFile}.
     *
     * @throws ParameterException when the endpoint or the model is missing, or a setting is out of range
     */
    LlmMentionExtractor extractor(Hpo hpo, Path trainFile) throws IOException {
        ChatClient client = client();
        return extractor(client, hpo, new Bc8CorpusReader(hpo::isKnown).read(trainFile).observations());
    }

    /** The LLM extractor these options describe, asking {@code client} (from {@link #client()}), its examples from {@code pool}. */
    LlmMentionExtractor extractor(ChatClient client, Hpo hpo, List<AnnotatedObservation> pool) {
        LlmPrompt prompt = new LlmPrompt(id -> hpo.term(id).map(Term::label).orElse(id.toString()));
        return new LlmMentionExtractor(client, prompt, new FewShotExamples(pool, examples), concurrency);
    }

    /**
     * The client these options describe: the endpoint behind the answer cache, or the cache alone.
     *
     * @throws ParameterException when the endpoint or the model is missing, a setting is out of range, or the endpoint
     *                            is remote and not allowed
     */
    ChatClient client() {
        if (endpoint == null || model == null) {
            throw new ParameterException(command.commandLine(), "the LLM extractor needs --llm-endpoint URL and --llm-model NAME");
        }
        LlmSettings settings;
        try {
            settings = LlmSettings.of(endpoint, model).withExamples(examples).withMaxConcurrent(concurrency)
                    .withTimeout(Duration.ofSeconds(timeoutSeconds)).withAllowRemote(allowRemote);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(command.commandLine(), e.getMessage());
        }
        HpolinkCommand root = HpolinkCommand.of(command);
        Path folder = cache != null ? cache : root.environmentVariable(CACHE_VARIABLE).map(Path::of)
                .orElse(DataLocation.userHome().resolve(".cache").resolve("hpolink").resolve("llm"));
        CachingChatClient client;
        if (cacheOnly) {
            client = CachingChatClient.replaying(folder, settings.answerKey());
        } else {
            try {
                client = CachingChatClient.caching(new OpenAiChatClient(settings, root.environmentVariable(API_KEY_VARIABLE)), folder,
                        settings.answerKey());
            } catch (IllegalArgumentException e) {
                throw new ParameterException(command.commandLine(), e.getMessage());
            }
        }
        return client;
    }

    /** A line for stderr on what the LLM's answers held. */
    static String summary(LlmMentionExtractor.Stats stats) {
        return String.format(Locale.ROOT, "hpolink: LLM answers: %,d, of which %,d could not be read; %,d lines of the others "
                + "rejected (text not the question's, or nothing marked)", stats.answers(), stats.malformedAnswers(), stats.rejectedLines());
    }

    /** Prints {@link #summary} to the command's stderr; for the pipeline's resources, so that it comes at the end. */
    AutoCloseable reportOnClose(LlmMentionExtractor extractor) {
        PrintWriter err = command.commandLine().getErr();
        return () -> {
            err.println(summary(extractor.stats()));
            err.flush();
        };
    }
}
