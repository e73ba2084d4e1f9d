/**
 * Escaping untrusted text (program source, output, reprs, student names) for HTML and SVG. One
 * function for both: the five characters that can end a text node or an attribute value.
 */
const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Text safe inside an element or a quoted attribute of HTML or SVG. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]);
}
