package org.hpolink.eval;

/** What went wrong in one row of an alignment report, for error analysis. */
public enum ErrorKind {
    /** Right id, the gold mention borrows the section header and the prediction does not. */
    MISSED_HEADER_SEGMENT("right id, header segment missing"),
    /** Right id, the prediction borrows the header and the gold mention does not. */
    EXTRA_HEADER_SEGMENT("right id, header segment added"),
    /** Right id, discontinuous gold mention predicted otherwise. */
    DISCONTINUITY("right id, discontinuous gold span predicted otherwise"),
    /** Right id, the prediction covers the gold span and more. */
    SPAN_TOO_LONG("right id, span too long"),
    /** Right id, the prediction covers part of the gold span only. */
    SPAN_TOO_SHORT("right id, span too short"),
    /** Right id, spans overlap but neither holds the other. */
    SPAN_SHIFTED("right id, span shifted"),
    /** Right id found elsewhere in the observation (spans do not overlap). */
    ID_ELSEWHERE("right id, other place"),
    /** A gold key finding whose span a prediction with another id overlaps. */
    WRONG_ID("wrong id (gold side)"),
    /** A prediction overlapping a gold key finding of another id. */
    WRONG_ID_PREDICTION("wrong id (prediction side)"),
    /** A gold key finding no prediction overlaps. */
    MISSED("missed finding"),
    /** A gold discontinuous key finding no prediction overlaps. */
    MISSED_DISCONTINUOUS("missed discontinuous finding"),
    /** A prediction overlapping a gold key finding of its own id that another prediction already matched. */
    DUPLICATE("repeated prediction of a matched finding"),
    /** A prediction overlapping a normal (X) gold finding. */
    NORMAL_FINDING_OUTPUT("normal finding output"),
    /** A prediction overlapping no gold finding. */
    SPURIOUS("spurious finding");

    private final String description;

    ErrorKind(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
