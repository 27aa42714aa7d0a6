package org.hpolink.extract.llm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Finding;
import org.hpolink.extract.llm.MarkedAnswerFormat.Markers;
import org.hpolink.extract.llm.MarkedAnswerFormat.ProposedFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;

/**
 * The conversation the LLM extractor sends: the task and the answer format ({@link MarkedAnswerFormat}), then each
 * example as a question and its answer (the example's key findings, named by their HPO labels), then the question.
 * The fine-tuning export writes the same messages, so a tuned model sees what it was trained on.
 */
public final class LlmPrompt {

    static final String TASK = """
            You read one observation of a clinical dysmorphology examination, often with its organ-system header \
            (EYES: ...), and give its key findings: the abnormal phenotypes it states, each a term of the Human \
            Phenotype Ontology (HPO). Normal or absent findings ("normal toes", "palate intact", "no clubbing") are \
            not key findings.
            Answer with one line for each key finding: the whole text copied exactly, with the words that name the \
            finding enclosed in [ and ] (a finding may take several separate pieces, and may take words of the \
            header, as in "[EARS]: [low set]"), then " => " and the name of the HPO term. When the text holds [ or ], \
            enclose the words in \u27E6 and \u27E7 instead. Answer NONE when the text states no key finding. Write \
            nothing else.""";

    private final Function<HpoId, String> labels;

    /** @param labels the HPO label of an id, for the examples' answers */
    public LlmPrompt(Function<HpoId, String> labels) {
        this.labels = labels;
    }

    /** The messages asking for the key findings of {@code observation}, after {@code examples}. */
    public List<ChatMessage> messages(Observation observation, List<AnnotatedObservation> examples) {
        List<ChatMessage> messages = new ArrayList<>(2 + 2 * examples.size());
        messages.add(ChatMessage.system(TASK));
        for (AnnotatedObservation example : examples) {
            if (Markers.forText(example.text()).isPresent()) {
                messages.add(question(example.observation()));
                messages.add(ChatMessage.assistant(answer(example)));
            }
        }
        messages.add(question(observation));
        return messages;
    }

    /** The answer the format gives for {@code example}'s key findings, as the examples and the fine-tuning data show it. */
    public String answer(AnnotatedObservation example) {
        List<ProposedFinding> findings = new ArrayList<>();
        for (Finding finding : example.keyFindings()) {
            findings.add(new ProposedFinding(finding.span(), labels.apply(finding.id())));
        }
        return MarkedAnswerFormat.answer(example.text(), findings);
    }

    private static ChatMessage question(Observation observation) {
        return ChatMessage.user(observation.text());
    }
}
