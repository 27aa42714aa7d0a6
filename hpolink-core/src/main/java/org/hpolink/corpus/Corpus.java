package org.hpolink.corpus;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
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

    public int size() {
        return observations.size();
    }

    /** The observations as a pipeline reads them, without their annotations, in file order. */
    public List<Observation> withoutAnnotations() {
        return observations.stream().map(AnnotatedObservation::observation).toList();
    }
}
