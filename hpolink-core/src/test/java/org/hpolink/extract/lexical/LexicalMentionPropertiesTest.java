package org.hpolink.extract.lexical;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.hpolink.extract.Mention;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.Observation;
import org.hpolink.text.Segment;
import org.hpolink.text.Token;
import org.hpolink.text.Tokenizer;

/** Properties of the fixture model's mentions over random texts made of its dictionary's words and names, punctuation and headers. */
class LexicalMentionPropertiesTest {

    private static final LexicalModel MODEL = LexicalFixtures.model();
    private static final LexicalMentionExtractor EXTRACTOR = new LexicalMentionExtractor(MODEL);

    private static final List<String> WORDS = List.of("low", "set", "ears", "ear", "posteriorly", "psteriorly", "rotated", "prominent",
            "antitragus", "thin", "helices", "clinodactyly", "of", "the", "5th", "finger", "fingers", "short", "thick", "eye", "brows",
            "eyebrows", "hooding", "mild", "mildly", "no", "absent", "scar", "epicanthus", "epicanthal", "folds", "synophrys", "cleft",
            "palate", "and", "with", "small", "autosomal", "dominant", "LOW", "Ears", "2", "3");
    /** Whole names and their variants, so that most texts have mentions. */
    private static final List<String> PHRASES = List.of("low set", "low-set", "posteriorly rotated", "thin helices", "prominent antitragus",
            "clinodactyly of the 5th finger", "short 5th finger", "short fingers", "thick eye brows", "epicanthal folds", "cleft palate",
            "no clinodactyly", "synophrys absent", "mildly low set ears", "ears low set");
    private static final List<String> PUNCTUATION = List.of(",", ".", ";", ":", "-", "(", ")", "/");
    private static final List<String> HEADERS = List.of("", "EARS: ", "EYES: ", "HANDS: ", "EYEBROWS: ", "NECK: ", " EARS :", "EARS/EYES: ", "EAR: ");

    private final Tokenizer tokenizer = new Tokenizer();

    @Property(tries = 2000)
    void spansLieInTheTextOnTokenBoundariesSortedOnePerSpan(@ForAll("texts") String text) {
        List<Mention> mentions = EXTRACTOR.extract(Observation.of("random", text));
        List<Token> tokens = tokenizer.tokenize(text);
        Set<Integer> starts = tokens.stream().map(Token::start).collect(Collectors.toSet());
        Set<Integer> ends = tokens.stream().map(Token::end).collect(Collectors.toSet());

        for (int i = 0; i < mentions.size(); i++) {
            Mention mention = mentions.get(i);
            assertTrue(mention.span().end() <= text.length(), () -> mention + " ends past the text");
            for (Segment segment : mention.span().segments()) {
                assertTrue(starts.contains(segment.start()) && ends.contains(segment.end()), () -> mention + " cuts a token");
            }
            if (i > 0) {
                Mention previous = mentions.get(i - 1);
                assertTrue(previous.span().compareTo(mention.span()) < 0, () -> "not sorted, or two mentions at one span: " + mentions);
            }
            for (Mention other : mentions) {
                assertFalse(other != mention && other.span().contains(mention.span()), () -> mention + " lies inside " + other);
            }
            assertTrue(mention.score() > 0 && mention.score() <= 1, mention::toString);
            assertEquals(LexicalMentionExtractor.SOURCE, mention.source());
        }
    }

    @Property(tries = 2000)
    void aMentionCoversTheWordsOfAnEntryThatNamesItsId(@ForAll("texts") String text) {
        List<Token> tokens = tokenizer.tokenize(text);
        for (Mention mention : EXTRACTOR.extract(Observation.of("random", text))) {
            List<Token> covered = tokens.stream()
                    .filter(t -> mention.span().segments().stream().anyMatch(s -> s.contains(t.segment()))).toList();
            TermKey key = LexicalFixtures.keyOf(MODEL, covered);
            HpoId id = mention.id().orElseThrow();
            TermKey entry = entryNaming(key, id);
            assertNotNull(entry, () -> mention + " covers '" + mention.span().coveredText(text) + "', whose key " + key
                    + " (less a filler at most) is no entry naming " + id);
            assertFalse(MODEL.isRejected(new LexicalModel.EntryRef(entry, id)), () -> mention + " comes from a rejected entry");
        }
    }

    /** The covered key itself, or the key less one learned filler, when it is an entry whose best id is {@code id}; else null. */
    private static TermKey entryNaming(TermKey key, HpoId id) {
        if (names(key, id)) {
            return key;
        }
        for (int filler : MODEL.fillerStemIds()) {
            if (key.contains(filler) && names(key.without(filler), id)) {
                return key.without(filler);
            }
        }
        return null;
    }

    private static boolean names(TermKey key, HpoId id) {
        IdVotes votes = MODEL.entries().get(key);
        return votes != null && votes.best().equals(id);
    }

    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(WORDS)),
                Tuple.of(2, Arbitraries.of(PHRASES)),
                Tuple.of(2, Arbitraries.of(PUNCTUATION)));
        Arbitrary<String> gap = Arbitraries.of(" ", " ", " ", "", "  ");
        Arbitrary<String> body = Combinators.combine(piece, gap).as((p, g) -> p + g).list().ofMaxSize(14)
                .map(pieces -> String.join("", pieces));
        return Combinators.combine(Arbitraries.of(HEADERS), body).as(String::concat);
    }
}
