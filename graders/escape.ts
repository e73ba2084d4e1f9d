/**
 * Escaping untrusted text (submission names, messages, steps, program output) for the formats
 * Handlebars does not escape for us: Markdown (report.md, the GitHub job summary) and CSV cells
 * that a spreadsheet would run as formulas.
 */

/** Markdown inline text: HTML-significant characters as entities, Markdown punctuation backslash-escaped, one line. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/([\\`*_{}[\]()#+\-.!|~])/g, '\\$1')
    .replace(/\r?\n/g, ' ');
}

/** A fenced code block that the content cannot close: the fence is longer than any backtick run inside. */
export function markdownFence(text: string, info = ''): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(Math.max(3, longest + 1));
  return `${fence}${info}\n${text}\n${fence}`;
}

/** A CSV cell a spreadsheet will not evaluate: text starting with = + - @ tab or CR gets a leading quote. */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}
