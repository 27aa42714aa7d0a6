package org.hpolink.extract.lexical;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The word stems of the dictionary, numbered, with the typo correction that maps an unknown word to the one
 * dictionary stem a single edit away (symmetric-delete index). Immutable.
 */
final class Vocabulary {

    static final int UNKNOWN = -1;

    private final List<String> stems;
    private final Map<String, Integer> idsByStem;
    private final Map<String, List<String>> stemsByDeletion;
    private final int typoMinLength;

    Vocabulary(Collection<String> stems, int typoMinLength) {
        this.stems = List.copyOf(new TreeSet<>(stems));
        this.typoMinLength = typoMinLength;
        this.idsByStem = new HashMap<>();
        for (int i = 0; i < this.stems.size(); i++) {
            idsByStem.put(this.stems.get(i), i);
        }
        Map<String, List<String>> index = new HashMap<>();
        for (String stem : this.stems) {
            if (stem.length() >= 4) {
                index.computeIfAbsent(stem, k -> new ArrayList<>(1)).add(stem);
                for (String deletion : deletions(stem)) {
                    index.computeIfAbsent(deletion, k -> new ArrayList<>(1)).add(stem);
                }
            }
        }
        this.stemsByDeletion = index;
    }

    int size() {
        return stems.size();
    }

    List<String> stems() {
        return stems;
    }

    int id(String stem) {
        Integer id = idsByStem.get(stem);
        return id == null ? UNKNOWN : id;
    }

    boolean contains(String stem) {
        return idsByStem.containsKey(stem);
    }

    String stem(int id) {
        return stems.get(id);
    }

    /**
     * The stem itself when known; else the single known stem that starts with the same letter and meets it after
     * deleting at most one letter from each ({@code psterior} -> {@code posterior}): one insertion, deletion or
     * substitution, or one letter moved; else the stem.
     */
    String correct(String stem) {
        if (contains(stem) || stem.length() < typoMinLength || !isLetters(stem)) {
            return stem;
        }
        TreeSet<String> candidates = new TreeSet<>(stemsByDeletion.getOrDefault(stem, List.of()));
        for (String deletion : deletions(stem)) {
            candidates.addAll(stemsByDeletion.getOrDefault(deletion, List.of()));
        }
        candidates.removeIf(c -> c.charAt(0) != stem.charAt(0));
        return candidates.size() == 1 ? candidates.first() : stem;
    }

    private static List<String> deletions(String word) {
        List<String> result = new ArrayList<>(word.length());
        for (int i = 0; i < word.length(); i++) {
            result.add(word.substring(0, i) + word.substring(i + 1));
        }
        return result;
    }

    private static boolean isLetters(String word) {
        for (int i = 0; i < word.length(); i++) {
            if (!Character.isLetter(word.charAt(i))) {
                return false;
            }
        }
        return true;
    }
}
