package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class StemmerTest {

    @ParameterizedTest
    @CsvSource({
            "ears, ear", "fingers, finger", "eyelids, eyelid", "folds, fold", "EARS, ear",
            "anomalies, anoma", "cavities, cavity", "glasses, glass", "boxes, box", "patches, patch", "rashes, rash",
            // -ss, -us and -is are not plurals.
            "class, class", "epicanthus, epicanthus", "ptosis, ptosis"})
    void foldsPlurals(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({
            "hooding, hood", "hooded, hood", "hood, hood",
            "rotated, rotat", "rotating, rotat", "rotates, rotat", "rotate, rotat",
            "mildly, mild", "mild, mild", "posteriorly, posterior", "posterior, posterior",
            "widely, wid", "wide, wid",
            // A doubled consonant left by the ending goes, but not a doubled l or s.
            "webbing, web", "webbed, web", "swelling, swell", "swell, swell"})
    void foldsIngEdAndLyWithTheirStems(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({
            "feet, foot", "teeth, tooth", "children, child", "eyelashes, eyelash", "phalanges, phalanx",
            "fontanelles, fontanel", "fontanelle, fontanel", "Fontanels, fontanel",
            "hypoplastic, hypoplasia", "hypoplasia, hypoplasia", "aplastic, aplasia", "dysplastic, dysplasia"})
    void mapsIrregularFormsAndPathologyAdjectivesToOneStem(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({"irides, irises, iris", "testes, testis, testis", "nevi, nevus, nevus", "telangiectases, telangiectasia, telangiectasia",
            "alae, ala, ala", "lentigines, lentigo, lentigo", "exostoses, exostosis, exostosis"})
    void latinAndGreekPluralsMeetTheirSingular(String plural, String singular, String stem) {
        assertEquals(stem, Stemmer.stem(plural));
        assertEquals(stem, Stemmer.stem(singular));
    }

    @ParameterizedTest
    @CsvSource({
            "haemorrhage, hemorrhage", "anaemia, anemia", "leukaemia, leukemia", "paediatric, pediatric",
            "haemangioma, hemangioma", "aetiology, etiology", "oedema, edema", "oesophageal, esophageal",
            "diarrhoea, diarrhea", "apnoea, apnea", "foetal, fetal", "coeliac, celiac", "homoeostasis, homeostasis",
            "tumour, tumor", "tumours, tumors", "behavioural, behavioral", "paralysed, paralyzed", "generalised, generalized",
            "hospitalisation, hospitalization"})
    void britishSpellingsMeetTheAmericanOnes(String british, String american) {
        assertEquals(Stemmer.stem(american), Stemmer.stem(british));
    }

    @ParameterizedTest
    @CsvSource({
            // Latin plurals, Greek initials and words that only look British keep their letters.
            "papillae, papilla", "vertebrae, vertebra", "aerobic, aerobic", "toe, toe", "toes, toe", "shoe, sho", "does, doe",
            "four, four", "hour, hour", "raised, rais", "crises, cris"})
    void wordsThatOnlyLookBritishAreLeftAlone(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({"markedly, marked", "repeatedly, repeated", "severely, severe", "significantly, significant",
            "impairment, impaired", "enlargement, enlarged", "displacements, displaced", "weakness, weak",
            "stiffness, stiff", "clumsiness, clumsy", "unsteadiness, unsteady", "stereotypical, stereotypic",
            "neurological, neurologic", "symmetrical, symmetric", "asymmetrically, asymmetric"})
    void derivedWordsMeetTheirBase(String derived, String base) {
        assertEquals(Stemmer.stem(base), Stemmer.stem(derived));
    }

    @ParameterizedTest
    @CsvSource({"pigment, pig", "segment, seg", "ligament, liga", "element, ele", "illness, ill", "dryness, dry"})
    void shortWordsKeepTheirEnding(String word, String tooShort) {
        assertNotEquals(Stemmer.stem(tooShort), Stemmer.stem(word));
    }

    @ParameterizedTest
    @CsvSource({
            // Three letters or fewer: never cut.
            "ear, ear", "red, red", "bed, bed", "has, has", "lid, lid",
            // An ending is only cut when three letters stay before it.
            "only, only", "sing, sing", "bred, bred",
            // -ly only when four letters stay: early is no form of ear.
            "early, early", "curly, curly", "belly, belly", "badly, badly",
            // Words with digits or letters beyond a-z are only lower-cased.
            "5th, 5th", "2nd, 2nd", "CAFÉS, cafés", "naïvely, naïvely"})
    void leavesShortAndNonAsciiWordsUntouched(String word, String stem) {
        assertEquals(stem, Stemmer.stem(word));
    }
}
