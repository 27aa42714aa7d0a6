package org.hpolink.corpus;

import java.io.IOException;
import java.io.Writer;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.hpolink.text.Observation;

/**
 * Writes the official BC8 submission format: the header {@code ObservationID, Text, HPO Term, Spans}, then for
 * each observation its key findings sorted by span then id, or a single {@code NA NA} row when it has none.
 * Normal findings are never written. The output is LF-terminated and reads back with {@link SubmissionReader}.
 * Stateless and thread-safe.
 */
public final class SubmissionWriter {

    public static final String HEADER = "ObservationID\tText\tHPO Term\tSpans";

    /**
     * Writes the header, then the observations in the order given. {@code findings} is asked once per
     * observation, so the findings can be computed as the file is written.
     *
     * @throws IllegalArgumentException as {@link #writeObservation} does
     */
    public void write(Writer out, Iterable<Observation> observations, Function<Observation, ? extends Collection<Finding>> findings)
            throws IOException {
        writeHeader(out);
        for (Observation observation : observations) {
            writeObservation(out, observation, Objects.requireNonNull(findings.apply(observation),
                    () -> "no findings given for observation " + observation.id()));
        }
    }

    public void writeHeader(Writer out) throws IOException {
        out.write(HEADER);
        out.write('\n');
    }

    /**
     * Writes the rows of one observation, all checked before any is written, and each written as it is made (an
     * observation of any length, with any number of findings, takes no more memory than its text).
     *
     * @return the key findings written (0 for an observation written as an NA row)
     * @throws IllegalArgumentException naming the observation if its id or text holds a tab or a line break, if
     *     two of its key findings share a span (resolve that before writing; identical id and span pairs are
     *     written once), or if a span ends past its text
     */
    public int writeObservation(Writer out, Observation observation, Collection<Finding> findings) throws IOException {
        requireOneField(observation, "id", observation.id());
        requireOneField(observation, "text", observation.text());
        List<Finding> keys = Submission.submittedFindings(observation, findings);
        if (keys.isEmpty()) {
            writePrefix(out, observation);
            out.write("NA\tNA\n");
        }
        for (Finding finding : keys) {
            writePrefix(out, observation);
            out.write(finding.id().toString());
            out.write('\t');
            out.write(finding.span().toString());
            out.write('\n');
        }
        return keys.size();
    }

    private static void writePrefix(Writer out, Observation observation) throws IOException {
        out.write(observation.id());
        out.write('\t');
        out.write(observation.text());
        out.write('\t');
    }

    private static void requireOneField(Observation observation, String what, String value) {
        if (value.indexOf('\t') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("the " + what + " of observation " + observation.id()
                    + " holds a tab or a line break: expected a single TSV field");
        }
    }
}
