package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SeverityTerms;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;

/**
 * A finding said at a severity becomes the term at that severity where HPO has one: {@code moderate intellectual
 * disability} is HP:0002342 <i>Intellectual disability, moderate</i>, not HP:0001249, and its span takes the severity
 * word in. A range ({@code mild-to-severe}) names its first severity, as the GeneReviews annotators read it; a finding
 * already at the range's last severity ({@code severe intellectual disability} inside {@code mild-to-severe ...}) is
 * moved to the first. For prose (the notes profile): BC8's annotators keep the general term.
 */
public final class SeverityFilter implements FindingFilter {

    private static final String SEVERITY = "(" + String.join("|", SeverityTerms.SEVERITIES) + ")";
    /** What joins the two ends of a range: {@code mild-to-moderate}, {@code mild to severe}, {@code moderate-severe}. */
    private static final String RANGE_JOIN = "(?:[\\s\u2013-]*\\b(?:to|or)\\b[\\s\u2013-]*|\\s*[\u2013-]\\s*)";
    /** A severity, or a range of two, right before a general finding. */
    private static final Pattern BEFORE_GENERAL = Pattern.compile("(?i)\\b" + SEVERITY + "(?:" + RANGE_JOIN + SEVERITY + ")?[\\s-]+$");
    /** The start of a range right before a finding that begins with its own severity word. */
    private static final Pattern RANGE_BEFORE = Pattern.compile("(?i)\\b" + SEVERITY + RANGE_JOIN + "$");
    private static final Pattern LEADING_SEVERITY = Pattern.compile("(?i)" + SEVERITY + "\\b");
    /**
     * A severity said of a general finding after it: {@code intellectual disability is usually moderate},
     * {@code the hearing loss was severe}, {@code intellectual disability ranges from mild to severe}. The finding's
     * span runs on to the severity.
     */
    private static final Pattern AFTER_GENERAL = Pattern.compile("(?i)\\s+(?:(?:is|was|are|were)|range[sd]?\\s+from)\\s+"
            + "(?:(?:usually|often|typically|generally|mostly|very|quite|always)\\s+)?" + SEVERITY + "\\b");
    /** How far back a severity is looked for: a range of two of the longest words and what joins them. */
    private static final int LOOK_BACK = 32;

    private final SeverityTerms terms;

    public SeverityFilter(SeverityTerms terms) {
        this.terms = terms;
    }

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        Set<ScoredFinding> kept = new LinkedHashSet<>();
        for (ScoredFinding scored : findings) {
            kept.add(refined(observation.text(), scored.finding()).map(scored::with).orElse(scored));
        }
        return new ArrayList<>(kept);
    }

    private Optional<Finding> refined(String text, Finding finding) {
        Optional<HpoId> general = terms.generalOf(finding.id());
        if (general.isEmpty() && !terms.hasSeverities(finding.id())) {
            return Optional.empty();
        }
        // The severity comes before a segment: the first one, or the phrase after a section header lent to it.
        for (Segment segment : finding.span().segments()) {
            String before = text.substring(Math.max(0, segment.start() - LOOK_BACK), segment.start());
            Matcher severity;
            if (general.isPresent()) {
                boolean ownSeverity = LEADING_SEVERITY.matcher(text).region(segment.start(), segment.end()).lookingAt();
                severity = RANGE_BEFORE.matcher(before);
                if (!ownSeverity || !severity.find()) {
                    continue;
                }
            } else {
                severity = BEFORE_GENERAL.matcher(before);
                if (!severity.find()) {
                    continue;
                }
            }
            int phraseStart = segment.start() - before.length() + severity.start();
            return terms.atSeverity(general.orElse(finding.id()), severity.group(1))
                    .map(id -> new Finding(id, widened(finding.span(), segment, phraseStart), finding.status()));
        }
        Matcher after = AFTER_GENERAL.matcher(text).region(finding.span().end(), text.length());
        if (general.isEmpty() && after.lookingAt()) {
            List<Segment> segments = new ArrayList<>(finding.span().segments());
            Segment last = segments.remove(segments.size() - 1);
            segments.add(new Segment(last.start(), after.end(1))); // as prose's annotators mark it, words between included
            return terms.atSeverity(finding.id(), after.group(1)).map(id -> new Finding(id, Span.covering(segments), finding.status()));
        }
        return Optional.empty();
    }

    /** {@code span} with {@code segment} starting at {@code start} instead. */
    private static Span widened(Span span, Segment segment, int start) {
        List<Segment> segments = new ArrayList<>(span.segments());
        segments.set(segments.indexOf(segment), new Segment(start, segment.end()));
        return Span.covering(segments);
    }
}
