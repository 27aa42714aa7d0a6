package org.hpolink.format;

import java.io.IOException;
import java.io.Writer;
import java.time.Instant;
import java.time.ZoneOffset;

/** The writer of each {@link OutputFormat} to one stream, as {@code annotate} and the service write them. */
public final class DocumentWriters {

    private DocumentWriters() {
    }

    /**
     * A writer of {@code format} to {@code out}: Phenopackets a JSON object a line, with {@code hpoRelease} and
     * {@code creator} in their metadata; BioC dated {@code now}'s day (UTC).
     */
    public static DocumentWriter open(OutputFormat format, Writer out, String hpoRelease, String creator, Instant now)
            throws IOException {
        return switch (format) {
            case JSONL -> new JsonLinesDocumentWriter(out);
            case TSV -> new FindingTableWriter(out);
            case BC8 -> new Bc8DocumentWriter(out);
            case BIOC -> new BiocDocumentWriter(out, now.atZone(ZoneOffset.UTC).toLocalDate().toString());
            case PHENOPACKET -> PhenopacketDocumentWriter.lines(new Phenopackets(hpoRelease, creator, now), out);
        };
    }
}
