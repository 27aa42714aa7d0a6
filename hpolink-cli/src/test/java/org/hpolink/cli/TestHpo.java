package org.hpolink.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Obographs;
import org.hpolink.ontology.Term;
import org.hpolink.ontology.TinyHpo;

/** Small ontologies written as obographs files, for the {@code --hpo} option of commands under test. */
final class TestHpo {

    private TestHpo() {
    }

    /** {@link TinyHpo} as {@code tiny.json} in {@code folder}. */
    static Path tiny(Path folder) throws IOException {
        return write(folder.resolve("tiny.json"), TinyHpo.build());
    }

    /** An ontology of a root with {@code ids} as its children, each labelled "term" and its id. */
    static Path flat(Path file, Collection<HpoId> ids) throws IOException {
        HpoId root = HpoId.of("HP:0000001");
        List<Term> terms = new ArrayList<>();
        terms.add(Term.builder(root).label("All").build());
        ids.stream().distinct().forEach(id -> terms.add(Term.builder(id).label("term " + id).parent(root).build()));
        return write(file, Hpo.of("flat", terms));
    }

    private static Path write(Path file, Hpo hpo) throws IOException {
        return Files.writeString(file, Obographs.json(hpo));
    }
}
