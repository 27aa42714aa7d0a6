package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Span;

/**
 * Adds the finding a growth measurement states by its centile or SD score, as notes write them: {@code OFC 42 cm
 * (<3rd %ile)} is Microcephaly, {@code height above the 97th centile} Tall stature, {@code weight -2.5 SD} Decreased
 * body weight. Below the 5th centile (or at the 2nd or lower) and 2 SD under the mean are low; above the 95th (or at
 * the 98th or higher) and 2 SD over it are high; anything between states no finding. The span runs from the measure
 * to its centile. For prose (the notes profile): BC8's observations are annotated by their words alone.
 */
public final class GrowthCentileFilter implements FindingFilter {

    public static final String SOURCE = "growth centile";

    private enum Measure {
        HEAD("HP:0000252", "HP:0000256"), HEIGHT("HP:0004322", "HP:0000098"), WEIGHT("HP:0004325", "HP:0004324");

        private final String low;
        private final String high;

        Measure(String low, String high) {
            this.low = low;
            this.high = high;
        }

        static Measure of(String word) {
            String w = word.toLowerCase(Locale.ROOT);
            if (w.equals("ht") || w.equals("height") || w.equals("length") || w.equals("stature")) {
                return HEIGHT;
            }
            return w.equals("wt") || w.endsWith("weight") ? WEIGHT : HEAD;
        }
    }

    private static final Pattern MEASURE = Pattern.compile("(?i)\\b(OFC|FOC|HC|head circumference|occipito-?frontal (?:head )?circumference"
            + "|height|length|stature|ht|body weight|weight|wt)\\b");
    private static final String BELOW = "<|\u2264|<=|below|under|less than|lower than";
    private static final String ABOVE = ">|\u2265|>=|above|over|greater than|higher than";
    private static final String MINUS = "[-\u2212\u2013]";
    /**
     * What follows a measure: a few words or a value within its sentence, then a centile with
     * an optional comparison ({@code <3rd %ile}, {@code below the 5th centile}) or an SD score ({@code -2.5 SD},
     * {@code < -2 SD}, {@code 3 SD below the mean}).
     */
    private static final Pattern STATEMENT = Pattern.compile("(?i)(?:[^.;\\n]|\\.(?=\\d)){0,40}?(?<value>"
            + "(?:(?:(?<below>" + BELOW + ")|(?<above>" + ABOVE + "))\\s*)?"
            + "(?:(?:the\\s+)?(?<centile>\\d{1,2}(?:\\.\\d)?)(?:st|nd|rd|th)?\\s*(?:%ile|percentile|centile)"
            + "|(?<score>(?:" + MINUS + "|\\+)?\\s?\\d(?:\\.\\d+)?)\\s*(?:SDS?|S\\.D\\.|standard deviations?)"
            + "(?:\\s+(?<side>below|above|under|over)(?:\\s+the\\s+mean)?)?))(?![\\w%])");
    /**
     * A statement names its unit with one of these, in any case: a text that holds none (most windows) is not
     * searched for measures at all.
     */
    private static final List<String> UNITS = List.of("centile", "%ile", "sd", "s.d.", "standard deviation");
    /** How far after a measure its centile is looked for: a value, its unit and a few words. */
    private static final int LOOK_AHEAD = 80;

    private final Hpo hpo;

    /** @param hpo the release whose primary ids the findings take */
    public GrowthCentileFilter(Hpo hpo) {
        this.hpo = hpo;
    }

    @Override
    public List<ScoredFinding> apply(Observation observation, List<ScoredFinding> findings) {
        String text = observation.text();
        String lowerCase = text.toLowerCase(Locale.ROOT);
        if (UNITS.stream().noneMatch(lowerCase::contains)) {
            return findings;
        }
        List<ScoredFinding> out = new ArrayList<>(findings);
        Matcher measure = MEASURE.matcher(text);
        while (measure.find()) {
            Matcher statement = STATEMENT.matcher(text).region(measure.end(), Math.min(text.length(), measure.end() + LOOK_AHEAD));
            if (!statement.lookingAt() || givesAnotherMeasuresValue(text.substring(measure.end(), statement.start("value")))) {
                continue;
            }
            Optional<Boolean> low = lowOrHigh(statement);
            if (low.isEmpty()) {
                continue;
            }
            Measure kind = Measure.of(measure.group(1));
            HpoId named = HpoId.of(low.get() ? kind.low : kind.high);
            HpoId id = hpo.primaryId(named).orElseThrow(() -> new IllegalStateException(named + " is not in HPO " + hpo.release()));
            out.add(new ScoredFinding(Finding.key(id, Span.of(measure.start(), statement.end())), 1.0, SOURCE));
        }
        return out;
    }

    /**
     * Whether the words before the centile name another measure with a value of its own ({@code weight 20 kg, height
     * <3rd centile}); a list of measures sharing one centile ({@code OFC and height below the 3rd centile}) has none.
     */
    private static boolean givesAnotherMeasuresValue(String between) {
        return MEASURE.matcher(between).find() && between.chars().anyMatch(Character::isDigit);
    }

    /** True for a low measure, false for a high one, empty for one in the usual range or a comparison it cannot read. */
    private static Optional<Boolean> lowOrHigh(Matcher statement) {
        boolean below = statement.group("below") != null;
        boolean above = statement.group("above") != null;
        if (statement.group("centile") != null) {
            double centile = Double.parseDouble(statement.group("centile"));
            if (below ? centile <= 5 : !above && centile <= 2) {
                return Optional.of(true);
            }
            return above ? centile >= 95 ? Optional.of(false) : Optional.empty()
                    : !below && centile >= 98 ? Optional.of(false) : Optional.empty();
        }
        String written = statement.group("score").replaceAll("\\s", "");
        double score = Double.parseDouble(written.replaceAll("^" + MINUS, "-").replace("+", ""));
        String side = statement.group("side");
        if (side != null) {
            score = side.equalsIgnoreCase("below") || side.equalsIgnoreCase("under") ? -Math.abs(score) : Math.abs(score);
        } else if (score > 0 && !written.startsWith("+")) {
            return Optional.empty(); // "2 SD" says no side
        }
        if (score <= -2 && !above) {
            return Optional.of(true);
        }
        return score >= 2 && !below ? Optional.of(false) : Optional.empty();
    }
}
