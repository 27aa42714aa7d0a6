package org.hpolink.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;

import org.hpolink.ontology.Hpo;
import org.hpolink.ontology.HpoId;
import org.hpolink.ontology.Synonym;
import org.hpolink.ontology.Term;
import org.hpolink.ontology.TermSearch;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hpolink hpo lookup}: a term by id, or the terms whose names contain a text. */
@Command(
        name = "lookup",
        mixinStandardHelpOptions = true,
        versionProvider = ProjectVersion.class,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:found", "1:nothing found, or an error", "2:invalid usage"},
        description = {
            "Show an HPO term by id, or list the terms whose names contain a text.",
            "An id (HP:0000369) shows the term with its label, definition, synonyms and parents; an alternative or "
                    + "obsolete id is shown with the term it resolves to.",
            "Any other TEXT lists the active terms whose label or a synonym contains it, ignoring case: names equal "
                    + "to TEXT first, then shorter names first."
        })
final class HpoLookupCommand implements Callable<Integer> {

    private static final int NOT_FOUND = 1;

    @Parameters(paramLabel = "TEXT|ID", description = "An HPO id such as HP:0000369, or a text such as \"low set ears\".")
    private String query;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "10",
            description = "List at most N terms for a text (default: ${DEFAULT-VALUE}).")
    private int limit;

    @Mixin
    private HpoOption hpo;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (limit < 1) {
            throw new ParameterException(spec.commandLine(), "--limit is " + limit + ": expected 1 or more");
        }
        String trimmed = query.strip();
        if (trimmed.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "TEXT|ID is empty: expected an HPO id or a text");
        }
        Hpo ontology = hpo.read();
        PrintWriter out = spec.commandLine().getOut();
        String upper = trimmed.toUpperCase(Locale.ROOT);
        int exitCode = HpoId.isValid(upper) ? showId(ontology, HpoId.of(upper), out) : search(ontology, trimmed, out);
        out.flush();
        return exitCode;
    }

    private static int showId(Hpo hpo, HpoId id, PrintWriter out) {
        Optional<Term> recorded = hpo.term(id);
        if (recorded.isEmpty()) {
            out.printf("%s is not in HPO %s%n", id, hpo.release());
            return NOT_FOUND;
        }
        Term record = recorded.get();
        Optional<HpoId> primary = hpo.primaryId(id);
        if (primary.filter(id::equals).isPresent()) {
            showTerm(hpo, record, out);
            return 0;
        }
        String what = record.id().equals(id)
                ? id + " \"" + record.label() + "\" is obsolete"
                : id + " is an alternative id of " + record.id() + (record.obsolete() ? ", which is obsolete" : "");
        if (primary.isEmpty()) {
            out.printf("%s, with no replacement%n%n", what);
            showTerm(hpo, record, out);
        } else {
            out.printf("%s%s%n%n", what, primary.get().equals(record.id()) ? "" : "; it resolves to " + primary.get());
            showTerm(hpo, hpo.term(primary.get()).orElseThrow(), out);
        }
        return 0;
    }

    private static void showTerm(Hpo hpo, Term term, PrintWriter out) {
        out.printf("%s  %s%n", term.id(), term.label());
        term.definition().ifPresent(definition -> out.printf("  definition: %s%n", definition));
        if (!term.synonyms().isEmpty()) {
            out.println("  synonyms:");
            for (Synonym synonym : term.synonyms()) {
                out.printf("    %-7s  %s%n", synonym.scope().name().toLowerCase(Locale.ROOT), synonym.text());
            }
        }
        if (!term.parents().isEmpty()) {
            out.println("  parents:");
            for (HpoId parent : term.parents()) {
                out.printf("    %s  %s%n", parent, hpo.term(parent).orElseThrow().label());
            }
        }
        if (!term.alternativeIds().isEmpty()) {
            out.printf("  alternative ids: %s%n", String.join(", ", term.alternativeIds().stream().map(HpoId::value).toList()));
        }
    }

    private int search(Hpo hpo, String text, PrintWriter out) {
        List<TermSearch.Match> matches = TermSearch.search(hpo, text);
        if (matches.isEmpty()) {
            out.printf("no active term of HPO %s has a label or synonym containing '%s'%n", hpo.release(), text);
            return NOT_FOUND;
        }
        for (TermSearch.Match match : matches.subList(0, Math.min(limit, matches.size()))) {
            String synonym = match.byLabel()
                    ? ""
                    : "  [" + match.scope().orElseThrow().name().toLowerCase(Locale.ROOT) + " synonym: " + match.name() + "]";
            out.printf("%s  %s%s%n", match.term().id(), match.term().label(), synonym);
        }
        if (matches.size() > limit) {
            out.printf(Locale.ROOT, "(%,d of %,d terms shown; --limit N shows more)%n", limit, matches.size());
        }
        return 0;
    }
}
