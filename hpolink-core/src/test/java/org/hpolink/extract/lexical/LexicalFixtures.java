package org.hpolink.extract.lexical;

import static org.hpolink.ontology.SynonymScope.EXACT;
import static org.hpolink.ontology.SynonymScope.RELATED;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Term;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * An HPO of a few dysmorphology terms and a hand-written corpus of 36 observations in BC8 form, made in code for the
 * lexical trainer and extractor tests (none of it comes from the real corpus). Each group of observations teaches the
 * trainer one thing, so that a test can show the behaviour and, with a variant of the corpus, that it is learned:
 * <ul>
 *   <li>annotators borrow the {@code EARS} header for {@code low set} and {@code posteriorly rotated}
 *       ({@link #corpus}) or do not ({@link #corpusWithoutHeaderBorrowing});
 *   <li>{@code mild}/{@code mildly} comes right before four findings and inside none: a modifier;
 *   <li>{@code no} before and {@code absent} after three normal ({@code X}) findings each: negation cues;
 *   <li>{@code scar} names Scarring in HPO, but three observations with a scar have no finding: a low-precision entry;
 *   <li>one finding uses an alternative id of Epicanthus, which the trainer must map to the primary id.
 * </ul>
 * The terms have their real ids and labels with some of their synonyms; the graph is flattened (every organ
 * abnormality sits right under Phenotypic abnormality).
 */
public final class LexicalFixtures {

    public static final HpoId ALL = HpoId.of("HP:0000001");
    public static final HpoId PHENOTYPIC_ABNORMALITY = HpoId.PHENOTYPIC_ABNORMALITY;
    public static final HpoId MODE_OF_INHERITANCE = HpoId.of("HP:0000005");
    public static final HpoId AUTOSOMAL_DOMINANT = HpoId.of("HP:0000006");
    public static final HpoId EAR = HpoId.of("HP:0000598");
    public static final HpoId LOW_SET_EARS = HpoId.of("HP:0000369");
    public static final HpoId POSTERIORLY_ROTATED_EARS = HpoId.of("HP:0000358");
    public static final HpoId PROTRUDING_EAR = HpoId.of("HP:0000411");
    public static final HpoId PROMINENT_ANTITRAGUS = HpoId.of("HP:0008593");
    public static final HpoId THIN_EAR_HELIX = HpoId.of("HP:0009905");
    public static final HpoId EYE = HpoId.of("HP:0000478");
    public static final HpoId EPICANTHUS = HpoId.of("HP:0000286");
    /** An alternative id of {@link #EPICANTHUS}. */
    public static final HpoId EPICANTHUS_ALTERNATIVE = HpoId.of("HP:0000624");
    public static final HpoId HOODED_EYELID = HpoId.of("HP:0030820");
    public static final HpoId THICK_EYEBROW = HpoId.of("HP:0000574");
    public static final HpoId SYNOPHRYS = HpoId.of("HP:0000664");
    public static final HpoId HAND = HpoId.of("HP:0001155");
    public static final HpoId CLINODACTYLY = HpoId.of("HP:0030084");
    public static final HpoId FIFTH_FINGER_CLINODACTYLY = HpoId.of("HP:0004209");
    public static final HpoId SHORT_FINGER = HpoId.of("HP:0009381");
    public static final HpoId SHORT_FIFTH_FINGER = HpoId.of("HP:0009237");
    public static final HpoId MOUTH = HpoId.of("HP:0000153");
    public static final HpoId CLEFT_PALATE = HpoId.of("HP:0000175");
    public static final HpoId SKIN = HpoId.of("HP:0000951");
    public static final HpoId SCARRING = HpoId.of("HP:0100699");

    /**
     * The trainer settings of these tests, spelled out rather than taken from {@link LexicalConfig#defaults()}: the
     * corpus is sized to these thresholds (3 occurrences make a modifier or a cue), and tuning the defaults on the
     * real data must not change what the fixture teaches. Same values as the defaults when this was written.
     */
    public static final LexicalConfig CONFIG = new LexicalConfig(false, false, 12, 8, 3, 0.5, 5, 2, 3, 1, 3, 2.0, true, 0.5, 17L);

    public static final String SOURCE = "lexical-fixture.tsv";
    /** Stands for the SHA-256 of the file this corpus would be read from. */
    public static final String SHA256 = "ab".repeat(32);

    private static final Hpo HPO = Hpo.of("fixture", terms());
    private static final LexicalModel MODEL = train(corpus());

    private LexicalFixtures() {
    }

    public static Hpo hpo() {
        return HPO;
    }

    /**
     * A small HPO for one test: the given terms with the root and Phenotypic abnormality (their usual parent, {@link
     * #PHENOTYPIC_ABNORMALITY}) added.
     */
    public static Hpo smallHpo(String release, Term... terms) {
        List<Term> all = new ArrayList<>();
        all.add(Term.builder(ALL).label("All").build());
        all.add(Term.builder(PHENOTYPIC_ABNORMALITY).label("Phenotypic abnormality").parent(ALL).build());
        all.addAll(List.of(terms));
        return Hpo.of(release, all);
    }

    /** The model {@link #CONFIG} trains on {@link #corpus()} and {@link #hpo()}; immutable, so shared. */
    public static LexicalModel model() {
        return MODEL;
    }

    public static LexicalModel train(Corpus corpus) {
        return train(corpus, CONFIG);
    }

    public static LexicalModel train(Corpus corpus, LexicalConfig config) {
        return new LexicalTrainer(config).train(corpus, HPO, "all");
    }

    private static List<Term> terms() {
        return List.of(
                Term.builder(ALL).label("All").build(),
                Term.builder(PHENOTYPIC_ABNORMALITY).label("Phenotypic abnormality").parent(ALL).build(),
                Term.builder(MODE_OF_INHERITANCE).label("Mode of inheritance").parent(ALL).synonym("Inheritance", EXACT).build(),
                Term.builder(AUTOSOMAL_DOMINANT).label("Autosomal dominant inheritance").parent(MODE_OF_INHERITANCE)
                        .synonym("Autosomal dominant", EXACT).build(),
                Term.builder(EAR).label("Abnormality of the ear").parent(PHENOTYPIC_ABNORMALITY).synonym("Ear anomaly", EXACT).build(),
                Term.builder(LOW_SET_EARS).label("Low-set ears").parent(EAR).synonym("Low set ears", EXACT)
                        .synonym("Low-set pinnae", EXACT).build(),
                Term.builder(POSTERIORLY_ROTATED_EARS).label("Posteriorly rotated ears").parent(EAR)
                        .synonym("Posteriorly rotated", EXACT).synonym("Posteriorly-rotated ears", EXACT).build(),
                Term.builder(PROTRUDING_EAR).label("Protruding ear").parent(EAR).synonym("Prominent ears", EXACT)
                        .synonym("Protruding ears", RELATED).build(),
                Term.builder(PROMINENT_ANTITRAGUS).label("Prominent antitragus").parent(EAR).synonym("Enlarged antitragus", EXACT).build(),
                Term.builder(THIN_EAR_HELIX).label("Thin ear helix").parent(EAR).synonym("Thin helices", EXACT).build(),
                Term.builder(EYE).label("Abnormality of the eye").parent(PHENOTYPIC_ABNORMALITY).synonym("Abnormal eye", EXACT).build(),
                Term.builder(EPICANTHUS).label("Epicanthus").parent(EYE).alternativeId(EPICANTHUS_ALTERNATIVE)
                        .synonym("Epicanthal folds", EXACT).build(),
                Term.builder(HOODED_EYELID).label("Hooded eyelid").parent(EYE).build(),
                Term.builder(THICK_EYEBROW).label("Thick eyebrow").parent(EYE).synonym("Bushy eyebrows", EXACT).build(),
                Term.builder(SYNOPHRYS).label("Synophrys").parent(EYE).synonym("Unibrow", EXACT).build(),
                Term.builder(HAND).label("Abnormality of the hand").parent(PHENOTYPIC_ABNORMALITY).synonym("Abnormal hands", EXACT).build(),
                Term.builder(CLINODACTYLY).label("Clinodactyly").parent(HAND).build(),
                Term.builder(FIFTH_FINGER_CLINODACTYLY).label("Clinodactyly of the 5th finger").parent(CLINODACTYLY)
                        .synonym("Fifth finger clinodactyly", EXACT).build(),
                Term.builder(SHORT_FINGER).label("Short finger").parent(HAND).synonym("Stubby fingers", EXACT).build(),
                Term.builder(SHORT_FIFTH_FINGER).label("Short 5th finger").parent(SHORT_FINGER).synonym("Short fifth finger", EXACT).build(),
                Term.builder(MOUTH).label("Abnormality of the mouth").parent(PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(CLEFT_PALATE).label("Cleft palate").parent(MOUTH).build(),
                Term.builder(SKIN).label("Abnormality of the skin").parent(PHENOTYPIC_ABNORMALITY).build(),
                Term.builder(SCARRING).label("Scarring").parent(SKIN).build());
    }

    /** The corpus in which annotators make the {@code EARS} header part of {@code low set} and {@code posteriorly rotated}. */
    public static Corpus corpus() {
        return corpus(true);
    }

    /** The same observations, but annotators leave the {@code EARS} header out of those findings. */
    public static Corpus corpusWithoutHeaderBorrowing() {
        return corpus(false);
    }

    private static Corpus corpus(boolean borrowHeader) {
        List<AnnotatedObservation> observations = new ArrayList<>();
        Builder b = new Builder(observations);
        // The header, borrowed or not.
        String lowSet = "EARS: low set";
        b.add(lowSet, key(LOW_SET_EARS, header(borrowHeader, lowSet, "low set")));
        String lowSetThin = "EARS: low set, thin helices";
        b.add(lowSetThin, key(LOW_SET_EARS, header(borrowHeader, lowSetThin, "low set")), key(THIN_EAR_HELIX, span(lowSetThin, "thin helices")));
        String lowSetRotated = "EARS: low-set and posteriorly rotated";
        b.add(lowSetRotated, key(LOW_SET_EARS, header(borrowHeader, lowSetRotated, "low-set")),
                key(POSTERIORLY_ROTATED_EARS, header(borrowHeader, lowSetRotated, "posteriorly rotated")));
        String rotated = "EARS: posteriorly rotated";
        b.add(rotated, key(POSTERIORLY_ROTATED_EARS, header(borrowHeader, rotated, "posteriorly rotated")));
        String prominent = "EARS: prominent";
        b.add(prominent, key(PROTRUDING_EAR, span(prominent, "EARS", "prominent")));
        // "mild" right before four findings, inside none.
        String antitragus = "EARS: mildly prominent antitragus";
        b.add(antitragus, key(PROMINENT_ANTITRAGUS, span(antitragus, "prominent antitragus")));
        String hooding = "EYES: mild hooding";
        b.add(hooding, key(HOODED_EYELID, span(hooding, "hooding")));
        String fifth = "HANDS: mild clinodactyly of the 5th finger";
        b.add(fifth, key(FIFTH_FINGER_CLINODACTYLY, span(fifth, "clinodactyly of the 5th finger")));
        String brows = "EYES: mildly thick eye brows";
        b.add(brows, key(THICK_EYEBROW, span(brows, "thick eye brows")));
        // Plain key findings.
        for (String text : List.of("HANDS: clinodactyly", "FEET: clinodactyly of toes", "HANDS: bilateral clinodactyly")) {
            b.add(text, key(CLINODACTYLY, span(text, "clinodactyly")));
        }
        String shortFifth = "HANDS: short 5th finger";
        b.add(shortFifth, key(SHORT_FIFTH_FINGER, span(shortFifth, "short 5th finger")));
        String shortFingers = "HANDS: short fingers";
        b.add(shortFingers, key(SHORT_FINGER, span(shortFingers, "short fingers")));
        String hoodingOnly = "EYES: hooding, thick eyebrows";
        b.add(hoodingOnly, key(HOODED_EYELID, span(hoodingOnly, "hooding")), key(THICK_EYEBROW, span(hoodingOnly, "thick eyebrows")));
        String folds = "EYES: epicanthal folds";
        b.add(folds, key(EPICANTHUS_ALTERNATIVE, span(folds, "epicanthal folds")));
        String cleft = "MOUTH: cleft palate";
        b.add(cleft, key(CLEFT_PALATE, span(cleft, "cleft palate")));
        // "no" before and "absent" after normal findings, each three times.
        String noClinodactyly = "HANDS: no clinodactyly";
        b.add(noClinodactyly, normal(CLINODACTYLY, span(noClinodactyly, "no clinodactyly")));
        String noEpicanthus = "EYES: no epicanthus";
        b.add(noEpicanthus, normal(EPICANTHUS, span(noEpicanthus, "no epicanthus")));
        String noSynophrys = "FACE: no synophrys";
        b.add(noSynophrys, normal(SYNOPHRYS, span(noSynophrys, "no synophrys")));
        String synophrysAbsent = "EYEBROWS: synophrys absent";
        b.add(synophrysAbsent, normal(SYNOPHRYS, span(synophrysAbsent, "synophrys absent")));
        String clinodactylyAbsent = "FINGERS: clinodactyly absent";
        b.add(clinodactylyAbsent, normal(CLINODACTYLY, span(clinodactylyAbsent, "clinodactyly absent")));
        String epicanthusAbsent = "FACE: epicanthus absent";
        b.add(epicanthusAbsent, normal(EPICANTHUS, span(epicanthusAbsent, "epicanthus absent")));
        // Scars that annotators never call Scarring.
        b.add("SKIN: well healed scar on the chest");
        b.add("ABDOMEN: scar from surgery");
        b.add("BACK: small scar");
        // Observations without findings.
        for (String text : List.of("NECK: supple", "HEAD: normocephalic", "CHEST: clear to auscultation", "GENERAL: well appearing",
                "NEURO: alert and interactive", "GENITALIA: normal male", "SPINE: straight", "HEART: regular rate and rhythm",
                "LUNGS: clear", "ABDOMEN: soft, non tender")) {
            b.add(text);
        }
        return new Corpus(SOURCE, SHA256, observations);
    }

    /** The corpus less its normal findings: nothing can teach negation cues. */
    public static Corpus withoutNormalFindings(Corpus corpus) {
        List<AnnotatedObservation> observations = corpus.observations().stream()
                .map(o -> new AnnotatedObservation(o.observation(), o.keyFindings(), o.firstLine())).toList();
        return new Corpus(corpus.source(), corpus.sha256(), observations);
    }

    /** The corpus with more observations at its end. */
    public static Corpus plus(Corpus corpus, AnnotatedObservation... more) {
        List<AnnotatedObservation> observations = new ArrayList<>(corpus.observations());
        observations.addAll(List.of(more));
        return new Corpus(corpus.source(), corpus.sha256(), observations);
    }

    public static AnnotatedObservation annotated(String id, String text, Finding... findings) {
        return new AnnotatedObservation(Observation.of(id, text), List.of(findings), 0);
    }

    public static Finding key(HpoId id, Span span) {
        return Finding.key(id, span);
    }

    public static Finding normal(HpoId id, Span span) {
        return Finding.normal(id, span);
    }

    /**
     * The span of {@code pieces}, each searched in {@code text} after the end of the previous one.
     *
     * @throws IllegalArgumentException if a piece is not there
     */
    public static Span span(String text, String... pieces) {
        List<Segment> segments = new ArrayList<>();
        int from = 0;
        for (String piece : pieces) {
            int at = text.indexOf(piece, from);
            if (at < 0) {
                throw new IllegalArgumentException("'" + piece + "' is not in '" + text + "' after offset " + from);
            }
            segments.add(new Segment(at, at + piece.length()));
            from = at + piece.length();
        }
        return new Span(segments);
    }

    /** The span of {@code phrase}, with the observation's header segment first when annotators borrow it. */
    private static Span header(boolean borrow, String text, String phrase) {
        if (!borrow) {
            return span(text, phrase);
        }
        Segment header = Observation.of("header", text).section().orElseThrow().segment();
        return span(text, header.coveredText(text), phrase);
    }

    /** The stems of some words, for tests that make a vocabulary of their own. */
    static Set<String> stems(String... words) {
        Set<String> stems = new TreeSet<>();
        for (String word : words) {
            stems.add(Stemmer.stem(word));
        }
        return stems;
    }

    /** The dictionary key the model gives a phrase: its content words' stem ids, unknown ones included. */
    static TermKey keyOf(LexicalModel model, String phrase) {
        return keyOf(model, new Tokenizer().tokenize(phrase));
    }

    static TermKey keyOf(LexicalModel model, List<Token> tokens) {
        WordAnalyzer analyzer = new WordAnalyzer(model.modifiers(), model.vocabulary());
        return TermKey.of(analyzer.units(tokens).stream().filter(Unit::isContent).mapToInt(Unit::stemId).toArray());
    }

    /** Numbers the observations {@code lx01}, {@code lx02}... in the order they are added. */
    private record Builder(List<AnnotatedObservation> observations) {
        void add(String text, Finding... findings) {
            observations.add(annotated(String.format("lx%02d", observations.size() + 1), text, findings));
        }
    }
}
