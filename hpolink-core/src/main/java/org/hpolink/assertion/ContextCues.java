package org.hpolink.assertion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.hpolink.model.BundledTable;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/**
 * A list of ConText cues, found in text longest first. The standard list, {@code context-cues.tsv} beside this class,
 * is read once. Immutable and thread-safe.
 */
public final class ContextCues {

    private static final String STANDARD = "context-cues.tsv";
    private static final Tokenizer TOKENIZER = new Tokenizer();

    /** The cues by their first word, longest first. */
    private final Map<String, List<Cue>> byFirstWord;

    public ContextCues(List<Cue> cues) {
        Map<String, List<Cue>> index = new HashMap<>();
        for (Cue cue : cues) {
            index.computeIfAbsent(cue.words().get(0), k -> new ArrayList<>()).add(cue);
        }
        index.values().forEach(list -> list.sort((a, b) -> Integer.compare(b.words().size(), a.words().size())));
        this.byFirstWord = index;
    }

    /** The standard cues, after NegEx and ConText. */
    public static ContextCues standard() {
        return Standard.CUES;
    }

    private static final class Standard {
        static final ContextCues CUES = parse(BundledTable.lines(ContextCues.class, STANDARD), STANDARD);
    }

    /** Cues from lines {@code words<TAB>KIND<TAB>DIRECTION}; blank lines and lines starting with # are skipped. */
    static ContextCues parse(List<String> lines, String source) {
        List<Cue> cues = new ArrayList<>();
        for (BundledTable.Row row : BundledTable.rows(lines)) {
            List<String> fields = row.fields();
            if (fields.size() != 3) {
                throw new IllegalArgumentException(source + " line " + row.line() + ": expected words, kind and direction separated by tabs");
            }
            List<String> words = TOKENIZER.tokenize(fields.get(0)).stream().map(Token::normalized).toList();
            try {
                cues.add(new Cue(words, Cue.Kind.valueOf(fields.get(1).toUpperCase(Locale.ROOT)),
                        Cue.Direction.valueOf(fields.get(2).toUpperCase(Locale.ROOT))));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + row.line() + ": " + e.getMessage(), e);
            }
        }
        return new ContextCues(cues);
    }

    /** A cue found at tokens {@code first}..{@code last} (inclusive). */
    public record Found(Cue cue, int first, int last) {
    }

    /**
     * The cues in the tokens, left to right: at each token the longest cue starting there (every one of its directions),
     * and the search goes on after it.
     */
    public List<Found> find(List<Token> tokens) {
        List<Found> found = new ArrayList<>();
        int i = 0;
        while (i < tokens.size()) {
            int longest = 0;
            for (Cue cue : byFirstWord.getOrDefault(withoutPossessive(tokens.get(i).normalized()), List.of())) {
                int n = cue.words().size();
                if (n < longest) {
                    break;
                }
                if (matches(cue, tokens, i)) {
                    longest = n;
                    found.add(new Found(cue, i, i + n - 1));
                }
            }
            i += Math.max(1, longest);
        }
        return found;
    }

    /** {@code mother's} read as {@code mother}. */
    private static String withoutPossessive(String word) {
        return word.endsWith("'s") || word.endsWith("\u2019s") ? word.substring(0, word.length() - 2) : word;
    }

    private static boolean matches(Cue cue, List<Token> tokens, int start) {
        if (start + cue.words().size() > tokens.size()) {
            return false;
        }
        for (int k = 0; k < cue.words().size(); k++) {
            if (!withoutPossessive(tokens.get(start + k).normalized()).equals(cue.words().get(k))) {
                return false;
            }
        }
        return true;
    }
}
