package org.hpolink.extract.lexical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hpolink.corpus.AnnotatedObservation;
import org.hpolink.corpus.Corpus;
import org.hpolink.corpus.Finding;
import org.hpolink.corpus.ObservableIds;
import org.hpolink.extract.lexical.LexicalModel.Attachments;
import org.hpolink.extract.lexical.LexicalModel.BoundaryWords;
import org.hpolink.extract.lexical.LexicalModel.Composition;
import org.hpolink.extract.lexical.LexicalModel.EntryRef;
import org.hpolink.extract.lexical.LexicalModel.EntryStats;
import org.hpolink.extract.lexical.LexicalModel.HeaderVotes;
import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.SeverityTerms;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.SynonymScope;
import org.hpolink.ontology.Term;
import org.hpolink.model.Provenance;
import org.hpolink.text.Section;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * Builds a {@link LexicalModel} from HPO and an annotated corpus. Everything beyond HPO's names is learned from
 * the annotations: training mentions join the dictionary (dictionary expansion), the words annotators leave out
 * before a finding become modifiers, the words they add to an HPO name become fillers, the words around normal
 * ({@code X}) findings become negation cues, header use is counted per phrase and per section, boundary words per
 * phrase, pairs of ids whose common child annotators use become compositions, and entries whose matches on the
 * training texts are mostly wrong are dropped. Deterministic: the same data and config give
 * the same model.
 */
public final class LexicalTrainer {

    public static final String COMPONENT = "lexical";
    /**
     * Raised whenever the same data and config give another lexicon than before, so that a default model an older
     * trainer left is out of date (it is part of {@link LexicalConfig#asMap()}). 2: prose names with interchangeable
     * adjectives ({@code reduced}, {@code low}, {@code elevated}); a word is joined with the next only into another
     * word ({@code vitamin E}). 3: prose names with the adjectives of one-word names ({@code hypotonic}). 4: prose
     * names with HPO's broad synonyms ({@code Aortic root dilatation}). 5: the stemmer leaves {@code early} whole
     * (it was {@code ear}). 6: a name with a learned modifier ({@code Partial agenesis of the corpus callosum}) names
     * its key only where no name without one does; coordination leaves a word that heads a phrase of its own. 7:
     * British spellings stem as the American ones ({@code oesophageal}). 8: prose names with {@code raised} and organs'
     * nouns for their adjectives ({@code kidney} for {@code renal}). 9: names tokenized without accents, Greek letters
     * spelled out and typographic hyphens read as {@code -} ({@code Kienböck's disease}); {@code -edly} stemmed whole
     * ({@code markedly}); with prose names, a laboratory finding's measurement words are modifiers ({@code serum}).
     * 10: prose names with {@code cancer} for {@code carcinoma}, {@code tumor} for {@code neoplasm},
     * {@code colorectal} for {@code colonic} and {@code ventricle} for {@code ventricular}. 11: names and the training
     * texts' matches read with a hanging prefix completed ({@code pre- and postnatal}), a modifier given the noun of a
     * stacked phrase after a comma or of a list's last word, and, with prose names, no window ending on an organ's
     * adjective before a word. 12: with prose names, the severity words are fillers ({@code speech was severely
     * delayed}). 13: with prose names, no boundary words nor attachments ({@code wide-based gait.}). 14: no clinical
     * abbreviations among the prose names: the notes profile writes them out before extraction. 15: prose names
     * without a trailing qualifier in parentheses ({@code Generalized tonic-clonic seizure}), and with
     * {@code compromise} for {@code insufficiency}. 16: the stemmer folds -ical into -ic ({@code stereotypical}).
     * 17: prose names with {@code illness} and {@code disease} for "some abnormality of" ({@code psychiatric illness}).
     * 18: with prose names, {@code specific} is a modifier ({@code learning disability}), and {@code -esia} names have
     * their {@code -etic} adjective ({@code dyskinetic}). 19: {@code become} is a function word ({@code speech has
     * become slurred}).
     */
    public static final int REVISION = 19;

    private static final int LABEL_WEIGHT = 3;
    private static final int EXACT_SYNONYM_WEIGHT = 2;
    private static final int RELATED_SYNONYM_WEIGHT = 1;
    /** A prose name ({@link LexicalConfig#proseNames()}): a variant with interchangeable words; it counts as a related synonym. */
    private static final int VARIANT_WEIGHT = RELATED_SYNONYM_WEIGHT;
    /**
     * Words prose uses interchangeably in a name: the nouns (and the adjective) for "some abnormality of"
     * ({@code psychiatric illness} for {@code Psychiatric disorders}, {@code neurodegenerative disorder} for
     * {@code Neurodegenerative disease}), the adjectives for "less than usual" ({@code reduced reflexes} for
     * {@code Decreased reflexes}) and those for "more than usual" ({@code raised creatinine}), {@code compromise} for
     * an organ's insufficiency ({@code respiratory compromise}), and the lay words for a neoplasm
     * ({@code endometrial cancer}); and in {@link #ORGAN_WORDS}, an organ's adjective and its noun
     * ({@code Renal enlargement} as {@code enlargement of the kidneys}). One stands for the others of its group, in any
     * of its forms (a word meets a group word with the same stem: {@code anomalies}, {@code teeth}); the nonsense some
     * make ({@code decreased-set ears}) is never written, so never matched.
     */
    private static final List<List<String>> INTERCHANGEABLE_WORDS = List.of(
            List.of("abnormality", "abnormal", "anomaly", "involvement", "disorder", "problem", "disturbance", "derangement",
                    "illness", "disease"),
            List.of("decreased", "reduced", "diminished", "low"),
            List.of("increased", "elevated", "high", "raised"), List.of("insufficiency", "compromise"),
            List.of("carcinoma", "cancer"), List.of("neoplasm", "tumor"));
    /** Organs' adjectives, each first in a group with its nouns. */
    private static final List<List<String>> ORGAN_WORDS = List.of(
            List.of("renal", "kidney"), List.of("hepatic", "liver"), List.of("cardiac", "heart"), List.of("pulmonary", "lung"),
            List.of("aortic", "aorta"), List.of("gastric", "stomach"), List.of("splenic", "spleen"), List.of("cutaneous", "skin"),
            List.of("ocular", "eye"), List.of("dental", "tooth"), List.of("nasal", "nose"), List.of("facial", "face"),
            List.of("muscular", "muscle"), List.of("vertebral", "vertebra"), List.of("cerebellar", "cerebellum"),
            List.of("retinal", "retina"), List.of("corneal", "cornea"), List.of("pancreatic", "pancreas"),
            List.of("intestinal", "intestine", "bowel"), List.of("colonic", "colon", "colorectal"), List.of("ovarian", "ovary"),
            List.of("testicular", "testis"), List.of("uterine", "uterus"), List.of("abdominal", "abdomen"),
            List.of("mandibular", "mandible"), List.of("maxillary", "maxilla"), List.of("palatal", "palate"),
            List.of("cerebral", "brain"), List.of("cranial", "skull"), List.of("ventricular", "ventricle"),
            List.of("behavioral", "behavior"));
    private static final List<List<String>> INTERCHANGEABLE_GROUPS =
            Stream.concat(INTERCHANGEABLE_WORDS.stream(), ORGAN_WORDS.stream()).toList();
    /** The stems of each group's words, for {@link #INTERCHANGEABLE_GROUPS}. */
    private static final List<Set<String>> INTERCHANGEABLE_STEMS = INTERCHANGEABLE_GROUPS.stream()
            .map(group -> group.stream().map(Stemmer::stem).collect(Collectors.toUnmodifiableSet())).toList();
    private static final Pattern WORD = Pattern.compile("\\b\\p{L}+\\b");
    /**
     * How a one-word name of a condition becomes the adjective notes say it with ({@code hypotonic}, {@code cyanotic},
     * {@code microcephalic}, {@code apneic}, {@code dyskinetic}): the name's ending, and the adjective's. A nonsense
     * form some make ({@code obesitic}) is never written, so never matched.
     */
    private static final List<Map.Entry<String, String>> ADJECTIVE_ENDINGS = List.of(
            Map.entry("osis", "otic"), Map.entry("ea", "eic"), Map.entry("esia", "etic"), Map.entry("ia", "ic"),
            Map.entry("y", "ic"));
    /**
     * Words of a laboratory finding that say where or how it was measured, which prose adds or leaves out at will
     * ({@code serum CK levels were raised} for {@code Elevated circulating creatine kinase concentration}): with prose
     * names they are modifiers, no part of a key. Not {@code blood} ({@code low blood pressure}) nor
     * {@code concentration} ({@code poor concentration}).
     */
    private static final List<String> MEASUREMENT_WORDS = List.of("serum", "plasma", "circulating", "level");
    /**
     * A word HPO's names qualify a finding with and prose leaves out ({@code learning disabilities} for
     * {@code Specific learning disability}): with prose names, a modifier. As any modifier's name, such a name names
     * its key only where no name without the word does ({@code Specific anosmia} is not {@code anosmia}).
     */
    private static final List<String> OMITTED_QUALIFIERS = List.of("specific");
    /**
     * HPO's names of a laboratory finding end in {@code concentration}, a word prose leaves out and that is no
     * measurement word elsewhere ({@code Poor concentration}).
     */
    private static final Pattern MEASURED_CONCENTRATION = Pattern.compile("(?i)(.*\\bcirculating\\b.*\\S)\\s+concentrations?");
    /**
     * A name's qualifier in parentheses at its end, which prose does not write ({@code Generalized tonic-clonic seizure
     * (without specification of onset)}, {@code Febrile seizure (within the age range of 3 months to 6 years)}).
     */
    private static final Pattern TRAILING_QUALIFIER = Pattern.compile("(.*\\S)\\s*\\([^()]*\\)\\s*");
    /** A training mention outweighs any HPO name: it is how annotators actually map that phrase. */
    private static final int MENTION_WEIGHT = 10;
    /**
     * Matches needed before the precision of an entry that only HPO names gave can reject it: one training text where
     * annotators left {@code hepatomegaly} or {@code broad nose} unmarked is no evidence against the HPO label.
     */
    private static final int HPO_ENTRY_MIN_MATCHES = 2;
    /** Marks of a negation cue's side while cues are chosen: before or after the finding. */
    private static final String PRE = "pre:";
    private static final String POST = "post:";

    private final LexicalConfig config;
    private final Tokenizer tokenizer = new Tokenizer();

    public LexicalTrainer(LexicalConfig config) {
        this.config = config;
    }

    /** A name of a term (from HPO or a training mention) as tokens. */
    private record Name(List<Token> tokens, HpoId id, int weight) {
    }

    /**
     * @param split what part of the training file {@code corpus} is, for the provenance ("all", "fold 2 of 5, seed 17")
     */
    public LexicalModel train(Corpus corpus, Hpo hpo, String split) {
        List<List<Token>> tokens = corpus.observations().stream().map(o -> tokenizer.tokenize(o.text())).toList();
        Set<HpoId> allowed = ObservableIds.of(corpus, hpo);
        Set<String> modifiers = learnModifiers(corpus, tokens);
        if (config.proseNames()) {
            Stream.concat(MEASUREMENT_WORDS.stream(), OMITTED_QUALIFIERS.stream())
                    .forEach(word -> modifiers.add(Stemmer.stem(word)));
        }

        List<Name> hpoNames = hpoNames(hpo, allowed);
        List<Name> mentions = new ArrayList<>();
        for (int o = 0; o < corpus.size(); o++) {
            for (Finding finding : corpus.observations().get(o).keyFindings()) {
                mentions.add(new Name(inside(tokens.get(o), finding.span()), primary(hpo, finding.id()), MENTION_WEIGHT));
            }
        }
        WordAnalyzer analyzer = analyzer(modifiers, hpoNames, mentions);
        Set<TermKey> hpoKeys = new HashSet<>();
        Set<EntryRef> mentionEntries = new HashSet<>();
        Map<TermKey, IdVotes> entries = entries(analyzer, SplitNames.of(hpoNames, modifiers), mentions, hpoKeys, mentionEntries);
        MentionBodies bodies = mentionBodies(corpus, tokens, hpo, analyzer, modifiers);

        Set<Integer> fillers = learnFillers(analyzer, bodies.names(), entries, hpoKeys);
        if (config.proseNames()) {
            fillers.addAll(severityFillers(analyzer.vocabulary()));
        }
        Set<String> preCues = new HashSet<>();
        Set<String> postCues = new HashSet<>();
        learnNegationCues(corpus, tokens, hpo, preCues, postCues);

        Provenance provenance = Provenance.of(COMPONENT, config.asMap(), config.seed(),
                corpus, split, hpo);
        // The words BC8's annotators keep around a phrase (+ Romberg sign, wide-based gait., on mechanical ventilation)
        // are their convention; prose's annotators mark the finding's own words.
        Map<TermKey, BoundaryWords> boundaries = config.proseNames() ? Map.of() : bodies.boundaries();
        Attachments attachments = config.proseNames() ? new Attachments(Set.of(), Set.of()) : learnAttachments(corpus, tokens, modifiers);
        LexicalModel unfiltered = new LexicalModel(config, provenance, analyzer.vocabulary(), modifiers, fillers, preCues,
                postCues, entries, bodies.headerVotes(), bodies.sectionVotes(), boundaries, attachments,
                learnCompositions(corpus, hpo, allowed), Map.of());
        return unfiltered.withEntryStats(entryStats(unfiltered, corpus, hpo, mentionEntries));
    }

    /** The analyzer over the vocabulary of every content word of the names (HPO names and training mentions). */
    private WordAnalyzer analyzer(Set<String> modifiers, List<Name> hpoNames, List<Name> mentions) {
        Set<String> stems = new HashSet<>();
        for (List<Name> names : List.of(hpoNames, mentions)) {
            for (Name name : names) {
                for (Token token : name.tokens()) {
                    if (WordAnalyzer.isContentWord(token, modifiers)) {
                        stems.add(Stemmer.stem(token.normalized()));
                    }
                }
            }
        }
        return new WordAnalyzer(modifiers, new Vocabulary(stems, config.typoMinLength()));
    }

    /** HPO's names without a learned modifier and those with one ({@code Partial ...}), each in its order. */
    private record SplitNames(List<Name> unmodified, List<Name> modified) {

        static SplitNames of(List<Name> hpoNames, Set<String> modifiers) {
            Map<Boolean, List<Name>> modified = hpoNames.stream().collect(Collectors.partitioningBy(
                    name -> name.tokens().stream().anyMatch(token -> WordAnalyzer.isModifier(token, modifiers))));
            return new SplitNames(modified.get(false), modified.get(true));
        }
    }

    /**
     * The dictionary: each name's key with the weights of the ids it names; the keys of HPO names go to {@code hpoKeys},
     * the entries training mentions gave to {@code mentionEntries}. A name with a learned modifier has the key of the
     * name without it ({@code Partial agenesis of the corpus callosum} that of {@code Agenesis of corpus callosum}),
     * since a modifier is no word of a key: it names a key only where no name without a modifier does.
     */
    private Map<TermKey, IdVotes> entries(WordAnalyzer analyzer, SplitNames hpoNames, List<Name> mentions, Set<TermKey> hpoKeys,
            Set<EntryRef> mentionEntries) {
        Map<TermKey, Map<HpoId, Integer>> weights = new HashMap<>();
        for (Name name : hpoNames.unmodified()) {
            weigh(weights, key(analyzer, name.tokens()), name);
        }
        Set<TermKey> unmodifiedKeys = Set.copyOf(weights.keySet());
        for (Name name : hpoNames.modified()) {
            TermKey key = key(analyzer, name.tokens());
            if (key != null && !unmodifiedKeys.contains(key)) {
                weigh(weights, key, name);
            }
        }
        hpoKeys.addAll(weights.keySet());
        for (Name name : mentions) {
            TermKey key = key(analyzer, name.tokens());
            if (weigh(weights, key, name)) {
                mentionEntries.add(new EntryRef(key, name.id()));
            }
        }
        Map<TermKey, IdVotes> entries = new HashMap<>();
        weights.forEach((key, ids) -> entries.put(key, new IdVotes(new TreeMap<>(ids))));
        return entries;
    }

    /** Adds {@code name}'s weight for its id to {@code key}'s, and says whether it did: not where the name has no key. */
    private static boolean weigh(Map<TermKey, Map<HpoId, Integer>> weights, TermKey key, Name name) {
        if (key == null) {
            return false;
        }
        weights.computeIfAbsent(key, k -> new TreeMap<>()).merge(name.id(), name.weight(), Integer::sum);
        return true;
    }

    /**
     * What the training mentions show beyond their keys, their header segment set aside; and, per section, whether
     * its findings borrowed the header.
     */
    private record MentionBodies(List<Name> names, Map<TermKey, HeaderVotes> headerVotes, Map<TermKey, BoundaryWords> boundaries,
                                 Map<String, HeaderVotes> sectionVotes) {
    }

    /**
     * The training mentions without their header segment, whether they borrowed the header, and the function words
     * most often kept at their edges, per key of the mention without the header.
     */
    private MentionBodies mentionBodies(Corpus corpus, List<List<Token>> tokens, Hpo hpo, WordAnalyzer analyzer, Set<String> modifiers) {
        Map<TermKey, HeaderVotes> headerVotes = new HashMap<>();
        Map<String, HeaderVotes> sectionVotes = new HashMap<>();
        Map<TermKey, Map<BoundaryWords, Integer>> boundaryCounts = new HashMap<>();
        List<Name> bodies = new ArrayList<>();
        for (int o = 0; o < corpus.size(); o++) {
            AnnotatedObservation observation = corpus.observations().get(o);
            Optional<Section> section = observation.observation().section();
            int headerEnd = section.map(s -> s.segment().end()).orElse(0);
            for (Finding finding : observation.keyFindings()) {
                List<Token> inside = inside(tokens.get(o), finding.span());
                List<Token> body = inside.stream().filter(t -> t.start() >= headerEnd).toList();
                section.ifPresent(s -> sectionVotes.merge(s.name(), new HeaderVotes(0, 0).plus(body.size() < inside.size()),
                        (a, b) -> a.plus(b.withHeader() > 0)));
                TermKey bodyKey = key(analyzer, body);
                if (bodyKey == null) {
                    continue;
                }
                bodies.add(new Name(body, primary(hpo, finding.id()), MENTION_WEIGHT));
                headerVotes.merge(bodyKey, new HeaderVotes(0, 0).plus(body.size() < inside.size()),
                        (a, b) -> a.plus(b.withHeader() > 0));
                boundaryCounts.computeIfAbsent(bodyKey, k -> new HashMap<>())
                        .merge(boundaryWords(body, modifiers), 1, Integer::sum);
            }
        }
        Map<TermKey, BoundaryWords> boundaries = new HashMap<>();
        boundaryCounts.forEach((key, counts) -> {
            BoundaryWords most = mostFrequent(counts);
            if (!most.leading().isEmpty() || !most.trailing().isEmpty()) {
                boundaries.put(key, most);
            }
        });
        return new MentionBodies(bodies, headerVotes, boundaries, sectionVotes);
    }

    private static HpoId primary(Hpo hpo, HpoId id) {
        return ObservableIds.primary(hpo, id);
    }

    private List<Name> hpoNames(Hpo hpo, Set<HpoId> allowed) {
        List<Name> names = new ArrayList<>();
        for (Term term : hpo.activeTerms()) {
            if (!allowed.contains(term.id())) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            texts.add(term.label());
            names.add(new Name(tokenizer.tokenize(term.label()), term.id(), LABEL_WEIGHT));
            for (Synonym synonym : term.synonyms()) {
                if (synonym.scope() == SynonymScope.EXACT) {
                    texts.add(synonym.text());
                    names.add(new Name(tokenizer.tokenize(synonym.text()), term.id(), EXACT_SYNONYM_WEIGHT));
                } else if (synonym.scope() == SynonymScope.RELATED && config.useRelatedSynonyms()
                        || synonym.scope() == SynonymScope.BROAD && config.proseNames()) {
                    texts.add(synonym.text());
                    names.add(new Name(tokenizer.tokenize(synonym.text()), term.id(), RELATED_SYNONYM_WEIGHT));
                }
            }
            if (config.proseNames()) {
                for (String text : texts) {
                    for (String variant : proseVariants(text)) {
                        names.add(new Name(tokenizer.tokenize(variant), term.id(), VARIANT_WEIGHT));
                    }
                }
            }
        }
        return names;
    }

    /** The organs' adjectives of prose names ({@code renal}, {@code ocular}), which modify the noun after them. */
    static List<String> organAdjectives() {
        return ORGAN_WORDS.stream().map(group -> group.get(0)).toList();
    }

    /**
     * The variants of {@link #wordVariants}; where {@code name} ends in a qualifier in parentheses, the name without it,
     * with its own (a term's label or exact synonym of the same words still outweighs it:
     * {@code Hemiplegia (left)} adds {@code Hemiplegia}, which is Hemiplegia's label); and where {@code name} is a
     * measured concentration ({@code Elevated circulating creatine kinase concentration}) the name without that last
     * word, with its own.
     */
    static List<String> proseVariants(String name) {
        List<String> variants = wordVariants(name);
        for (Pattern shorter : List.of(TRAILING_QUALIFIER, MEASURED_CONCENTRATION)) {
            Matcher matcher = shorter.matcher(name);
            if (matcher.matches()) {
                variants.add(matcher.group(1));
                variants.addAll(wordVariants(matcher.group(1)));
            }
        }
        return variants;
    }

    /**
     * The adjective of a one-word name ({@link #ADJECTIVE_ENDINGS}), and {@code name} with the first word of each group
     * of {@link #INTERCHANGEABLE_WORDS} and {@link #ORGAN_WORDS} it holds replaced by each of the group's other words;
     * none when neither applies.
     */
    private static List<String> wordVariants(String name) {
        List<String> variants = new ArrayList<>();
        if (name.chars().allMatch(Character::isLetter)) {
            String lower = name.toLowerCase(Locale.ROOT);
            ADJECTIVE_ENDINGS.stream().filter(ending -> lower.endsWith(ending.getKey())).findFirst()
                    .ifPresent(ending -> variants.add(lower.substring(0, lower.length() - ending.getKey().length()) + ending.getValue()));
        }
        List<MatchResult> words = WORD.matcher(name).results().toList();
        List<String> wordStems = words.stream().map(word -> Stemmer.stem(word.group())).toList();
        for (int g = 0; g < INTERCHANGEABLE_GROUPS.size(); g++) {
            int found = firstIndexIn(wordStems, INTERCHANGEABLE_STEMS.get(g));
            if (found < 0) {
                continue;
            }
            MatchResult word = words.get(found);
            for (String other : INTERCHANGEABLE_GROUPS.get(g)) {
                if (!Stemmer.stem(other).equals(wordStems.get(found))) {
                    variants.add(name.substring(0, word.start()) + other + name.substring(word.end()));
                }
            }
        }
        return variants;
    }

    /** The index of the first of {@code stems} in {@code wanted}, or -1. */
    private static int firstIndexIn(List<String> stems, Set<String> wanted) {
        for (int k = 0; k < stems.size(); k++) {
            if (wanted.contains(stems.get(k))) {
                return k;
            }
        }
        return -1;
    }

    /** The dictionary key of a token sequence, or null when it has no content word, an unknown one, or too many. */
    private TermKey key(WordAnalyzer analyzer, List<Token> tokens) {
        List<Unit> units = analyzer.units(tokens);
        int[] stemIds = new int[units.size()];
        int size = 0;
        for (Unit unit : units) {
            if (unit.isContent()) {
                if (unit.stemId() == Vocabulary.UNKNOWN) {
                    return null;
                }
                stemIds[size++] = unit.stemId();
            }
        }
        return size == 0 || size > config.maxKeyWords() ? null : TermKey.of(stemIds, size);
    }

    private static List<Token> inside(List<Token> tokens, Span span) {
        return tokens.stream().filter(t -> isInside(t, span)).toList();
    }

    private static boolean isInside(Token token, Span span) {
        return span.segments().stream().anyMatch(s -> s.contains(token.segment()));
    }

    /**
     * Modifiers: words often right before an annotated finding but rarely inside one ("mild", "slightly"); they are
     * left out of keys and spans.
     */
    private Set<String> learnModifiers(Corpus corpus, List<List<Token>> tokens) {
        Map<String, Integer> insideCounts = new HashMap<>();
        Map<String, Integer> beforeCounts = new HashMap<>();
        for (int o = 0; o < corpus.size(); o++) {
            List<Span> spans = corpus.observations().get(o).keyFindings().stream().map(Finding::span).toList();
            Set<Integer> starts = new HashSet<>();
            spans.forEach(s -> starts.add(s.start()));
            List<Token> observationTokens = tokens.get(o);
            for (int i = 0; i < observationTokens.size(); i++) {
                Token token = observationTokens.get(i);
                if (!token.isWord()) {
                    continue;
                }
                String stem = Stemmer.stem(token.normalized());
                if (spans.stream().anyMatch(s -> isInside(token, s))) {
                    insideCounts.merge(stem, 1, Integer::sum);
                } else if (i + 1 < observationTokens.size() && starts.contains(observationTokens.get(i + 1).start())) {
                    beforeCounts.merge(stem, 1, Integer::sum);
                }
            }
        }
        Set<String> modifiers = new TreeSet<>();
        beforeCounts.forEach((stem, before) -> {
            if (before >= config.modifierMinCount() && insideCounts.getOrDefault(stem, 0) < config.modifierInsideRatio() * before) {
                modifiers.add(stem);
            }
        });
        return modifiers;
    }

    /**
     * Attachments: single non-content tokens that training mentions include whenever they stand right next to
     * them ("+Clinodactyly") more often than they leave them out, seen at least {@code modifierMinCount} times.
     */
    private Attachments learnAttachments(Corpus corpus, List<List<Token>> tokens, Set<String> modifiers) {
        Map<String, int[]> leading = new HashMap<>();
        Map<String, int[]> trailing = new HashMap<>();
        for (int o = 0; o < corpus.size(); o++) {
            List<Token> all = tokens.get(o);
            for (Finding finding : corpus.observations().get(o).keyFindings()) {
                int first = -1;
                int last = -1;
                for (int i = 0; i < all.size(); i++) {
                    if (isInside(all.get(i), finding.span())) {
                        first = first < 0 ? i : first;
                        last = i;
                    }
                }
                if (first < 0) {
                    continue;
                }
                countAttachment(all, first, first - 1, leading, modifiers);
                countAttachment(all, last, last + 1, trailing, modifiers);
            }
        }
        return new Attachments(attached(leading), attached(trailing));
    }

    /** Counts the edge token when it is no content word (included), else its outer neighbour if that is none. */
    private static void countAttachment(List<Token> all, int edge, int outside, Map<String, int[]> counts, Set<String> modifiers) {
        Token token = all.get(edge);
        if (!WordAnalyzer.isContentWord(token, modifiers)) {
            counts.computeIfAbsent(token.normalized(), k -> new int[2])[0]++;
        } else if (outside >= 0 && outside < all.size() && !WordAnalyzer.isContentWord(all.get(outside), modifiers)) {
            counts.computeIfAbsent(all.get(outside).normalized(), k -> new int[2])[1]++;
        }
    }

    private Set<String> attached(Map<String, int[]> counts) {
        Set<String> attached = new TreeSet<>();
        counts.forEach((token, c) -> {
            if (c[0] >= config.modifierMinCount() && c[0] > c[1]) {
                attached.add(token);
            }
        });
        return attached;
    }

    /**
     * Compositions: a term of the training findings that is a child of two other observable terms (Low-set,
     * posteriorly rotated ears of Low-set ears and of Posteriorly rotated ears) composes them, unless annotators
     * gave both parents in one observation as often as they gave the child at all.
     */
    private static Set<Composition> learnCompositions(Corpus corpus, Hpo hpo, Set<HpoId> allowed) {
        Map<HpoId, Integer> observationsWith = new HashMap<>();
        List<Set<HpoId>> idsByObservation = new ArrayList<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            Set<HpoId> ids = new TreeSet<>();
            observation.keyFindings().forEach(f -> ids.add(primary(hpo, f.id())));
            ids.forEach(id -> observationsWith.merge(id, 1, Integer::sum));
            idsByObservation.add(ids);
        }
        Set<Composition> compositions = new TreeSet<>();
        observationsWith.forEach((child, count) -> {
            if (!hpo.isActive(child)) {
                return;
            }
            List<HpoId> parents = hpo.parents(child).stream().filter(allowed::contains).toList();
            for (int a = 0; a < parents.size(); a++) {
                for (int b = a + 1; b < parents.size(); b++) {
                    HpoId first = parents.get(a);
                    HpoId second = parents.get(b);
                    long together = idsByObservation.stream().filter(ids -> ids.contains(first) && ids.contains(second)).count();
                    if (together < count) {
                        compositions.add(new Composition(first, second, child));
                    }
                }
            }
        });
        return compositions;
    }

    /** The function words a training mention keeps before its first and after its last content word. */
    private static BoundaryWords boundaryWords(List<Token> body, Set<String> modifiers) {
        int first = 0;
        while (first < body.size() && !WordAnalyzer.isContentWord(body.get(first), modifiers)) {
            first++;
        }
        int last = body.size() - 1;
        while (last > first && !WordAnalyzer.isContentWord(body.get(last), modifiers)) {
            last--;
        }
        List<String> leading = body.subList(0, first).stream().map(Token::normalized).toList();
        List<String> trailing = body.subList(last + 1, body.size()).stream().map(Token::normalized).toList();
        return new BoundaryWords(leading, trailing);
    }

    private static BoundaryWords mostFrequent(Map<BoundaryWords, Integer> counts) {
        return counts.entrySet().stream()
                .max(Comparator.<Map.Entry<BoundaryWords, Integer>>comparingInt(Map.Entry::getValue)
                        .thenComparing(e -> e.getKey().toString(), Comparator.reverseOrder()))
                .orElseThrow().getKey();
    }

    /**
     * Prose says a severity inside a finding, as an adverb: {@code speech was severely delayed}. A window may skip it
     * like a learned filler, where the words with it are no key ({@code severely impaired hearing} stays Severe
     * hearing impairment). Those the training file made modifiers ({@code mild}, {@code moderate}) are no words of a key
     * anyway.
     */
    private static Set<Integer> severityFillers(Vocabulary vocabulary) {
        Set<Integer> fillers = new TreeSet<>();
        for (String severity : SeverityTerms.SEVERITIES) {
            int stemId = vocabulary.id(Stemmer.stem(severity));
            if (stemId != Vocabulary.UNKNOWN) {
                fillers.add(stemId);
            }
        }
        return fillers;
    }

    /**
     * Fillers: words that training mentions (their header segment aside) add to an HPO name of their own id
     * ("nevus simplex L eyelid"); a window may skip one inside it.
     */
    private Set<Integer> learnFillers(WordAnalyzer analyzer, List<Name> mentions, Map<TermKey, IdVotes> entries,
            Set<TermKey> hpoKeys) {
        Map<Integer, Integer> counts = new HashMap<>();
        for (Name mention : mentions) {
            TermKey key = key(analyzer, mention.tokens());
            if (key == null || key.size() < 2) {
                continue;
            }
            for (int k = 0; k < key.size(); k++) {
                int stemId = key.stemId(k);
                TermKey shorter = key.without(stemId);
                if (hpoKeys.contains(shorter) && entries.get(shorter).names(mention.id())) {
                    counts.merge(stemId, 1, Integer::sum);
                }
            }
        }
        Set<Integer> fillers = new TreeSet<>();
        counts.forEach((stemId, count) -> {
            if (count >= config.fillerMinCount()) {
                fillers.add(stemId);
            }
        });
        return fillers;
    }

    /**
     * Negation cues: words seen before (or after) normal findings far more often than before (or after) key
     * findings, other than the words of the finding's own HPO names ("normal philtrum": "normal" is a cue,
     * "philtrum" is not). Chosen greedily, most normal findings first, each counting only the normal findings no
     * chosen cue explains yet: a word that merely keeps company with a cue ("appreciated" in "no murmur
     * appreciated") is not one itself.
     */
    private void learnNegationCues(Corpus corpus, List<List<Token>> tokens, Hpo hpo, Set<String> preCues, Set<String> postCues) {
        List<Set<String>> normal = new ArrayList<>();
        Map<String, Integer> keyCounts = new HashMap<>();
        Map<HpoId, Set<String>> termWords = new HashMap<>();
        for (int o = 0; o < corpus.size(); o++) {
            List<Token> observationTokens = tokens.get(o);
            for (Finding finding : corpus.observations().get(o).findings()) {
                Set<String> ownWords = termWords.computeIfAbsent(finding.id(), id -> termWords(hpo, id));
                List<Integer> inside = new ArrayList<>();
                for (int i = 0; i < observationTokens.size(); i++) {
                    if (isInside(observationTokens.get(i), finding.span())) {
                        inside.add(i);
                    }
                }
                if (inside.isEmpty()) {
                    continue;
                }
                Set<String> before = new HashSet<>();
                Set<String> after = new HashSet<>();
                int first = inside.get(0);
                int last = inside.get(inside.size() - 1);
                for (int i = Math.max(0, first - config.negationWindow()); i < first; i++) {
                    addWord(observationTokens.get(i), before);
                }
                for (int i = last + 1; i < Math.min(observationTokens.size(), last + 1 + config.postNegationWindow()); i++) {
                    addWord(observationTokens.get(i), after);
                }
                List<Token> words = inside.stream().map(observationTokens::get).filter(Token::isWord).toList();
                for (int p = 0; p < words.size(); p++) {
                    if (p < words.size() - 1) {
                        addWord(words.get(p), before);
                    }
                    if (p > 0) {
                        addWord(words.get(p), after);
                    }
                }
                Set<String> cues = new HashSet<>();
                before.stream().filter(w -> !ownWords.contains(Stemmer.stem(w))).forEach(w -> cues.add(PRE + w));
                after.stream().filter(w -> !ownWords.contains(Stemmer.stem(w))).forEach(w -> cues.add(POST + w));
                if (finding.isKey()) {
                    cues.forEach(cue -> keyCounts.merge(cue, 1, Integer::sum));
                } else {
                    normal.add(cues);
                }
            }
        }
        for (String cue : greedyCues(normal, keyCounts)) {
            if (cue.startsWith(PRE)) {
                preCues.add(cue.substring(PRE.length()));
            } else {
                postCues.add(cue.substring(POST.length()));
            }
        }
    }

    /**
     * Greedy cover of the normal findings, each given as the words around it marked with their side ("pre:no",
     * "post:intact"): the cue explaining most still-unexplained ones is taken while it explains
     * at least {@code negationMinCount} and is {@code negationRatio} times more frequent around normal findings than
     * around key ones. Ties go to the alphabetically first cue, so the result is deterministic.
     */
    private Set<String> greedyCues(List<Set<String>> normal, Map<String, Integer> keyCounts) {
        List<Set<String>> uncovered = new ArrayList<>(normal);
        Set<String> chosen = new TreeSet<>();
        while (true) {
            Map<String, Integer> counts = new TreeMap<>();
            uncovered.forEach(cues -> cues.forEach(cue -> counts.merge(cue, 1, Integer::sum)));
            String best = null;
            int bestCount = 0;
            for (Map.Entry<String, Integer> entry : counts.entrySet()) {
                int count = entry.getValue();
                if (count > bestCount && count >= config.negationMinCount()
                        && count >= config.negationRatio() * keyCounts.getOrDefault(entry.getKey(), 0)) {
                    best = entry.getKey();
                    bestCount = count;
                }
            }
            if (best == null) {
                return chosen;
            }
            chosen.add(best);
            String cue = best;
            uncovered.removeIf(cues -> cues.contains(cue));
        }
    }

    private static void addWord(Token token, Set<String> words) {
        if (token.isWord()) {
            words.add(token.normalized());
        }
    }

    /** The stems of every word of a term's label and synonyms. */
    private Set<String> termWords(Hpo hpo, HpoId id) {
        Set<String> words = new HashSet<>();
        hpo.term(id).ifPresent(term -> {
            for (String name : term.names()) {
                for (Token token : tokenizer.tokenize(name)) {
                    if (token.isWord()) {
                        words.add(Stemmer.stem(token.normalized()));
                    }
                }
            }
        });
        return words;
    }

    /** Whether a gold finding overlapping the match has its id, or a composite of its id (see {@link Composition}). */
    private static boolean isRight(LexicalMentionExtractor.Match match, List<Finding> gold, Hpo hpo, Set<HpoId> composites) {
        return gold.stream().anyMatch(g -> g.span().overlaps(match.span())
                && (primary(hpo, g.id()).equals(match.entry().id()) || composites.contains(primary(hpo, g.id()))));
    }

    /**
     * How often each entry's key-finding matches on the training texts were right. Entries that no training mention
     * gave ({@code mentionEntries} holds those that one did) and that matched fewer than {@link #HPO_ENTRY_MIN_MATCHES}
     * times are left out, so that they stay.
     */
    private static Map<EntryRef, EntryStats> entryStats(LexicalModel model, Corpus corpus, Hpo hpo, Set<EntryRef> mentionEntries) {
        LexicalMentionExtractor extractor = new LexicalMentionExtractor(model);
        Map<HpoId, Set<HpoId>> compositesOf = new HashMap<>();
        for (Composition composition : model.compositions()) {
            compositesOf.computeIfAbsent(composition.first(), id -> new HashSet<>()).add(composition.composite());
            compositesOf.computeIfAbsent(composition.second(), id -> new HashSet<>()).add(composition.composite());
        }
        Map<EntryRef, int[]> counts = new HashMap<>();
        for (AnnotatedObservation observation : corpus.observations()) {
            for (LexicalMentionExtractor.Match match : extractor.matchesOfEveryReading(observation.observation())) {
                if (!match.negated()) {
                    int[] c = counts.computeIfAbsent(match.entry(), e -> new int[2]);
                    c[0]++;
                    c[1] += isRight(match, observation.keyFindings(), hpo, compositesOf.getOrDefault(match.entry().id(), Set.of())) ? 1 : 0;
                }
            }
        }
        Map<EntryRef, EntryStats> stats = new HashMap<>();
        counts.forEach((entry, c) -> {
            if (mentionEntries.contains(entry) || c[0] >= HPO_ENTRY_MIN_MATCHES) {
                stats.put(entry, new EntryStats(c[0], c[1]));
            }
        });
        return stats;
    }
}
