package org.hpolink.extract.grid;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.text.Segment;
import org.hpolink.text.Span;
import org.hpolink.text.Token;

/**
 * The word-pair grid of an observation: its words (every token, punctuation included, so that what separates two
 * segments of a mention is a word between them) and the relation of each pair. {@link #encode} labels the grid from
 * mentions, {@link #decode} reads mentions back, as W2NER does: every path of next-word relations from a head word
 * to a tail word that a tail-head relation closes is a mention, consecutive words making one segment.
 */
public final class WordGrid {

    /** A typed mention: its span and whether it states a key or a normal finding. */
    public record TypedSpan(Span span, FindingStatus status) {
    }

    private final List<Token> words;
    private final GridRelation[][] relations;

    private WordGrid(List<Token> words, GridRelation[][] relations) {
        this.words = List.copyOf(words);
        this.relations = relations;
    }

    /** A grid of {@code words} with no relation yet. */
    private static WordGrid empty(List<Token> words) {
        GridRelation[][] relations = new GridRelation[words.size()][words.size()];
        for (GridRelation[] row : relations) {
            Arrays.fill(row, GridRelation.NONE);
        }
        return new WordGrid(words, relations);
    }

    /**
     * The grid of {@code mentions} over {@code words}.
     *
     * @throws IllegalArgumentException if a segment of a mention does not start and end at word boundaries, or two
     *                                  mentions of different status share their head and tail words
     */
    public static WordGrid encode(List<Token> words, Collection<TypedSpan> mentions) {
        WordGrid grid = empty(words);
        mentions.forEach(grid::add);
        return grid;
    }

    /**
     * The grid of those of {@code mentions} that {@link #encode} can hold, taken in order: a mention that does not fit
     * the words or the mentions before it is left out.
     */
    public static WordGrid encodeWhatFits(List<Token> words, Collection<TypedSpan> mentions) {
        WordGrid grid = empty(words);
        for (TypedSpan mention : mentions) {
            try {
                grid.add(mention);
            } catch (IllegalArgumentException e) {
                // Left out, as documented: this grid is a hint, not a gold standard.
            }
        }
        return grid;
    }

    /** Writes the relations of {@code mention}; writes nothing when it throws. */
    private void add(TypedSpan mention) {
        int[] path = wordsOf(mention.span());
        int head = path[0];
        int tail = path[path.length - 1];
        GridRelation closing = GridRelation.tailHead(mention.status());
        if (relations[tail][head] != GridRelation.NONE && relations[tail][head] != closing) {
            throw new IllegalArgumentException("two mentions from word " + head + " to word " + tail + " differ in status: a grid "
                    + "cell holds one");
        }
        for (int i = 0; i + 1 < path.length; i++) {
            relations[path[i]][path[i + 1]] = GridRelation.NEXT_WORD;
        }
        relations[tail][head] = closing;
    }

    /**
     * A grid of {@code words} holding {@code relations} (row, column), such as a model predicted.
     *
     * @throws IllegalArgumentException if the matrix is not square over the words, or a relation lies where the grid
     *                                  has no room for it ({@link #allowed})
     */
    public static WordGrid of(List<Token> words, GridRelation[][] relations) {
        WordGrid grid = empty(words);
        if (relations.length != words.size()) {
            throw new IllegalArgumentException(relations.length + " rows of relations for " + words.size() + " words");
        }
        for (int i = 0; i < relations.length; i++) {
            if (relations[i].length != words.size()) {
                throw new IllegalArgumentException("row " + i + " has " + relations[i].length + " relations for " + words.size() + " words");
            }
            for (int j = 0; j < relations[i].length; j++) {
                if (!allowed(relations[i][j], i, j)) {
                    throw new IllegalArgumentException(relations[i][j] + " at (" + i + ", " + j + "): next-word relations lie above the "
                            + "diagonal, tail-head relations on or below it");
                }
                grid.relations[i][j] = relations[i][j];
            }
        }
        return grid;
    }

    /** Whether {@code relation} can hold at (row, column): next word above the diagonal, tail-head on or below it. */
    public static boolean allowed(GridRelation relation, int row, int column) {
        return switch (relation) {
            case NONE -> true;
            case NEXT_WORD -> row < column;
            case TAIL_HEAD_KEY, TAIL_HEAD_NORMAL -> row >= column;
        };
    }

    public int size() {
        return words.size();
    }

    public List<Token> words() {
        return words;
    }

    public GridRelation relation(int row, int column) {
        return relations[row][column];
    }

    /** A mention the grid holds, with the head and tail words whose tail-head relation closes it. */
    public record Path(int head, int tail, TypedSpan mention) {
    }

    /** The mentions the grid holds, sorted by span, then status. */
    public List<TypedSpan> decode() {
        return paths().stream().map(Path::mention).toList();
    }

    /**
     * Every path of next-word relations that a tail-head relation closes, sorted by span, then status; at most
     * {@link #MAX_PATHS_PER_CLOSE} per tail-head relation (the first in word order), so that a noisy predicted grid
     * cannot make the count of paths explode. Gold grids of the training data have at most 2.
     */
    public List<Path> paths() {
        List<Path> found = new ArrayList<>();
        for (int tail = 0; tail < size(); tail++) {
            boolean[] reachesTail = reachesTail(tail);
            for (int head = 0; head <= tail; head++) {
                GridRelation closing = relations[tail][head];
                if (closing == GridRelation.TAIL_HEAD_KEY || closing == GridRelation.TAIL_HEAD_NORMAL) {
                    List<Path> closed = new ArrayList<>();
                    List<Integer> path = new ArrayList<>();
                    path.add(head);
                    paths(path, tail, reachesTail, closing.status(), closed);
                    found.addAll(closed);
                }
            }
        }
        found.sort(Comparator.comparing((Path p) -> p.mention().span()).thenComparing(p -> p.mention().status()));
        return List.copyOf(found);
    }

    /** The most paths one tail-head relation closes. */
    public static final int MAX_PATHS_PER_CLOSE = 8;

    /** For each word, whether a path of next-word relations leads from it to {@code tail}. */
    private boolean[] reachesTail(int tail) {
        boolean[] reaches = new boolean[size()];
        reaches[tail] = true;
        for (int word = tail - 1; word >= 0; word--) {
            for (int next = word + 1; next <= tail && !reaches[word]; next++) {
                reaches[word] = reaches[next] && relations[word][next] == GridRelation.NEXT_WORD;
            }
        }
        return reaches;
    }

    /** Extends {@code path} along next-word relations that lead to {@code tail}, adding a mention for each way there. */
    private void paths(List<Integer> path, int tail, boolean[] reachesTail, FindingStatus status, List<Path> closed) {
        int last = path.get(path.size() - 1);
        if (last == tail) {
            closed.add(new Path(path.get(0), tail, new TypedSpan(span(path), status)));
            return;
        }
        for (int next = last + 1; next <= tail && closed.size() < MAX_PATHS_PER_CLOSE; next++) {
            if (reachesTail[next] && relations[last][next] == GridRelation.NEXT_WORD) {
                path.add(next);
                paths(path, tail, reachesTail, status, closed);
                path.remove(path.size() - 1);
            }
        }
    }

    /** The span of a path of words: runs of consecutive words make one segment. */
    private Span span(List<Integer> path) {
        List<Segment> segments = new ArrayList<>();
        int runStart = path.get(0);
        for (int i = 1; i <= path.size(); i++) {
            if (i == path.size() || path.get(i) != path.get(i - 1) + 1) {
                segments.add(new Segment(words.get(runStart).start(), words.get(path.get(i - 1)).end()));
                if (i < path.size()) {
                    runStart = path.get(i);
                }
            }
        }
        return new Span(segments);
    }

    /** The words a span covers, in order; its segments must start and end at word boundaries. */
    private int[] wordsOf(Span span) {
        List<Integer> covered = new ArrayList<>();
        for (Segment segment : span.segments()) {
            int first = -1;
            int last = -1;
            for (int w = 0; w < words.size(); w++) {
                Token word = words.get(w);
                if (word.start() >= segment.start() && word.end() <= segment.end()) {
                    first = first < 0 ? w : first;
                    last = w;
                    covered.add(w);
                }
            }
            if (first < 0 || words.get(first).start() != segment.start() || words.get(last).end() != segment.end()) {
                throw new IllegalArgumentException("segment " + segment + " does not start and end at word boundaries");
            }
        }
        return covered.stream().mapToInt(Integer::intValue).toArray();
    }
}
