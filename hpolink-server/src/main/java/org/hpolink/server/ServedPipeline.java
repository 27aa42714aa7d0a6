package org.hpolink.server;

import java.util.List;
import java.util.Objects;
import org.hpolink.model.Provenance;
import org.hpolink.ontology.Hpo;

/**
 * What the service annotates with, loaded once at start: the HPO, the document annotator over the pipeline, the
 * pipeline's description and its models' provenance, and hpolink's version.
 *
 * @param name      the pipeline's name, as {@code --model} gives it ({@code lexical}); a request may name it
 * @param annotator a {@code DocumentAnnotator}'s {@code annotate} over the pipeline
 */
public record ServedPipeline(String name, Hpo hpo, DocumentAnnotating annotator, String description, List<Provenance> models, String hpolinkVersion) {

    public ServedPipeline {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(hpo, "hpo");
        Objects.requireNonNull(annotator, "annotator");
        Objects.requireNonNull(description, "description");
        models = List.copyOf(models);
        Objects.requireNonNull(hpolinkVersion, "hpolinkVersion");
    }
}
