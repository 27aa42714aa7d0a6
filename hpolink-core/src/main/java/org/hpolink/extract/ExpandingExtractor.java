package org.hpolink.extract;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.hpolink.text.AbbreviationExpander;
import org.hpolink.text.OffsetMap;
import org.hpolink.text.Observation;

/**
 * An extractor that reads each observation with its abbreviations written out ({@link AbbreviationExpander}) and
 * gives its mentions' spans in the original characters. Immutable and thread-safe if the extractor is.
 */
public final class ExpandingExtractor implements MentionExtractor {

    private final MentionExtractor extractor;
    private final AbbreviationExpander expander;

    public ExpandingExtractor(MentionExtractor extractor, AbbreviationExpander expander) {
        this.extractor = extractor;
        this.expander = expander;
    }

    @Override
    public List<Mention> extract(Observation observation) {
        return extractAll(List.of(observation)).get(0);
    }

    @Override
    public List<List<Mention>> extractAll(List<Observation> observations) {
        List<OffsetMap> maps = new ArrayList<>(observations.size());
        List<Observation> expanded = new ArrayList<>(observations.size());
        for (Observation observation : observations) {
            OffsetMap map = expander.expand(observation.text());
            maps.add(map);
            expanded.add(map.text().equals(observation.text()) ? observation : expander.expand(observation, map));
        }
        List<List<Mention>> extracted = extractor.extractAll(expanded);
        List<List<Mention>> results = new ArrayList<>(observations.size());
        for (int o = 0; o < observations.size(); o++) {
            OffsetMap map = maps.get(o);
            List<Mention> mapped = new ArrayList<>();
            for (Mention mention : extracted.get(o)) {
                // Every character of the written-out text stands for some of the original's, so a span always maps back.
                mapped.add(new Mention(map.toSource(mention.span()).orElseThrow(), mention.id(), mention.status(), mention.score(),
                        mention.source()));
            }
            mapped.sort(Comparator.comparing(Mention::span));
            results.add(mapped);
        }
        return results;
    }
}
