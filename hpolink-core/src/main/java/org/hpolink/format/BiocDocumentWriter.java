package org.hpolink.format;

import java.io.IOException;
import java.io.Writer;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.hpolink.corpus.AnnotatedDocument;
import org.hpolink.corpus.DocumentFinding;
import org.hpolink.text.Segment;

/**
 * {@link OutputFormat#BIOC}: BioC XML (Comeau et al. 2013), as PubTator and PhenoTagger exchange it. A
 * {@code collection} of {@code document}s, each with one {@code passage} at offset 0 holding the whole text, and an
 * {@code annotation} a finding: the infons {@code identifier} (the HPO id), {@code type} ({@code Phenotype}),
 * {@code label}, {@code assertion}, {@code score} and {@code source}, a {@code location} a segment (offsets in UTF-16
 * code units) and the covered text. Characters XML 1.0 cannot hold (control characters, lone surrogates) are written
 * as U+FFFD, one for one, so that offsets stay right.
 */
public final class BiocDocumentWriter implements DocumentWriter {

    private final Writer out;
    private final XMLStreamWriter xml;
    private int annotations;

    /** @param date the collection's date, such as {@code 2026-12-05} */
    public BiocDocumentWriter(Writer out, String date) throws IOException {
        this.out = out;
        try {
            xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeDTD("<!DOCTYPE collection SYSTEM \"BioC.dtd\">");
            xml.writeCharacters("\n");
            xml.writeStartElement("collection");
            element("source", "hpolink");
            element("date", date);
            element("key", "hpolink.key");
        } catch (XMLStreamException e) {
            throw new IOException("cannot write BioC XML: " + e.getMessage(), e);
        }
    }

    @Override
    public void write(AnnotatedDocument document) throws IOException {
        String text = document.document().text();
        try {
            xml.writeCharacters("\n");
            xml.writeStartElement("document");
            element("id", document.id());
            xml.writeStartElement("passage");
            element("offset", "0");
            element("text", text);
            for (DocumentFinding finding : document.findings()) {
                xml.writeStartElement("annotation");
                xml.writeAttribute("id", Integer.toString(++annotations));
                infon("identifier", finding.id().toString());
                infon("type", "Phenotype");
                infon("label", finding.label());
                infon("assertion", finding.assertion().label());
                infon("score", JsonLinesDocumentWriter.rounded(finding.score()).toPlainString());
                infon("source", finding.source());
                for (Segment segment : finding.span().segments()) {
                    xml.writeEmptyElement("location");
                    xml.writeAttribute("offset", Integer.toString(segment.start()));
                    xml.writeAttribute("length", Integer.toString(segment.length()));
                }
                element("text", finding.coveredText(text));
                xml.writeEndElement();
            }
            xml.writeEndElement();
            xml.writeEndElement();
        } catch (XMLStreamException e) {
            throw new IOException("cannot write BioC XML for document " + document.id() + ": " + e.getMessage(), e);
        }
    }

    private void infon(String key, String value) throws XMLStreamException {
        xml.writeStartElement("infon");
        xml.writeAttribute("key", key);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    private void element(String name, String value) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(xmlSafe(value));
        xml.writeEndElement();
    }

    /** The text with every character XML 1.0 cannot hold replaced by U+FFFD, so that it keeps its length. */
    static String xmlSafe(String text) {
        StringBuilder safe = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            boolean allowed = pair || c == '\t' || c == '\n' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD);
            if (!allowed && safe == null) {
                safe = new StringBuilder(text);
            }
            if (!allowed) {
                safe.setCharAt(i, '\uFFFD');
            }
            if (pair) {
                i++;
            }
        }
        return safe == null ? text : safe.toString();
    }

    @Override
    public void close() throws IOException {
        try {
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeCharacters("\n");
            xml.writeEndDocument();
            xml.flush();
        } catch (XMLStreamException e) {
            throw new IOException("cannot end the BioC XML: " + e.getMessage(), e);
        }
        out.flush();
    }
}
