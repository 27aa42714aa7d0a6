package org.hpolink.extract.lexical;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.hpolink.text.Token;

/**
 * Turns tokens into {@link Unit}s: which words carry meaning (content), which may sit inside a mention without
 * counting (function words, learned modifiers, punctuation), and where clauses break. Content words get the
 * vocabulary id of their stem after typo correction; two adjacent words the dictionary spells as one are joined.
 * Thread-safe; what it works out for a word is kept for the next time the word comes.
 */
final class WordAnalyzer {

    /** Closed-class words that never name a finding on their own; they may sit inside a mention. */
    static final Set<String> FUNCTION_WORDS = Set.of("of", "the", "a", "an", "and", "or", "to", "in", "on", "at",
            "with", "is", "are", "be", "by", "for", "as", "that", "this", "there", "which", "was", "were", "has",
            "have", "appear", "appears", "appearing", "noted", "note", "seen", "present", "both", "each", "his", "her",
            "their", "its", "it", "become", "becomes", "became");

    /** Function words that may join a phrase to what follows ("low set and posteriorly rotated"). */
    static final Set<String> COORDINATORS = Set.of("and", "or", "with");

    private static final String BREAKS = ".;:()[]";

    /** Prefixes written hanging before their pair ({@code pre- and postnatal}); none begins another. */
    private static final Set<String> PAIRED_PREFIXES = Set.of("hyper", "hypo", "pre", "post", "peri", "intra", "extra",
            "inter", "micro", "macro", "uni", "bi", "sub", "supra", "infra", "ante", "retro", "endo", "exo", "hemi");
    private static final Set<String> PREFIX_COORDINATORS = Set.of("and", "or", ",", "/");

    /** The most words whose analysis is kept: enough for the vocabulary of a large corpus, a few MB at most. */
    private static final int MAX_KEPT_WORDS = 200_000;

    /** What {@link #units} needs of a word: a function of its normalized form alone, so kept once computed. */
    private record WordInfo(String stem, boolean modifier, int correctedId) {
    }

    private final Set<String> modifiers;
    private final Vocabulary vocabulary;
    /** Stemming and typo correction took a quarter of the time on notes, whose words repeat; hence this memo. */
    private final Map<String, WordInfo> words = new ConcurrentHashMap<>();

    WordAnalyzer(Set<String> modifiers, Vocabulary vocabulary) {
        this.modifiers = Set.copyOf(modifiers);
        this.vocabulary = vocabulary;
    }

    Vocabulary vocabulary() {
        return vocabulary;
    }

    static boolean isBreak(Token token) {
        return token.kind() == Token.Kind.PUNCTUATION && BREAKS.contains(token.surface());
    }

    /** A word that is neither a function word nor a learned modifier. */
    static boolean isContentWord(Token token, Set<String> modifiers) {
        return token.isWord() && !FUNCTION_WORDS.contains(token.normalized())
                && !modifiers.contains(Stemmer.stem(token.normalized()));
    }

    /** A learned modifier that is not also a function word ("mildly", not "with"). */
    static boolean isModifier(Token token, Set<String> modifiers) {
        return token.isWord() && !FUNCTION_WORDS.contains(token.normalized()) && modifiers.contains(Stemmer.stem(token.normalized()));
    }

    /** Whether {@link #isContentWord} holds for the token, from the memo. */
    private boolean isContent(Token token) {
        return token.isWord() && !FUNCTION_WORDS.contains(token.normalized()) && !info(token.normalized()).modifier();
    }

    /** A word in {@code -s} that the stemmer takes for a plural ({@code movements}, not {@code pes} or {@code iris}). */
    boolean isPlural(Token token) {
        String word = token.normalized();
        return token.isWord() && word.length() > 3 && word.endsWith("s") && !info(word).stem().endsWith("s");
    }

    /** Whether the word is known only after typo correction ({@code Maria} read as {@code mania}). */
    boolean isTypoCorrected(Token token) {
        WordInfo info = info(token.normalized());
        return info.correctedId() != Vocabulary.UNKNOWN && info.correctedId() != vocabulary.id(info.stem());
    }

    private WordInfo info(String normalized) {
        WordInfo info = words.get(normalized);
        if (info == null) {
            String stem = Stemmer.stem(normalized);
            info = new WordInfo(stem, modifiers.contains(stem), vocabulary.id(vocabulary.correct(stem)));
            if (words.size() < MAX_KEPT_WORDS) {
                words.put(normalized, info);
            }
        }
        return info;
    }

    List<Unit> units(List<Token> tokens) {
        List<Unit> units = new ArrayList<>(tokens.size());
        int i = 0;
        while (i < tokens.size()) {
            Token token = tokens.get(i);
            int completed = completedPrefixStemId(tokens, i);
            if (completed != Vocabulary.UNKNOWN) {
                units.add(new Unit(i, i + 1, Unit.Kind.CONTENT, completed));
                i += 2;
                continue;
            }
            if (isContent(token)) {
                int partner = nextWordJoinedByPunctuation(tokens, i);
                if (partner >= 0) {
                    int joined = vocabulary.id(Stemmer.stem(token.normalized() + tokens.get(partner).normalized()));
                    // "vitamin E" joins to "vitamine", whose stem is "vitamin"'s: a join that only swallows the
                    // second word would make vitamin E deficiency vitamin A's.
                    if (joined != Vocabulary.UNKNOWN && joined != vocabulary.id(info(token.normalized()).stem())) {
                        units.add(new Unit(i, partner, Unit.Kind.CONTENT, joined));
                        i = partner + 1;
                        continue;
                    }
                }
                units.add(new Unit(i, i, Unit.Kind.CONTENT, info(token.normalized()).correctedId()));
            } else if (token.surface().equals(",")) {
                units.add(new Unit(i, i, isBetweenNumbers(tokens, i) ? Unit.Kind.FUNCTION : Unit.Kind.COMMA, Vocabulary.UNKNOWN));
            } else {
                units.add(new Unit(i, i, isBreak(token) ? Unit.Kind.BREAK : Unit.Kind.FUNCTION, Vocabulary.UNKNOWN));
            }
            i++;
        }
        return units;
    }

    /**
     * A prefix left hanging before a coordinator borrows the rest of the next word: in {@code pre- and postnatal}
     * the {@code pre-} is {@code prenatal}, in {@code hypo- or hyperpigmented} the {@code hypo-} is
     * {@code hypopigmented}. The vocabulary id of the completed word's stem when token {@code i} is such a prefix and
     * the word is known; else {@link Vocabulary#UNKNOWN}.
     */
    private int completedPrefixStemId(List<Token> tokens, int i) {
        if (i + 3 >= tokens.size() || !PAIRED_PREFIXES.contains(tokens.get(i).normalized())
                || !tokens.get(i + 1).normalized().equals("-") || tokens.get(i + 1).start() != tokens.get(i).end()) {
            return Vocabulary.UNKNOWN;
        }
        Token coordinator = tokens.get(i + 2);
        Token next = tokens.get(i + 3);
        if (!PREFIX_COORDINATORS.contains(coordinator.normalized()) || !next.isWord()) {
            return Vocabulary.UNKNOWN;
        }
        for (String prefix : PAIRED_PREFIXES) {
            if (next.normalized().length() > prefix.length() + 2 && next.normalized().startsWith(prefix)
                    && !prefix.equals(tokens.get(i).normalized())) {
                return vocabulary.id(Stemmer.stem(tokens.get(i).normalized() + next.normalized().substring(prefix.length())));
            }
        }
        return Vocabulary.UNKNOWN;
    }

    /** The index of the next content word when only hyphens or spaces separate it from word {@code i}; else -1. */
    private int nextWordJoinedByPunctuation(List<Token> tokens, int i) {
        int j = i + 1;
        while (j < tokens.size() && tokens.get(j).normalized().equals("-")) {
            j++;
        }
        return j < tokens.size() && j - i <= 2 && isContent(tokens.get(j)) ? j : -1;
    }

    /** "2,3 toe syndactyly": a comma inside a list of digits does not end the phrase. */
    private static boolean isBetweenNumbers(List<Token> tokens, int i) {
        return i > 0 && i + 1 < tokens.size()
                && tokens.get(i - 1).kind() == Token.Kind.NUMBER && tokens.get(i + 1).kind() == Token.Kind.NUMBER
                && tokens.get(i - 1).end() == tokens.get(i).start() && tokens.get(i).end() == tokens.get(i + 1).start();
    }
}
