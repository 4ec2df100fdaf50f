/** A stretch of document text: offsets count UTF-16 code units, as JavaScript strings and LSP do. */
export interface Span {
  offset: number;
  length: number;
}

export function spanEnd(span: Span): number {
  return span.offset + span.length;
}

export function spanContains(span: Span, offset: number): boolean {
  return offset >= span.offset && offset <= span.offset + span.length;
}

/** One text replacement; fixes are lists of these, computed once and carried with the finding. */
export interface TextEdit {
  span: Span;
  newText: string;
  /**
   * The same insertion as a snippet (`${1:1}` tab stops on the values the coder must fill in), for editors that
   * apply snippet edits; `newText` holds the placeholder values the others get.
   */
  snippet?: string;
}
