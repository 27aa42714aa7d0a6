/**
 * Scoring against annotated BC8 files: {@link org.hpolink.eval.Bc8Scorer} reimplements the organizers' official
 * BioCreative VIII Track 3 scorer (normalization, exact and overlapping extraction+normalization) and returns an
 * immutable {@link org.hpolink.eval.Evaluation} that keeps every alignment decision; the renderers turn it into
 * text or Markdown tables and a TSV alignment report without printing anything.
 */
package org.hpolink.eval;
