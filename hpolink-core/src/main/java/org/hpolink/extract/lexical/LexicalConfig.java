package org.hpolink.extract.lexical;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/**
 * What the lexical trainer learns and how the extractor matches; every field has a documented default
 * ({@link #defaults()}), chosen by 5-fold cross-validation on the BC8 training file (docs/RESULTS.md).
 *
 * @param useRelatedSynonyms       add HPO related synonyms to the dictionary (exact synonyms and labels always are)
 * @param proseNames               add names as prose writes them: for each HPO name with a generic noun of abnormality
 *                                 ("Neurologic abnormalities") its variants with the others ("neurologic involvement",
 *                                 "neurologic disorders"), HPO's broad synonyms, mostly plain descriptions ("Aortic
 *                                 root dilatation", "Absent reflexes")
 * @param maxWindowTokens          longest token window looked up in the dictionary
 * @param maxKeyWords              most content words in a dictionary key
 * @param modifierMinCount         a word becomes a modifier (left out of keys and spans, like "mild") when seen at least
 *                                 this often right before an annotated finding ...
 * @param modifierInsideRatio      ... and inside annotated spans less than this fraction as often
 * @param typoMinLength            words this long or longer are corrected to the one dictionary word one edit away
 * @param fillerMinCount           a word becomes a filler (may be skipped inside a window) when training mentions showed it
 *                                 this often as the one word beyond an HPO name
 * @param negationWindow           words before a mention searched for a negation cue ("no", "normal")
 * @param postNegationWindow       words after a mention searched for a post cue ("intact")
 * @param negationMinCount         a cue must occur this often around normal findings ...
 * @param negationRatio            ... and this many times more often than around key findings
 * @param coordination           let coordinated nouns share their modifiers ("long fingers and toes" -> "long | toes")
 *                                 and stacked modifiers their noun ("long flat philtrum" -> "long | philtrum")
 * @param entryMinPrecision        dictionary entries whose matches on the training texts are right less often than this are
 *                                 dropped
 * @param seed                     seed of any randomness (none is used by the lexical trainer; kept for provenance)
 */
public record LexicalConfig(
        boolean useRelatedSynonyms,
        boolean proseNames,
        int maxWindowTokens,
        int maxKeyWords,
        int modifierMinCount,
        double modifierInsideRatio,
        int typoMinLength,
        int fillerMinCount,
        int negationWindow,
        int postNegationWindow,
        int negationMinCount,
        double negationRatio,
        boolean coordination,
        double entryMinPrecision,
        long seed) {

    public LexicalConfig {
        requirePositive("maxWindowTokens", maxWindowTokens);
        requirePositive("maxKeyWords", maxKeyWords);
        requirePositive("modifierMinCount", modifierMinCount);
        requirePositive("typoMinLength", typoMinLength);
        requirePositive("fillerMinCount", fillerMinCount);
        requirePositive("negationMinCount", negationMinCount);
        if (negationWindow < 0 || postNegationWindow < 0) {
            throw new IllegalArgumentException("negation windows must not be negative");
        }
        // Written so that NaN fails too.
        if (!(entryMinPrecision >= 0 && entryMinPrecision <= 1 && modifierInsideRatio >= 0 && negationRatio >= 0)) {
            throw new IllegalArgumentException("entryMinPrecision must be in [0, 1]; ratios must not be negative");
        }
    }

    /** Every field by name and the trainer's {@link LexicalTrainer#REVISION}, for a model's provenance. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> asMap() {
        Map<String, Object> map = new ObjectMapper().convertValue(this, Map.class);
        map.put("trainerRevision", LexicalTrainer.REVISION);
        return map;
    }

    public static LexicalConfig defaults() {
        return new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L);
    }

    public LexicalConfig withRelatedSynonyms(boolean related) {
        return new LexicalConfig(related, proseNames, maxWindowTokens, maxKeyWords, modifierMinCount, modifierInsideRatio, typoMinLength,
                fillerMinCount, negationWindow, postNegationWindow, negationMinCount, negationRatio, coordination, entryMinPrecision, seed);
    }

    public LexicalConfig withEntryMinPrecision(double minPrecision) {
        return new LexicalConfig(useRelatedSynonyms, proseNames, maxWindowTokens, maxKeyWords, modifierMinCount, modifierInsideRatio,
                typoMinLength, fillerMinCount, negationWindow, postNegationWindow, negationMinCount, negationRatio, coordination, minPrecision, seed);
    }

    public LexicalConfig withProseNames(boolean prose) {
        return new LexicalConfig(useRelatedSynonyms, prose, maxWindowTokens, maxKeyWords, modifierMinCount, modifierInsideRatio,
                typoMinLength, fillerMinCount, negationWindow, postNegationWindow, negationMinCount, negationRatio, coordination, entryMinPrecision,
                seed);
    }

    private static void requirePositive(String name, int value) {
        if (value <= 0) {
            throw new IllegalArgumentException(name + " must be positive, was " + value);
        }
    }
}
