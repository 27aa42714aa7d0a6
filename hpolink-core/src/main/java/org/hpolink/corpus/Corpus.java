package org.hpolink.corpus;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hpolink.model.Sha256;
import org.hpolink.text.Observation;

/**
 * The observations of an annotated BC8 file, in file order, with the name of their source and the SHA-256 of
 * its bytes (for model provenance). Observation ids are unique.
 */
public record Corpus(String source, String sha256, List<AnnotatedObservation> observations) {

    public Corpus {
        observations = List.copyOf(observations);
        Set<String> seen = new HashSet<>();
        for (AnnotatedObservation o : observations) {
            if (!seen.add(o.id())) {
                throw new IllegalArgumentException(source + ": observation " + o.id() + " appears twice");
            }
        }
    }

    /**
     * This corpus and then {@code more}, as one: for training on a curator's corrections beside the training file.
     * Its hash is that of both files' hashes, so a model trained on it tells from which.
     *
     * @throws IllegalArgumentException naming the id when an observation id is in both
     */
    public Corpus with(Corpus more) {
        List<AnnotatedObservation> all = new ArrayList<>(observations);
        all.addAll(more.observations);
        return new Corpus(source + " + " + more.source, Sha256.of((sha256 + "\n" + more.sha256).getBytes(StandardCharsets.UTF_8)), all);
    }

    public int size() {
        return observations.size();
    }

    /** The observations as a pipeline reads them, without their annotations, in file order. */
    public List<Observation> withoutAnnotations() {
        return observations.stream().map(AnnotatedObservation::observation).toList();
    }
}
