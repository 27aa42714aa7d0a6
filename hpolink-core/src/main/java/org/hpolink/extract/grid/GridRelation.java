package org.hpolink.extract.grid;

import org.hpolink.corpus.FindingStatus;

/**
 * The relation of a word pair in W2NER's grid (Li et al., AAAI 2022). Above the diagonal, cell (i, j) with i < j
 * says word j follows word i in a mention (NNW, next neighbouring word); on and below it, cell (tail, head) closes a
 * mention from its head word to its tail word and gives its type (THW, tail-head word).
 */
public enum GridRelation {
    NONE,
    NEXT_WORD,
    TAIL_HEAD_KEY,
    TAIL_HEAD_NORMAL;

    /** The tail-head relation of a mention of this status. */
    public static GridRelation tailHead(FindingStatus status) {
        return status == FindingStatus.KEY ? TAIL_HEAD_KEY : TAIL_HEAD_NORMAL;
    }

    /** The status of the mentions a tail-head relation closes. */
    public FindingStatus status() {
        return switch (this) {
            case TAIL_HEAD_KEY -> FindingStatus.KEY;
            case TAIL_HEAD_NORMAL -> FindingStatus.NORMAL;
            default -> throw new IllegalStateException(this + " closes no mention");
        };
    }
}
