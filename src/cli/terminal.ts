// What the command line prints comes from documents (names, text, outlets): a name with ESC in it
// could drive the terminal (colours, cursor, a title, a fake prompt), a CR or LF could forge lines.
// Every line printed goes through terminalLine(): control characters become visible escapes.

/** C0 controls (tab included, since a line is one line), DEL, C1 controls, and the bidirectional overrides that reorder what is shown. */
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

const NAMED: Record<string, string> = { '\n': '\\n', '\r': '\\r', '\t': '\\t', '\u001b': '\\e' };

/** One line of output with every control character shown as an escape (\e, \r, \n, \t, \xHH, \uHHHH). */
export function terminalLine(s: string): string {
  return s.replace(CONTROL, (c) => NAMED[c] ?? (c.charCodeAt(0) <= 0xff ? `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
}

/** Lines joined for output: each line escaped, the newlines between them kept. */
export function terminalLines(lines: readonly string[]): string {
  return `${lines.map(terminalLine).join('\n')}\n`;
}
