package org.hpolink.ontology;

/** How a synonym's meaning relates to its term's label, as the obographs synonym predicates say. */
public enum SynonymScope {
    /** Means the same as the label ({@code hasExactSynonym}). */
    EXACT,
    /** Related in meaning, neither the same nor clearly broader or narrower ({@code hasRelatedSynonym}). */
    RELATED,
    /** Broader than the label ({@code hasBroadSynonym}). */
    BROAD,
    /** Narrower than the label ({@code hasNarrowSynonym}). */
    NARROW
}
