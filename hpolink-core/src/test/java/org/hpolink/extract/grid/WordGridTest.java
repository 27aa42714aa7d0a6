package org.hpolink.extract.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.hpolink.corpus.FindingStatus;
import org.hpolink.extract.grid.WordGrid.TypedSpan;
import org.hpolink.text.Span;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;
import org.junit.jupiter.api.Test;

/** Grid labels of hand-made discontinuous and overlapping mentions, and decoding them back. */
class WordGridTest {

    private static final Tokenizer TOKENIZER = new Tokenizer();

    private static TypedSpan key(String span) {
        return new TypedSpan(Span.parse(span), FindingStatus.KEY);
    }

    /** EARS(0) :(1) low(2) set(3): the header is the head of the mention, set its tail. */
    @Test
    void aDiscontinuousMentionBorrowingTheHeader() {
        List<Token> words = TOKENIZER.tokenize("EARS: low set");
        WordGrid grid = WordGrid.encode(words, List.of(key("0-4,6-13")));

        assertEquals(GridRelation.NEXT_WORD, grid.relation(0, 2));
        assertEquals(GridRelation.NEXT_WORD, grid.relation(2, 3));
        assertEquals(GridRelation.TAIL_HEAD_KEY, grid.relation(3, 0));
        assertEquals(GridRelation.NONE, grid.relation(0, 1), "the colon is not part of the mention");
        assertEquals(3, countRelations(grid), "nothing else is labelled");
        assertEquals(List.of(key("0-4,6-13")), grid.decode());
    }

    /** HANDS(0) :(1) long(2) fingers(3) and(4) toes(5): two mentions share their head word. */
    @Test
    void overlappingMentionsSharingAWord() {
        List<Token> words = TOKENIZER.tokenize("HANDS: long fingers and toes");
        List<TypedSpan> mentions = List.of(key("7-11,24-28"), key("7-19"));
        WordGrid grid = WordGrid.encode(words, mentions);

        assertEquals(GridRelation.NEXT_WORD, grid.relation(2, 3));
        assertEquals(GridRelation.NEXT_WORD, grid.relation(2, 5));
        assertEquals(GridRelation.TAIL_HEAD_KEY, grid.relation(3, 2));
        assertEquals(GridRelation.TAIL_HEAD_KEY, grid.relation(5, 2));
        assertEquals(mentions, grid.decode());
    }

    @Test
    void aNestedNormalFindingKeepsItsType() {
        List<Token> words = TOKENIZER.tokenize("EYES: no epicanthus");
        TypedSpan normal = new TypedSpan(Span.parse("9-19"), FindingStatus.NORMAL);

        WordGrid grid = WordGrid.encode(words, List.of(normal));

        assertEquals(GridRelation.TAIL_HEAD_NORMAL, grid.relation(3, 3), "a one-word mention closes on the diagonal");
        assertEquals(List.of(normal), grid.decode());
    }

    @Test
    void aSegmentInsideAWordOrTwoStatusesOfOneCellAreRefused() {
        List<Token> words = TOKENIZER.tokenize("FACE: fullness in cheeks");

        assertThrows(IllegalArgumentException.class, () -> WordGrid.encode(words, List.of(key("7-24"))));
        assertThrows(IllegalArgumentException.class, () -> WordGrid.encode(words, List.of(key("6-14"),
                new TypedSpan(Span.parse("6-14"), FindingStatus.NORMAL))));
    }

    private static int countRelations(WordGrid grid) {
        int count = 0;
        for (int i = 0; i < grid.size(); i++) {
            for (int j = 0; j < grid.size(); j++) {
                count += grid.relation(i, j) == GridRelation.NONE ? 0 : 1;
            }
        }
        return count;
    }

    @Test
    void aPredictedGridDecodesWithTheWordsClosingEachMention() {
        List<Token> words = TOKENIZER.tokenize("EARS: low set");
        GridRelation[][] relations = new GridRelation[4][4];
        for (GridRelation[] row : relations) {
            java.util.Arrays.fill(row, GridRelation.NONE);
        }
        relations[0][2] = GridRelation.NEXT_WORD;
        relations[2][3] = GridRelation.NEXT_WORD;
        relations[3][0] = GridRelation.TAIL_HEAD_KEY;

        WordGrid grid = WordGrid.of(words, relations);

        assertEquals(List.of(new WordGrid.Path(0, 3, key("0-4,6-13"))), grid.paths());
    }

    @Test
    void aPredictedGridMustPutEachRelationOnItsSideOfTheDiagonal() {
        List<Token> words = TOKENIZER.tokenize("low set");
        GridRelation[][] backwards = {{GridRelation.NONE, GridRelation.NONE}, {GridRelation.NEXT_WORD, GridRelation.NONE}};
        GridRelation[][] notSquare = {{GridRelation.NONE}};

        assertThrows(IllegalArgumentException.class, () -> WordGrid.of(words, backwards));
        assertThrows(IllegalArgumentException.class, () -> WordGrid.of(words, notSquare));
        assertEquals(false, WordGrid.allowed(GridRelation.TAIL_HEAD_KEY, 0, 1));
        assertEquals(true, WordGrid.allowed(GridRelation.TAIL_HEAD_KEY, 1, 1));
    }

    /** Every word linked to every later one: 2^38 paths from the first word to the last, of which a few are kept. */
    @Test
    void aGridLinkingEveryPairClosesAFewPathsNotAllOfThem() {
        List<Token> words = TOKENIZER.tokenize("a b c d e f g h i j k l m n o p q r s t u v w x y z a b c d e f g h i j k l m n");
        int n = words.size();
        GridRelation[][] relations = new GridRelation[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                relations[i][j] = i < j ? GridRelation.NEXT_WORD : GridRelation.NONE;
            }
        }
        relations[n - 1][0] = GridRelation.TAIL_HEAD_KEY;

        List<WordGrid.Path> paths = WordGrid.of(words, relations).paths();

        assertEquals(WordGrid.MAX_PATHS_PER_CLOSE, paths.size());
        assertEquals(true, paths.stream().allMatch(p -> p.head() == 0 && p.tail() == n - 1));
    }
}
