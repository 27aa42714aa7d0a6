package org.hpolink.corpus;

import java.util.HashSet;
import java.util.Set;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoGraph;
import org.hpolink.ontology.HpoId;

/**
 * The ids hpolink may output: the phenotypic abnormalities (the HP:0000118 subtree), plus whatever else the
 * annotators of a training corpus used (mapped to primary ids). The organisers' list of terms that cannot be seen
 * in an examination was never published; this is derived from the ontology and the data instead.
 */
public final class ObservableIds {

    private ObservableIds() {
    }

    public static Set<HpoId> of(Corpus training, Hpo hpo) {
        Set<HpoId> ids = new HashSet<>(HpoGraph.subtree(hpo, HpoId.PHENOTYPIC_ABNORMALITY));
        for (AnnotatedObservation o : training.observations()) {
            for (Finding f : o.keyFindings()) {
                ids.add(primary(hpo, f.id()));
            }
        }
        return ids;
    }

    /** The primary id of {@code id} in {@code hpo}, or {@code id} itself when the release cannot resolve it. */
    public static HpoId primary(Hpo hpo, HpoId id) {
        return hpo.primaryId(id).orElse(id);
    }
}
