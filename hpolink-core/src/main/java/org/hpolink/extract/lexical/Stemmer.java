package org.hpolink.extract.lexical;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A light English stemmer for clinical words: folds plurals and the -ing/-ed/-ly/-ment/-ness endings so that
 * {@code hooding}, {@code hooded} and {@code hood} meet, and {@code stiffness} and {@code stiff}, and -ical into -ic
 * ({@code stereotypic} hand wringing, HPO's {@code Stereotypical}; {@code neurologic}, {@code neurological}); maps a few
 * irregular forms ({@code feet}) and adjective/noun pairs of pathology ({@code hypoplastic}/{@code hypoplasia}), and
 * writes British spellings the American way ({@code oedema}, {@link #americanSpelling}). It only needs to be
 * consistent: dictionary names and observation text go through the same function.
 */
final class Stemmer {

    private static final Map<String, String> IRREGULAR = Map.ofEntries(
            Map.entry("feet", "foot"), Map.entry("teeth", "tooth"), Map.entry("children", "child"),
            Map.entry("lashes", "lash"), Map.entry("eyelashes", "eyelash"), Map.entry("indices", "index"),
            Map.entry("phalanges", "phalanx"), Map.entry("fontanels", "fontanel"), Map.entry("fontanelles", "fontanel"),
            Map.entry("fontanelle", "fontanel"), Map.entry("hypoplastic", "hypoplasia"), Map.entry("aplastic", "aplasia"),
            Map.entry("dysplastic", "dysplasia"), Map.entry("helices", "helix"), Map.entry("naris", "naris"),
            Map.entry("nares", "naris"), Map.entry("irides", "iris"), Map.entry("nevi", "nevus"), Map.entry("naevi", "nevus"),
            Map.entry("alae", "ala"), Map.entry("pinnae", "pinna"), Map.entry("sclerae", "sclera"), Map.entry("testes", "testis"),
            Map.entry("lentigines", "lentigo"), Map.entry("epiphyses", "epiphysis"), Map.entry("metaphyses", "metaphysis"),
            Map.entry("diaphyses", "diaphysis"), Map.entry("exostoses", "exostosis"), Map.entry("synostoses", "synostosis"),
            Map.entry("ecchymoses", "ecchymosis"), Map.entry("halluces", "hallux"), Map.entry("vertebrae", "vertebra"),
            Map.entry("telangiectases", "telangiectasia"), Map.entry("telangiectasias", "telangiectasia"));

    private static final Pattern BRITISH_OE = Pattern.compile("^oe|(?<=rrh|pn|f)oe(?=a|t)|(?<=^c)oe(?=l)|(?<=hom)oe(?=o)|(?<=man)oe(?=uv)");
    private static final Pattern BRITISH_AE = Pattern.compile("^ae(?=tiol)|(?<=.)ae(?=.)");
    private static final String[] OUR_SUFFIXES = {"", "s", "al", "ally", "ed", "ing"};
    private static final String[] ISE_SUFFIXES = {"e", "ed", "es", "ing", "ation", "ations"};
    private static final String[] YSE_SUFFIXES = {"e", "ed", "es", "ing"};

    /**
     * Endings cut, the first that fits, and the letters each must leave: {@code -ly} four, so {@code early} is no
     * form of {@code ear}; {@code -ment} five, so {@code pigment} is not {@code pig} while {@code impairment} meets
     * {@code impaired}; {@code -ness} four ({@code weakness}, {@code stiffness}); {@code -edly} goes whole
     * ({@code markedly} meets {@code marked}).
     */
    private static final String[] SUFFIXES = {"edly", "ment", "ness", "ing", "ed", "ly"};
    private static final int[] SUFFIX_MIN_STEMS = {3, 5, 4, 3, 3, 4};

    private Stemmer() {
    }

    static String stem(String word) {
        String w = americanSpelling(word.toLowerCase(Locale.ROOT));
        String irregular = IRREGULAR.get(w);
        if (irregular != null) {
            return irregular;
        }
        if (w.length() <= 3 || !isAsciiLetters(w)) {
            return w;
        }
        if (w.endsWith("ies") && w.length() > 4) {
            w = w.substring(0, w.length() - 3) + "y";
        } else if (w.endsWith("sses") || w.endsWith("xes") || w.endsWith("ches") || w.endsWith("shes")) {
            w = w.substring(0, w.length() - 2);
        } else if (w.endsWith("s") && !w.endsWith("ss") && !w.endsWith("us") && !w.endsWith("is")) {
            w = w.substring(0, w.length() - 1);
        }
        if (w.endsWith("iness") && w.length() > 7) {
            w = w.substring(0, w.length() - 5) + "y";
        }
        for (int s = 0; s < SUFFIXES.length; s++) {
            String suffix = SUFFIXES[s];
            if (w.endsWith(suffix) && w.length() - suffix.length() >= SUFFIX_MIN_STEMS[s]) {
                w = w.substring(0, w.length() - suffix.length());
                break;
            }
        }
        if (w.endsWith("ical") && w.length() > 6) {
            w = w.substring(0, w.length() - 2);
        }
        int n = w.length();
        if (n > 3 && w.charAt(n - 1) == w.charAt(n - 2) && "aeiouls".indexOf(w.charAt(n - 1)) < 0) {
            w = w.substring(0, n - 1);
        }
        if (w.endsWith("e") && w.length() > 3) {
            w = w.substring(0, w.length() - 1);
        }
        return w;
    }

    /**
     * The American spelling of a British one, as HPO writes its names: {@code haemorrhage}, {@code anaemia},
     * {@code oedema}, {@code diarrhoea}, {@code foetal}, {@code tumour}, {@code paralysed}, {@code generalised}. A
     * word-final {@code ae} is a Latin plural ({@code papillae}) and an initial one Greek ({@code aerobic}); {@code oe}
     * changes only where British writes it for {@code e}, not in {@code toe} or {@code shoe}.
     */
    static String americanSpelling(String word) {
        // The patterns only where their letters are: this runs for every word of every text.
        String w = word;
        if (w.contains("oe")) {
            w = BRITISH_OE.matcher(w).replaceAll("e");
        }
        if (w.contains("ae")) {
            w = BRITISH_AE.matcher(w).replaceAll("e");
        }
        w = withEnding(w, "our", "or", OUR_SUFFIXES, 2);
        w = withEnding(w, "ys", "yz", YSE_SUFFIXES, 0);
        return withEnding(w, "is", "iz", ISE_SUFFIXES, 3);
    }

    /**
     * {@code word} with its ending {@code british} + a suffix written {@code american} + the suffix, where at least
     * {@code minBefore} letters come before the ending; else {@code word}.
     */
    private static String withEnding(String word, String british, String american, String[] suffixes, int minBefore) {
        for (String suffix : suffixes) {
            int before = word.length() - british.length() - suffix.length();
            if (before >= minBefore && word.endsWith(suffix) && word.startsWith(british, before)) {
                return word.substring(0, before) + american + suffix;
            }
        }
        return word;
    }

    private static boolean isAsciiLetters(String w) {
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c < 'a' || c > 'z') {
                return false;
            }
        }
        return true;
    }
}
