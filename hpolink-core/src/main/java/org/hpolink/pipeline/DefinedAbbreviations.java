package org.hpolink.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.ontology.HpoId;
import org.hpolink.text.AbbreviationDefinitions;
import org.hpolink.text.AbbreviationDefinitions.Definition;

/**
 * Reads an abbreviation as the document defines it. A lexicon reads {@code ASD} as one of the terms HPO lists it for,
 * atrial septal defect or autism; a document that writes {@code atrial septal defect (ASD)} has said which. A finding
 * whose whole text is a short form the document defines (or its plural) takes the ids of the findings in its long form (the nearest
 * definition before it, or the first after it); when the long form holds no finding, the short form means something
 * that is not a phenotype there ({@code Angelman syndrome (AS)}) and its finding is dropped. Short forms the
 * extractors did not read stay unread: the long form has given the document its finding already.
 */
final class DefinedAbbreviations {

    private DefinedAbbreviations() {
    }

    /** {@code findings} of {@code text}, each abbreviation read as {@code text} defines it. */
    static List<DocumentFinding> apply(String text, List<DocumentFinding> findings) {
        Map<String, List<Definition>> byShortForm = AbbreviationDefinitions.find(text).stream()
                .collect(Collectors.groupingBy(Definition::shortForm));
        if (byShortForm.isEmpty()) {
            return findings;
        }
        Map<Definition, Map<HpoId, DocumentFinding>> meantBy = new HashMap<>();
        List<DocumentFinding> read = new ArrayList<>(findings.size());
        for (DocumentFinding finding : findings) {
            Definition definition = finding.span().isDiscontinuous() ? null : governing(byShortForm, finding.coveredText(text), finding.span().start());
            if (definition == null) {
                read.add(finding);
                continue;
            }
            Map<HpoId, DocumentFinding> meant = meantBy.computeIfAbsent(definition, d -> longFormFindings(d, findings));
            if (meant.containsKey(finding.id())) {
                read.add(finding);
            } else {
                meant.values().forEach(longForm -> read.add(new DocumentFinding(longForm.id(), longForm.label(), finding.span(),
                        finding.assertion(), finding.score(), finding.source())));
            }
        }
        return read.stream().distinct().toList();
    }

    /** The findings in a definition's long form, one an id, in the order given. */
    private static Map<HpoId, DocumentFinding> longFormFindings(Definition definition, List<DocumentFinding> findings) {
        Map<HpoId, DocumentFinding> meant = new LinkedHashMap<>();
        for (DocumentFinding candidate : findings) {
            if (candidate.span().overlaps(definition.longForm())) {
                meant.putIfAbsent(candidate.id(), candidate);
            }
        }
        return meant;
    }

    /**
     * The definition that a short form written at {@code start} follows, or null when {@code written} is defined
     * nowhere. A plural is the same abbreviation: ASDs after atrial septal defect (ASD).
     */
    private static Definition governing(Map<String, List<Definition>> byShortForm, String written, int start) {
        List<Definition> candidates = new ArrayList<>(byShortForm.getOrDefault(written, List.of()));
        if (written.endsWith("s")) {
            candidates.addAll(byShortForm.getOrDefault(written.substring(0, written.length() - 1), List.of()));
        }
        candidates.sort(Comparator.comparing(Definition::shortFormSpan));
        Definition governing = null;
        for (Definition definition : candidates) {
            if (governing != null && definition.shortFormSpan().start() > start) {
                break;
            }
            governing = definition;
        }
        return governing;
    }
}
