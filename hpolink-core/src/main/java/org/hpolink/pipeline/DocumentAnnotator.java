package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.hpolink.assertion.Assertion;
import org.hpolink.assertion.AssertionAnnotator;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.Term;
import org.hpolink.text.Document;
import org.hpolink.text.DocumentSegmenter;
import org.hpolink.text.SegmentedDocument;
import org.hpolink.text.Span;
import org.hpolink.text.Window;

/**
 * Annotates whole documents with a pipeline made for observations: each document is cut into bounded windows
 * ({@link DocumentSegmenter}), the windows of all the documents given go to the pipeline together, and their findings
 * are mapped back to offsets into the documents. Time and memory grow linearly with a document's length. Thread-safe
 * when the pipeline is.
 */
public final class DocumentAnnotator {

    private final Pipeline pipeline;
    private final DocumentSegmenter segmenter;
    private final Hpo hpo;
    private final Optional<AssertionAnnotator> assertions;
    private final List<FindingFilter> filters;
    private final boolean readsDefinedAbbreviations;
    private final Workers workers;

    /**
     * @param hpo     the release the pipeline's ids are primary ids of, for their labels
     * @param profile how a document is cut into windows ({@link Profile#segmenter}), what is done to the pipeline's
     *                findings in it ({@link Profile#documentFilters}, {@link Profile#readsDefinedAbbreviations}), and
     *                whether the findings found present are asked what the document asserts of them
     * @param workers who cuts each document into windows and puts its findings together: the pipeline's own threads,
     *                when it has them (on one thread, these steps took longer than the lexical model on two on notes)
     */
    public DocumentAnnotator(Pipeline pipeline, Hpo hpo, Profile profile, Workers workers) {
        this.pipeline = pipeline;
        this.segmenter = profile.segmenter();
        this.hpo = hpo;
        this.assertions = profile.assertions();
        this.filters = profile.documentFilters(hpo);
        this.readsDefinedAbbreviations = profile.readsDefinedAbbreviations();
        this.workers = workers;
    }

    /** Each document's steps around the pipeline on the calling thread. */
    public DocumentAnnotator(Pipeline pipeline, Hpo hpo, Profile profile) {
        this(pipeline, hpo, profile, Workers.SEQUENTIAL);
    }

    /** The findings of each document, in the order given. */
    public List<AnnotatedDocument> annotate(List<Document> documents) {
        List<SegmentedDocument> segmented = workers.map(documents, segmenter::segment);
        List<Window> windows = segmented.stream().flatMap(s -> s.windows().stream()).toList();
        List<List<ScoredFinding>> found = pipeline.annotateScored(windows.stream().map(Window::observation).toList());
        List<WindowFindings> byDocument = new ArrayList<>(segmented.size());
        int from = 0;
        for (SegmentedDocument document : segmented) {
            int to = from + document.windows().size();
            byDocument.add(new WindowFindings(document, found.subList(from, to)));
            from = to;
        }
        return workers.map(byDocument, this::annotated);
    }

    /** A document with the pipeline's findings of each of its windows. */
    private record WindowFindings(SegmentedDocument document, List<List<ScoredFinding>> byWindow) {
    }

    private AnnotatedDocument annotated(WindowFindings found) {
        SegmentedDocument document = found.document();
        List<ScoredFinding> scoredFindings = new ArrayList<>();
        List<Span> spans = new ArrayList<>();
        for (int w = 0; w < document.windows().size(); w++) {
            Window window = document.windows().get(w);
            List<ScoredFinding> windowFindings = found.byWindow().get(w);
            for (FindingFilter filter : filters) {
                windowFindings = filter.apply(window.observation(), windowFindings);
            }
            for (ScoredFinding scored : windowFindings) {
                // A mention covers tokens, never only the space a lent header is joined by, so it always maps back.
                spans.add(window.offsets().toSource(scored.finding().span()).orElseThrow(() -> new IllegalStateException(
                        "window " + window.observation().id() + ": the finding at " + scored.finding().span() + " covers no character of the document")));
                scoredFindings.add(scored);
            }
        }
        Optional<AssertionAnnotator.DocumentAssertions> asserted = assertions.map(a -> a.forDocument(document, spans));
        List<DocumentFinding> findings = new ArrayList<>(scoredFindings.size());
        for (int f = 0; f < scoredFindings.size(); f++) {
            findings.add(documentFinding(scoredFindings.get(f), spans.get(f), asserted));
        }
        if (readsDefinedAbbreviations) {
            findings = new ArrayList<>(DefinedAbbreviations.apply(document.document().text(), findings));
        }
        findings.sort(Comparator.comparing(DocumentFinding::span).thenComparing(DocumentFinding::id).thenComparing(DocumentFinding::assertion));
        return new AnnotatedDocument(document.document(), findings);
    }

    private DocumentFinding documentFinding(ScoredFinding scored, Span span, Optional<AssertionAnnotator.DocumentAssertions> asserted) {
        Finding finding = scored.finding();
        String label = hpo.term(finding.id()).map(Term::label).orElseThrow(() -> new IllegalStateException(
                finding.id() + " is not in HPO " + hpo.release() + ": the pipeline gives primary ids of the release in use"));
        Assertion assertion = !finding.isKey() ? Assertion.NEGATED
                : asserted.map(a -> a.assertionOf(span)).orElse(Assertion.PRESENT);
        return new DocumentFinding(finding.id(), label, span, assertion, scored.score(), scored.source());
    }

}
