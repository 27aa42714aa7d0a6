package org.hpolink.extract.lexical;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.Mention;
import org.hpolink.extract.MentionExtractor;
import org.hpolink.extract.TextCoverage;
import org.hpolink.extract.lexical.LexicalModel.BoundaryWords;
import org.hpolink.extract.lexical.LexicalModel.Composition;
import org.hpolink.extract.lexical.LexicalModel.EntryRef;
import org.hpolink.extract.lexical.LexicalModel.HeaderVotes;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * hpolink's fast extractor: looks every window of words up in the {@link LexicalModel}'s dictionary by its
 * order-free key, also with the section header's organ word added ({@code EARS: low set} -> Low-set ears at
 * {@code 0-4,6-13}) when the phrase stands alone, keeps the longest matches, marks a match preceded or followed by a
 * learned negation cue as a normal finding, and joins two findings of one sentence that annotators write as one
 * composite term. Immutable and thread-safe.
 */
public final class LexicalMentionExtractor implements MentionExtractor, TextCoverage {

    public static final String SOURCE = "lexical";

    /** An observation's text cut into tokens and units, with the content words of its section header. */
    private record AnalyzedText(String text, List<Token> tokens, List<Unit> units, List<Unit> headerWords) {
    }

    /**
     * A dictionary match before overlap resolution; {@code body} is its span without the header segment when it
     * {@code borrowsHeader}, else its span; {@code bridgesCoordinator} when its own words run across an {@code and},
     * {@code or} or {@code with} ({@code nose with anteverted}), {@code bridgesConjunction} when across an {@code and}
     * or {@code or}.
     */
    record Match(EntryRef entry, Span span, Span body, boolean borrowsHeader, boolean negated, double confidence,
                 boolean bridgesCoordinator, boolean bridgesConjunction) {
    }

    /** Characters that end a sentence or a phrase in brackets; findings on either side of one are not composed. */
    private static final String SENTENCE_BREAKS = ".;:()[]";
    /** The most content words between a coordinated prefix and the tail it shares ({@code posteriorly rotated}). */
    private static final int MAX_GAP_WORDS = 3;

    private final LexicalModel model;
    private final WordAnalyzer analyzer;
    private final Tokenizer tokenizer = new Tokenizer();
    /** The composite id of two ids (the smaller first). */
    private final Map<HpoId, Map<HpoId, HpoId>> composites = new HashMap<>();
    /** With prose names: the stems of organs' adjectives, which modify the noun after them. */
    private final Set<Integer> organAdjectiveStemIds;
    private final StemPairs stemPairs;

    public LexicalMentionExtractor(LexicalModel model) {
        this.model = model;
        this.stemPairs = new StemPairs(model.entries().keySet());
        this.analyzer = new WordAnalyzer(model.modifiers(), model.vocabulary());
        for (Composition composition : model.compositions()) {
            composites.computeIfAbsent(composition.first(), id -> new HashMap<>()).putIfAbsent(composition.second(), composition.composite());
        }
        this.organAdjectiveStemIds = !model.config().proseNames() ? Set.of() : LexicalTrainer.organAdjectives().stream()
                .map(word -> model.vocabulary().id(Stemmer.stem(word))).filter(id -> id != Vocabulary.UNKNOWN)
                .collect(Collectors.toUnmodifiableSet());
    }

    public LexicalModel model() {
        return model;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        List<Mention> mentions = new ArrayList<>();
        for (Match match : matches(observation)) {
            mentions.add(new Mention(match.span(), Optional.of(match.entry().id()),
                    match.negated() ? FindingStatus.NORMAL : FindingStatus.KEY, match.confidence(), SOURCE));
        }
        return composed(mentions, observation);
    }

    /**
     * A gap is a word after the section header that some name or training mention holds (a known content word, not a
     * negation cue such as {@code normal}) and no mention covers: in {@code EXTREMITIES: Thin with little subcutaneous
     * fat}, {@code thin} when the lexicon found only the fat. Words no name holds are no gap: a finding is named
     * with known words, and the other extractors' mentions that overlap this one's are not kept anyway.
     */
    @Override
    public boolean leavesGaps(Observation observation, List<Mention> mentions) {
        List<Token> tokens = tokenizer.tokenize(observation.text());
        int headerEnd = observation.section().map(s -> s.segment().end()).orElse(0);
        for (Unit unit : analyzer.units(tokens)) {
            Token first = tokens.get(unit.firstToken());
            if (first.start() < headerEnd || !unit.isKnownContent() || model.preNegationCues().contains(first.normalized())
                    || model.postNegationCues().contains(first.normalized())) {
                continue;
            }
            Segment words = new Segment(first.start(), tokens.get(unit.lastToken()).end());
            if (mentions.stream().noneMatch(m -> m.span().segments().stream().anyMatch(s -> s.intersects(words)))) {
                return true;
            }
        }
        return false;
    }

    /**
     * Replaces two key findings of one sentence whose ids the model composes by one finding of the composite id that
     * covers both spans ({@code EARS: low set, posteriorly rotated} -> Low-set, posteriorly rotated ears at
     * {@code 0-4,6-34}). Their spans may share the header segment but must not overlap otherwise.
     */
    private List<Mention> composed(List<Mention> mentions, Observation observation) {
        if (!anyComposes(mentions)) {
            return mentions;
        }
        List<Mention> result = new ArrayList<>(mentions);
        boolean composedAny = false;
        for (boolean again = true; again; ) {
            again = false;
            search:
            for (int a = 0; a < result.size(); a++) {
                for (int b = a + 1; b < result.size(); b++) {
                    Mention composite = composite(result.get(a), result.get(b), observation);
                    if (composite != null) {
                        result.remove(b);
                        result.remove(a);
                        result.add(composite);
                        again = true;
                        composedAny = true;
                        break search;
                    }
                }
            }
        }
        if (!composedAny) {
            return mentions;
        }
        result.sort(Comparator.comparing(Mention::span).thenComparing(m -> m.id().orElseThrow()));
        return result;
    }

    /** Whether the ids of two of the mentions compose, wherever they are: most observations have no such pair. */
    private boolean anyComposes(List<Mention> mentions) {
        for (int a = 0; a < mentions.size(); a++) {
            Map<HpoId, HpoId> partners = composites.get(mentions.get(a).id().orElseThrow());
            if (partners != null) {
                for (int b = 0; b < mentions.size(); b++) {
                    if (partners.containsKey(mentions.get(b).id().orElseThrow())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The composite finding of two mentions, or null when their ids do not compose or they are not in one sentence.
     * It borrows the section header only when both did.
     */
    private Mention composite(Mention one, Mention other, Observation observation) {
        if (one.status() != FindingStatus.KEY || other.status() != FindingStatus.KEY) {
            return null;
        }
        HpoId first = one.id().orElseThrow();
        HpoId second = other.id().orElseThrow();
        HpoId composite = first.compareTo(second) < 0 ? composites.getOrDefault(first, Map.of()).get(second)
                : composites.getOrDefault(second, Map.of()).get(first);
        if (composite == null) {
            return null;
        }
        Mention earlier = one.span().end() <= other.span().end() ? one : other;
        Mention later = earlier == one ? other : one;
        int gapStart = earlier.span().end();
        int gapEnd = -1;
        for (Segment segment : later.span().segments()) {
            if (segment.start() >= gapStart) {
                gapEnd = gapEnd < 0 ? segment.start() : gapEnd;
            } else if (!earlier.span().segments().contains(segment)) {
                return null; // they overlap beyond a shared header segment
            }
        }
        String text = observation.text();
        if (gapEnd < 0 || text.substring(gapStart, gapEnd).chars().anyMatch(c -> SENTENCE_BREAKS.indexOf(c) >= 0)) {
            return null;
        }
        int headerEnd = observation.section().map(section -> section.segment().end()).orElse(0);
        List<Segment> segments = new ArrayList<>();
        for (Mention part : List.of(earlier, later)) {
            Mention partner = part == earlier ? later : earlier;
            part.span().segments().stream()
                    .filter(segment -> segment.end() > headerEnd || partner.span().segments().contains(segment))
                    .forEach(segments::add);
        }
        if (joinsPhrases(text.substring(gapStart, gapEnd))) {
            segments.add(new Segment(gapStart, gapEnd));
        }
        return new Mention(Span.covering(segments), Optional.of(composite), FindingStatus.KEY, Math.min(one.score(), other.score()), SOURCE);
    }

    /**
     * Whether the text between two composed phrases holds no word but function words and modifiers ({@code , } or
     * {@code , slightly }): annotators then mark the composite as one stretch ({@code low set, posteriorly rotated}).
     */
    private boolean joinsPhrases(String gap) {
        return tokenizer.tokenize(gap).stream().noneMatch(token -> WordAnalyzer.isContentWord(token, model.modifiers()));
    }

    /** The resolved matches: longest first wins, contained ones dropped, one per span, sorted by span. */
    List<Match> matches(Observation observation) {
        return resolve(candidates(observation), observation.text(), true);
    }

    /**
     * The resolved matches the trainer measures the entries' precision on: {@link #matches}, except that a reading
     * running across a coordinator competes even where one of the same id within a phrase is there, since it still
     * shows how often its entry misleads ({@code low set ears and posteriorly rotated ears} is not the composite).
     */
    List<Match> matchesOfEveryReading(Observation observation) {
        return resolve(candidates(observation), observation.text(), false);
    }

    /** Every dictionary match of the observation's windows, before overlap resolution and the precision filter. */
    List<Match> candidates(Observation observation) {
        String text = observation.text();
        List<Token> tokens = tokenizer.tokenize(text);
        List<Unit> units = analyzer.units(tokens);
        int bodyStart = 0;
        List<Unit> headerWords = new ArrayList<>();
        if (observation.section().isPresent()) {
            int headerEnd = observation.section().get().segment().end();
            boolean borrowable = model.borrowsHeader(observation.section().get().name());
            while (bodyStart < units.size() && tokens.get(units.get(bodyStart).firstToken()).start() < headerEnd) {
                if (borrowable && units.get(bodyStart).isKnownContent()) {
                    headerWords.add(units.get(bodyStart));
                }
                bodyStart++;
            }
        }
        AnalyzedText analyzed = new AnalyzedText(text, tokens, units, headerWords);
        List<Match> candidates = new ArrayList<>();
        for (int i = bodyStart; i < units.size(); i++) {
            if (units.get(i).isKnownContent()) {
                collectWindowsFrom(i, analyzed, candidates);
                if (model.config().coordination()) {
                    collectCoordinatedFrom(i, analyzed, candidates);
                    collectStackedFrom(i, analyzed, candidates);
                }
            }
        }
        return candidates;
    }

    private void collectWindowsFrom(int i, AnalyzedText analyzed, List<Match> candidates) {
        List<Unit> units = analyzed.units();
        List<Unit> headerWords = analyzed.headerWords();
        LexicalConfig config = model.config();
        int[] stemIds = new int[config.maxKeyWords()];
        int size = 0;
        for (int j = i; j < units.size() && j < i + config.maxWindowTokens(); j++) {
            Unit unit = units.get(j);
            if (unit.endsClause()) {
                return;
            }
            if (!unit.isContent()) {
                continue;
            }
            if (unit.stemId() == Vocabulary.UNKNOWN || size == stemIds.length) {
                return; // no dictionary key holds an unknown word or this many words
            }
            stemIds[size++] = unit.stemId();
            if (size > 1 && !stemPairs.contains(stemIds[0], unit.stemId())) {
                // no key holds the first word with this one; a longer window holds them both unless it drops this
                // word as a filler
                if (!model.fillerStemIds().contains(unit.stemId())) {
                    return;
                }
                continue;
            }
            if (endsOnAnAdjectiveOfTheNextWord(units, j) || isLoneTypo(size, unit, analyzed)) {
                continue;
            }
            TermKey key = TermKey.of(stemIds, size);
            TermKey plainKey = plainEntryKey(key, units.get(i), unit);
            TermKey headerKey = isStandalone(analyzed, i, j) ? headerEntryKey(key, headerWords) : null;
            Unit headerWord = headerKey == null ? null : headerWordFor(headerKey, key, headerWords);
            if (plainKey != null && headerKey != null
                    && model.entries().get(plainKey).best().equals(model.entries().get(headerKey).best())) {
                HeaderVotes votes = model.headerVotes().getOrDefault(key, new HeaderVotes(0, 0));
                if (votes.preferHeader()) {
                    plainKey = null;
                } else {
                    headerKey = null;
                }
            }
            if (plainKey != null) {
                candidates.add(match(plainKey, key, null, i, j, analyzed));
            }
            if (headerKey != null) {
                candidates.add(match(headerKey, key, headerWord, i, j, analyzed));
            }
        }
    }

    /**
     * Coordination shares words between findings: in {@code long fingers and toes} the prefix {@code long} also
     * applies to {@code toes} ({@code long | toes}); in {@code short and upturned nose} the noun {@code nose} also
     * belongs to {@code short} ({@code short | nose}). The mention is a prefix (units {@code i..p}), then a gap of
     * one content word and a coordinator, then a tail; prefix + tail must be a dictionary key, and the gap word must
     * form one with the prefix or the tail, which confirms the parallel reading. A gap of more words, after a
     * coordinator, is the second of two stacked phrases ({@code low set, posteriorly rotated ears}: {@code low set |
     * ears}) or the rest of a list ({@code cardiac, renal and ocular abnormalities}: {@code cardiac | abnormalities}).
     */
    private void collectCoordinatedFrom(int i, AnalyzedText analyzed, List<Match> candidates) {
        List<Unit> units = analyzed.units();
        int maxWords = model.config().maxKeyWords();
        int[] prefix = new int[maxWords];
        int prefixSize = 0;
        boolean objectOfOf = followsOf(i, analyzed);
        boolean lastConjunct = i > 0 && isAndOr(analyzed.tokens().get(analyzed.units().get(i - 1).firstToken()));
        for (int p = i; p < units.size() && p < i + model.config().maxWindowTokens(); p++) {
            Unit unit = units.get(p);
            if (unit.endsClause() || (unit.isContent() && !unit.isKnownContent()) || prefixSize == maxWords - 1) {
                return;
            }
            if (!unit.isContent()) {
                continue;
            }
            prefix[prefixSize++] = unit.stemId();
            int[] gapWords = new int[MAX_GAP_WORDS];
            int gapSize = 0;
            boolean coordinatedBeforeGap = false;
            boolean coordinatedInGap = false;
            // A list has a coordinator before each of its words: "cardiac, renal and ocular".
            boolean listSoFar = true;
            boolean coordinatedSinceWord = false;
            boolean coordinatedByWord = false;
            boolean commaBeforeGap = false;
            boolean wordBeforeGap = false;
            for (int tail = p + 1; tail < units.size() && units.get(tail).kind() != Unit.Kind.BREAK; tail++) {
                Unit gap = units.get(tail);
                if (!gap.isContent()) {
                    boolean coordinator = isCoordinator(gap, analyzed.tokens());
                    coordinatedByWord |= coordinator && gap.kind() != Unit.Kind.COMMA;
                    commaBeforeGap |= gap.kind() == Unit.Kind.COMMA && gapSize == 0;
                    wordBeforeGap |= coordinator && gap.kind() != Unit.Kind.COMMA && gapSize == 0;
                    coordinatedBeforeGap |= coordinator && gapSize == 0;
                    coordinatedInGap |= coordinator && gapSize > 0;
                    coordinatedSinceWord |= coordinator;
                    continue;
                }
                if (!gap.isKnownContent()) {
                    break;
                }
                boolean oneWordGap = gapSize == 1 && (coordinatedBeforeGap || coordinatedInGap);
                boolean stackedGap = gapSize > 1 && coordinatedBeforeGap && !coordinatedInGap;
                boolean listGap = gapSize > 1 && coordinatedBeforeGap && listSoFar;
                // Words that end their phrase at a comma share nothing across it: the object of an of (osteomas of
                // the mandible, dental anomalies), the last word of a coordination before a comma and an and (cleft
                // lip and palate, and skeletal abnormalities; not ptosis and low-set, posteriorly rotated ears), and
                // a plural noun before a comma alone (stereotypic movements, sleep disturbance).
                boolean shares = (!objectOfOf || coordinatedByWord)
                        && !(lastConjunct && commaBeforeGap && wordBeforeGap)
                        && !(commaBeforeGap && !wordBeforeGap && analyzer.isPlural(analyzed.tokens().get(unit.lastToken())));
                if ((oneWordGap || stackedGap || listGap) && shares) {
                    collectCoordinatedTails(i, p, Arrays.copyOf(gapWords, gapSize), listGap, coordinatedBeforeGap, tail, prefix,
                            prefixSize, analyzed, candidates);
                }
                if (gapSize == MAX_GAP_WORDS || (gapSize == 1 && !coordinatedBeforeGap)) {
                    break; // a longer gap needs a coordinator before it: nothing after this word can be read
                }
                listSoFar &= coordinatedSinceWord;
                coordinatedSinceWord = false;
                gapWords[gapSize++] = tail;
            }
        }
    }

    /**
     * The readings of prefix + tail for one gap: confirmed by the gap with the tail as a dictionary phrase, or, for a
     * gap of one word, by the prefix with it; for a {@code list} (a coordinator before each gap word: {@code cardiac,
     * renal and ocular abnormalities}), by its last word with the tail.
     */
    private void collectCoordinatedTails(int i, int p, int[] gapWords, boolean list, boolean coordinatedBeforeGap, int tail,
            int[] prefix, int prefixSize, AnalyzedText analyzed, List<Match> candidates) {
        List<Unit> units = analyzed.units();
        int maxWords = model.config().maxKeyWords();
        if (gapWords.length >= maxWords) {
            return;
        }
        int[] withTail = Arrays.copyOf(prefix, maxWords);
        int[] gapAndTail = new int[maxWords];
        for (int g = 0; g < gapWords.length; g++) {
            gapAndTail[g] = units.get(gapWords[g]).stemId();
        }
        int size = prefixSize;
        int tailSize = gapWords.length;
        for (int j = tail; j < units.size() && size < maxWords && tailSize < maxWords; j++) {
            Unit unit = units.get(j);
            if (unit.endsClause() || (unit.isContent() && !unit.isKnownContent())) {
                return;
            }
            if (!unit.isContent()) {
                continue;
            }
            if (!stemPairs.contains(prefix[0], unit.stemId()) || !stemPairs.contains(prefix[prefixSize - 1], unit.stemId())) {
                return; // no key holds the prefix with this word, nor one with more words
            }
            withTail[size++] = unit.stemId();
            gapAndTail[tailSize++] = unit.stemId();
            TermKey key = TermKey.of(withTail, size);
            if (!model.entries().containsKey(key)) {
                continue;
            }
            boolean parallel = list && gapWords.length > 1
                    ? model.entries().containsKey(TermKey.of(Arrays.copyOfRange(gapAndTail, gapWords.length - 1, tailSize)))
                    : model.entries().containsKey(TermKey.of(gapAndTail, tailSize));
            if (gapWords.length == 1) {
                int[] prefixAndGap = Arrays.copyOf(prefix, prefixSize + 1);
                prefixAndGap[prefixSize] = gapAndTail[0];
                parallel |= model.entries().containsKey(TermKey.of(prefixAndGap))
                        || model.entries().containsKey(alternativeKey(prefix, prefixSize, gapAndTail, tailSize, coordinatedBeforeGap));
            }
            if (parallel && !headsLongerPhrase(tail, j, analyzed)) {
                candidates.add(match(key, units.get(i).firstToken(), units.get(j).lastToken(),
                        List.of(new int[] {units.get(i).firstToken(), units.get(p).lastToken()},
                                new int[] {units.get(tail).firstToken(), units.get(j).lastToken()}), false, analyzed));
            }
        }
    }

    /**
     * The key of the other alternative of a one-word gap, where both share words on each side: in {@code recurrent
     * bacterial and fungal infections}, Recurrent bacterial infections is read with the gap word for the word on the
     * coordinator's other side ({@code recurrent fungal infections}), and the other way round. With the coordinator
     * before the gap, the gap word stands for the prefix's last word; after it, for the tail's first word. An empty
     * key where that word would be the key's only one.
     */
    private static TermKey alternativeKey(int[] prefix, int prefixSize, int[] gapAndTail, int tailSize, boolean coordinatedBeforeGap) {
        int[] words = new int[prefixSize + tailSize];
        int size = 0;
        int keptPrefix = coordinatedBeforeGap ? prefixSize - 1 : prefixSize;
        if (keptPrefix < 1 || (!coordinatedBeforeGap && tailSize < 3)) {
            return TermKey.of(words, 0);
        }
        for (int k = 0; k < keptPrefix; k++) {
            words[size++] = prefix[k];
        }
        words[size++] = gapAndTail[0];
        for (int k = coordinatedBeforeGap ? 1 : 2; k < tailSize; k++) {
            words[size++] = gapAndTail[k];
        }
        return TermKey.of(words, size);
    }

    /**
     * Whether the words from unit {@code tail} run on past unit {@code end} into a dictionary phrase of their own: in
     * {@code cerebellar hypoplasia and agenesis of the corpus callosum}, {@code agenesis} heads Agenesis of corpus
     * callosum and shares no word with {@code cerebellar}.
     */
    private boolean headsLongerPhrase(int tail, int end, AnalyzedText analyzed) {
        List<Unit> units = analyzed.units();
        int[] stemIds = new int[model.config().maxKeyWords()];
        int size = 0;
        for (int k = tail; k < units.size() && k < tail + model.config().maxWindowTokens() && size < stemIds.length; k++) {
            Unit unit = units.get(k);
            if (unit.endsClause() || (unit.isContent() && !unit.isKnownContent())) {
                return false;
            }
            if (unit.isContent()) {
                if (size > 0 && !stemPairs.contains(stemIds[0], unit.stemId())) {
                    return false;
                }
                stemIds[size++] = unit.stemId();
                if (k > end && model.entries().containsKey(TermKey.of(stemIds, size))) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Stacked modifiers share the noun: in {@code long flat philtrum} both {@code flat philtrum} and {@code long} +
     * {@code philtrum} are findings. Unit {@code i} is the outer word; the words after it (past modifiers) must form
     * a dictionary phrase of at least two words, the inner finding, and unit {@code i} with that phrase's last words
     * (as many as make a key, most first) the outer one.
     */
    private void collectStackedFrom(int i, AnalyzedText analyzed, List<Match> candidates) {
        List<Unit> units = analyzed.units();
        List<Token> tokens = analyzed.tokens();
        int start = i + 1;
        while (start < units.size() && units.get(start).kind() == Unit.Kind.FUNCTION
                && WordAnalyzer.isModifier(tokens.get(units.get(start).firstToken()), model.modifiers())) {
            start++;
        }
        if (start >= units.size() || !units.get(start).isKnownContent()) {
            return;
        }
        int maxWords = model.config().maxKeyWords();
        int[] inner = new int[maxWords];
        int[] innerUnits = new int[maxWords];
        int size = 0;
        for (int k = start; k < units.size() && k < start + model.config().maxWindowTokens(); k++) {
            Unit unit = units.get(k);
            if (unit.endsClause() || (unit.isContent() && !unit.isKnownContent()) || size == maxWords - 1) {
                return;
            }
            if (!unit.isContent()) {
                continue;
            }
            if (size > 0 && !stemPairs.contains(inner[0], unit.stemId())) {
                return; // no inner phrase goes on from here
            }
            inner[size] = unit.stemId();
            innerUnits[size++] = k;
            if (size < 2 || !model.entries().containsKey(TermKey.of(inner, size))) {
                continue;
            }
            for (int tail = size - 1; tail >= 1; tail--) {
                int[] outer = new int[tail + 1];
                outer[0] = units.get(i).stemId();
                System.arraycopy(inner, size - tail, outer, 1, tail);
                TermKey key = TermKey.of(outer, outer.length);
                if (model.entries().containsKey(key)) {
                    candidates.add(match(key, units.get(i).firstToken(), unit.lastToken(),
                            List.of(new int[] {units.get(i).firstToken(), units.get(i).lastToken()},
                                    new int[] {units.get(innerUnits[size - tail]).firstToken(), unit.lastToken()}), false, analyzed));
                    break;
                }
            }
        }
    }

    /** Whether unit {@code i} follows {@code of}, with an article between or not. */
    private static boolean followsOf(int i, AnalyzedText analyzed) {
        int before = i - 1;
        while (before >= 0 && isArticle(analyzed.tokens().get(analyzed.units().get(before).firstToken()))) {
            before--;
        }
        return before >= 0 && analyzed.tokens().get(analyzed.units().get(before).firstToken()).normalized().equals("of");
    }

    /** {@code and} or {@code or}: a coordinator word other than {@code with}. */
    private static boolean isAndOr(Token token) {
        return isCoordinatorWord(token) && !token.normalized().equals("with");
    }

    private static boolean isArticle(Token token) {
        return token.normalized().equals("the") || token.normalized().equals("a") || token.normalized().equals("an");
    }

    private static boolean isCoordinator(Unit unit, List<Token> tokens) {
        Token token = tokens.get(unit.firstToken());
        return unit.kind() == Unit.Kind.COMMA || token.surface().equals("/") || token.surface().equals("&") || isAndOr(token);
    }

    /** {@code and}, {@code or} or {@code with}. */
    private static boolean isCoordinatorWord(Token token) {
        return token.isWord() && WordAnalyzer.COORDINATORS.contains(token.normalized());
    }

    /**
     * With prose names, a word known only after typo correction names no finding alone: prose is full of words HPO
     * does not hold, a name among them ({@code Maria} is one letter from {@code mania}).
     */
    private boolean isLoneTypo(int size, Unit unit, AnalyzedText analyzed) {
        return size == 1 && model.config().proseNames() && unit.firstToken() == unit.lastToken()
                && analyzer.isTypoCorrected(analyzed.tokens().get(unit.firstToken()));
    }

    /**
     * Whether the window ending at unit {@code j} ends on an organ's adjective with a word right after it, which the
     * adjective modifies: {@code abnormalities in ocular saccades} names no abnormality of the eye.
     */
    private boolean endsOnAnAdjectiveOfTheNextWord(List<Unit> units, int j) {
        return j + 1 < units.size() && units.get(j + 1).isContent() && organAdjectiveStemIds.contains(units.get(j).stemId());
    }

    /** The key itself when in the dictionary, else the key less one learned filler inside the window. */
    private TermKey plainEntryKey(TermKey key, Unit first, Unit last) {
        if (model.entries().containsKey(key)) {
            return key;
        }
        if (key.size() < 2) {
            return null;
        }
        for (int k = 0; k < key.size(); k++) {
            int stemId = key.stemId(k);
            if (stemId != first.stemId() && stemId != last.stemId() && model.fillerStemIds().contains(stemId)) {
                TermKey shorter = key.without(stemId);
                if (model.entries().containsKey(shorter)) {
                    return shorter;
                }
            }
        }
        return null;
    }

    /** The key with the last header word that makes it a dictionary key, if any. */
    private TermKey headerEntryKey(TermKey key, List<Unit> headerWords) {
        TermKey found = null;
        for (Unit word : headerWords) {
            if (!key.contains(word.stemId())) {
                TermKey withHeader = key.with(word.stemId());
                if (model.entries().containsKey(withHeader)) {
                    found = withHeader;
                }
            }
        }
        return found;
    }

    private static Unit headerWordFor(TermKey headerKey, TermKey key, List<Unit> headerWords) {
        Unit found = null;
        for (Unit word : headerWords) {
            if (!key.contains(word.stemId()) && key.with(word.stemId()).equals(headerKey)) {
                found = word;
            }
        }
        return found;
    }

    /**
     * A phrase may borrow the header's organ only when it stands alone: no content word follows it in its phrase
     * (else it modifies that word: {@code EARS: prominent antitragus}) and its clause does not name the organ.
     */
    private boolean isStandalone(AnalyzedText analyzed, int i, int j) {
        List<Unit> units = analyzed.units();
        List<Unit> headerWords = analyzed.headerWords();
        if (headerWords.isEmpty()) {
            return false;
        }
        int next = j + 1;
        while (next < units.size() && units.get(next).kind() == Unit.Kind.FUNCTION
                && isSkippableFunctionWord(analyzed.tokens().get(units.get(next).firstToken()))) {
            next++;
        }
        if (next < units.size() && units.get(next).isContent() && !model.fillerStemIds().contains(units.get(next).stemId())) {
            return false;
        }
        int clauseStart = i;
        while (clauseStart > 0 && !units.get(clauseStart - 1).endsClause()) {
            clauseStart--;
        }
        int clauseEnd = j;
        while (clauseEnd + 1 < units.size() && !units.get(clauseEnd + 1).endsClause()) {
            clauseEnd++;
        }
        for (int k = clauseStart; k <= clauseEnd; k++) {
            Unit unit = units.get(k);
            if (unit.isKnownContent() && !headerWords.contains(unit)
                    && headerWords.stream().anyMatch(h -> h.stemId() == unit.stemId())) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSkippableFunctionWord(Token token) {
        return token.isWord() && WordAnalyzer.FUNCTION_WORDS.contains(token.normalized()) && !isCoordinatorWord(token);
    }

    /** A match of the window {@code i..j}, widened by the boundary words annotators keep with its phrase. */
    private Match match(TermKey entryKey, TermKey windowKey, Unit headerWord, int i, int j, AnalyzedText analyzed) {
        List<Unit> units = analyzed.units();
        List<Token> tokens = analyzed.tokens();
        int first = units.get(i).firstToken();
        int last = units.get(j).lastToken();
        BoundaryWords boundary = model.boundaries().get(windowKey);
        if (boundary != null && precededBy(tokens, first, boundary.leading())) {
            first -= boundary.leading().size();
        } else if (first > 0 && model.attachments().leading().contains(tokens.get(first - 1).normalized())) {
            first--;
        }
        if (boundary != null && followedBy(tokens, last, boundary.trailing())) {
            last += boundary.trailing().size();
        } else if (last + 1 < tokens.size() && model.attachments().trailing().contains(tokens.get(last + 1).normalized())) {
            last++;
        }
        List<int[]> ranges = new ArrayList<>();
        if (headerWord != null) {
            ranges.add(new int[] {headerWord.firstToken(), headerWord.lastToken()});
        }
        ranges.add(new int[] {first, last});
        return match(entryKey, units.get(i).firstToken(), units.get(j).lastToken(), ranges, headerWord != null, analyzed);
    }

    /**
     * A match covering the given inclusive token ranges, the first of them the header word when {@code withHeader},
     * negated by cues around tokens {@code first..last}.
     */
    private Match match(TermKey entryKey, int first, int last, List<int[]> tokenRanges, boolean withHeader, AnalyzedText analyzed) {
        List<Token> tokens = analyzed.tokens();
        IdVotes votes = model.entries().get(entryKey);
        List<Segment> segments = new ArrayList<>();
        List<Segment> body = new ArrayList<>();
        boolean bridgesCoordinator = false;
        boolean bridgesConjunction = false;
        for (int r = 0; r < tokenRanges.size(); r++) {
            int[] tokenRange = tokenRanges.get(r);
            List<Segment> range = segmentsOf(tokens, tokenRange[0], tokenRange[1], analyzed.text());
            segments.addAll(range);
            if (r > 0 || !withHeader) {
                body.addAll(range);
                for (Token own : tokens.subList(tokenRange[0], tokenRange[1] + 1)) {
                    if (isCoordinatorWord(own)) {
                        bridgesCoordinator = true;
                        bridgesConjunction |= !own.normalized().equals("with");
                    }
                }
            }
        }
        boolean negated = isNegated(tokens, first, last);
        Span span = Span.covering(segments);
        return new Match(new EntryRef(entryKey, votes.best()), span, withHeader ? Span.covering(body) : span, withHeader, negated,
                votes.confidence(), bridgesCoordinator, bridgesConjunction);
    }

    private static boolean precededBy(List<Token> tokens, int first, List<String> words) {
        if (words.isEmpty() || first < words.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(first - words.size() + k).normalized().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    private static boolean followedBy(List<Token> tokens, int last, List<String> words) {
        if (words.isEmpty() || last + words.size() >= tokens.size()) {
            return false;
        }
        for (int k = 0; k < words.size(); k++) {
            if (!tokens.get(last + 1 + k).normalized().equals(words.get(k))) {
                return false;
            }
        }
        return true;
    }

    /** Tokens {@code first..last} as segments: neighbours separated by nothing but white space share one. */
    private static List<Segment> segmentsOf(List<Token> tokens, int first, int last, String text) {
        List<Segment> segments = new ArrayList<>();
        int start = tokens.get(first).start();
        int end = tokens.get(first).end();
        for (int k = first + 1; k <= last; k++) {
            Token token = tokens.get(k);
            if (isBlank(text, end, token.start())) {
                end = token.end();
            } else {
                segments.add(new Segment(start, end));
                start = token.start();
                end = token.end();
            }
        }
        segments.add(new Segment(start, end));
        return segments;
    }

    private static boolean isBlank(String text, int from, int to) {
        for (int k = from; k < to; k++) {
            if (!Character.isWhitespace(text.charAt(k))) {
                return false;
            }
        }
        return true;
    }

    /**
     * A learned cue within a few words before (not across a break, nor a comma unless a list with "or" goes on; each
     * "or" opens a new window, so "no obvious hooding or clinodactyly" reaches both) or right after (not across a
     * comma).
     */
    private boolean isNegated(List<Token> tokens, int first, int last) {
        int words = 0;
        for (int k = first - 1; k >= 0 && words < model.config().negationWindow(); k--) {
            Token token = tokens.get(k);
            if (WordAnalyzer.isBreak(token) || (token.surface().equals(",") && !listGoesOnWithOr(tokens, last))) {
                break;
            }
            if (token.isWord()) {
                if (model.preNegationCues().contains(token.normalized()) && !afterOr(tokens, k)) {
                    return true;
                }
                words = isDisjunction(token) ? 0 : words + 1;
            }
        }
        words = 0;
        for (int k = last + 1; k < tokens.size() && words < model.config().postNegationWindow(); k++) {
            Token token = tokens.get(k);
            if (WordAnalyzer.isBreak(token) || token.surface().equals(",")) {
                break;
            }
            if (token.isWord()) {
                if (model.postNegationCues().contains(token.normalized())) {
                    return true;
                }
                words++;
            }
        }
        return false;
    }

    /** Whether the word before token {@code k} is "or": "with or without" offers a finding, it does not deny it. */
    private static boolean afterOr(List<Token> tokens, int k) {
        for (int j = k - 1; j >= 0; j--) {
            if (tokens.get(j).isWord()) {
                return tokens.get(j).normalized().equals("or");
            }
        }
        return false;
    }

    /**
     * Whether the clause goes on after token {@code last} with "or"/"nor": then a cue before a comma still reaches
     * this mention ("no webbing, cysts or pits"), else the comma ends its scope ("no epicanthus, clinodactyly").
     */
    private static boolean listGoesOnWithOr(List<Token> tokens, int last) {
        for (int k = last + 1; k < tokens.size() && !WordAnalyzer.isBreak(tokens.get(k)); k++) {
            if (isDisjunction(tokens.get(k))) {
                return true;
            }
        }
        return false;
    }

    /** Whether the text from {@code start} to {@code end} is one {@code and} or {@code or} between spaces. */
    private static boolean isCoordinatorAlone(String text, int start, int end) {
        if (start > end) {
            return false;
        }
        String between = text.substring(start, end).strip();
        return between.equalsIgnoreCase("and") || between.equalsIgnoreCase("or");
    }

    private static boolean isDisjunction(Token token) {
        return token.normalized().equals("or") || token.normalized().equals("nor");
    }

    /**
     * Drops the matches of low-precision entries, and when {@code preferUnbridged} those running across a coordinator
     * where a match of the same id that does not overlaps them; then keeps the longest: a match contained in a kept one, or
     * overlapping a kept one of the same id, is dropped. Last, a match that borrowed the header is dropped when its
     * own words overlap a kept match that did not: the words belong to that phrase ({@code CARDIAC: systolic murmur}
     * is Systolic murmur, not also Heart murmur).
     */
    private List<Match> resolve(List<Match> candidates, String text, boolean preferUnbridged) {
        List<Match> ordered = new ArrayList<>();
        for (Match candidate : candidates) {
            if (!model.isRejected(candidate.entry())) {
                ordered.add(candidate);
            }
        }
        if (preferUnbridged) {
            // Of two readings of one finding, the one that runs across a coordinator borrows a word of the next
            // phrase (nose with anteverted, where anteverted nares follows): annotators mark the other.
            List<Match> unbridged = ordered.stream().filter(m -> !m.bridgesCoordinator()).toList();
            ordered.removeIf(m -> m.bridgesCoordinator()
                    && unbridged.stream().anyMatch(u -> u.entry().id().equals(m.entry().id()) && u.span().overlaps(m.span())));
            // Nor does a reading across an and or or, or one sharing words by coordination, take its first words
            // from a phrase before it: in cerebellar hypoplasia and agenesis of the corpus callosum, hypoplasia is
            // the cerebellum's. (Across with it may: short 5th fingers with clinodactyly.)
            // A phrase that ends at the coordinator before a shared reading's tail is the parallel reading that
            // confirms it, not another phrase: progressive muscle weakness and wasting is also muscle wasting.
            ordered.removeIf(m -> (m.bridgesConjunction() || m.span().isDiscontinuous()) && unbridged.stream().anyMatch(u -> !u.span().isDiscontinuous()
                    && u.span().start() < m.span().start() && u.span().end() > m.span().start() && u.span().end() < m.span().end()
                    && !(m.span().isDiscontinuous() && isCoordinatorAlone(text, u.span().end(), m.span().segments().get(1).start()))));
        }
        ordered.sort(Comparator.comparingInt((Match m) -> -m.span().coveredLength()).thenComparing(Match::span));
        List<Match> kept = new ArrayList<>();
        Set<Span> spans = new HashSet<>();
        for (Match candidate : ordered) {
            // annotators never mark one id twice on overlapping spans
            boolean redundant = kept.stream().anyMatch(k -> k.span().contains(candidate.span())
                    || (k.entry().id().equals(candidate.entry().id()) && k.span().overlaps(candidate.span())));
            if (!redundant && spans.add(candidate.span())) {
                kept.add(candidate);
            }
        }
        if (kept.stream().anyMatch(Match::borrowsHeader)) {
            List<Match> phrases = kept.stream().filter(m -> !m.borrowsHeader()).toList();
            kept.removeIf(m -> m.borrowsHeader() && phrases.stream().anyMatch(p -> p.span().overlaps(m.body())));
        }
        kept.sort(Comparator.comparing(Match::span).thenComparing(m -> m.entry().id()));
        return kept;
    }
}
