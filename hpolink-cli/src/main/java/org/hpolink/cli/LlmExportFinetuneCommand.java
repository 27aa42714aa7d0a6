package org.hpolink.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Fold;
import org.hpolink.extract.llm.ChatMessage;
import org.hpolink.extract.llm.FewShotExamples;
import org.hpolink.extract.llm.LlmPrompt;
import org.hpolink.extract.llm.LlmSettings;
import org.hpolink.extract.llm.MarkedAnswerFormat;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Term;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hpolink llm export-finetune}: the training observations as chat fine-tuning examples, each the conversation
 * the LLM extractor sends (task, few-shot examples, the observation) and the answer it parses.
 */
@Command(
        name = "export-finetune",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        description = {
            "Write the training observations as chat fine-tuning examples in the OpenAI JSON Lines format "
                    + "({\"messages\": [...]} a line): the prompt exactly as the LLM extractor writes it (the task, the "
                    + "--llm-examples most similar other training observations, the observation) and, as the assistant's "
                    + "message, the answer it parses (each key finding's words marked, then its HPO label; NONE for none).",
            "With --cv K --fold N, only the training part of that fold of a K-fold split (the same split as evaluate --cv "
                    + "with the same --seed), so that a model tuned on it can be evaluated on the fold's test part."
        })
final class LlmExportFinetuneCommand implements Callable<Integer> {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Write the examples to FILE (replaced if it exists).")
    private Path out;

    @Option(names = "--cv", paramLabel = "K", description = "Split the data into K folds (with --fold).")
    private Integer folds;

    @Option(names = "--fold", paramLabel = "N", description = "Export the training part of fold N, 1 to K (with --cv).")
    private Integer fold;

    @Option(names = "--seed", paramLabel = "S", description = "The seed of the fold split (default: ${DEFAULT-VALUE}, as evaluate --cv).")
    private long seed = 17;

    @Option(names = "--llm-examples", paramLabel = "N",
            description = "Few-shot examples in each prompt, as --llm-examples of the extractor (default: ${DEFAULT-VALUE}).")
    private int examples = LlmSettings.DEFAULT_EXAMPLES;

    @Mixin
    private HpoOption hpo;

    @Mixin
    private TrainingDataOption data;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if ((folds == null) != (fold == null)) {
            throw new ParameterException(spec.commandLine(), "--cv and --fold go together");
        }
        if (folds != null && (folds < 2 || fold < 1 || fold > folds)) {
            throw new ParameterException(spec.commandLine(), "--cv " + folds + " --fold " + fold + ": expected K at least 2 and N from 1 to K");
        }
        OptionChecks.requireAtLeast(spec, "--llm-examples", examples, 0);
        Hpo ontology = hpo.read();
        Corpus corpus = data.read(ontology);
        Corpus exported = folds == null ? corpus : Fold.split(corpus, folds, seed).get(fold - 1).train();
        LlmPrompt prompt = new LlmPrompt(id -> ontology.term(id).map(Term::label).orElse(id.toString()));
        FewShotExamples similar = new FewShotExamples(exported.observations(), examples);
        int written = 0;
        int skipped = 0;
        try (AnnotationOutput output = AnnotationOutput.file(out)) {
            for (AnnotatedObservation observation : exported.observations()) {
                if (MarkedAnswerFormat.Markers.forText(observation.text()).isEmpty()) {
                    skipped++; // holds both kinds of markers: its findings cannot be written
                    continue;
                }
                List<ChatMessage> messages = prompt.messages(observation.observation(), similar.similarTo(observation.observation()));
                ObjectNode line = JSON.createObjectNode();
                ArrayNode array = line.putArray("messages");
                for (ChatMessage message : messages) {
                    array.addObject().put("role", message.role()).put("content", message.content());
                }
                array.addObject().put("role", "assistant").put("content", prompt.answer(observation));
                output.writer().write(line.toString());
                output.writer().write('\n');
                written++;
            }
            output.commit();
        }
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.printf(Locale.ROOT, "%s: %,d fine-tuning examples%s%s%n", out, written,
                folds == null ? "" : " (training part of fold " + fold + " of " + folds + ", seed " + seed + ")",
                skipped == 0 ? "" : String.format(Locale.ROOT, "; %,d observations left out, their text holding both [ ] and \u27E6 \u27E7", skipped));
        stdout.flush();
        return 0;
    }
}
