// Small helpers for writing Python 3 source text.

import { LetterLabError } from '../errors';

/** A single-quoted Python string literal for any text (escapes quotes, backslashes, controls). */
export function pyStr(text: string): string {
  let out = "'";
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === '\\') out += '\\\\';
    else if (ch === "'") out += "\\'";
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f || (code >= 0xd800 && code <= 0xdfff)) {
      // Controls as \xNN; lone surrogates (invalid in UTF-8 source) as \uNNNN.
      out += code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`;
    } else out += ch;
  }
  return out + "'";
}

/** A Python number literal; JavaScript's shortest form (0.001, 1e-7, 32) is valid Python. */
export function pyNum(value: number, what: string): string {
  if (!Number.isFinite(value)) {
    throw new LetterLabError(
      'export.invalid-spec',
      `Cannot export the model: ${what} is ${value}, which is not a finite number. Fix it in the builder.`,
    );
  }
  return String(value);
}

/** A Python tuple of ints: (3,) for one element, (28, 28, 1) otherwise. */
export function pyTuple(values: (number | null)[]): string {
  const items = values.map((v) => (v === null ? 'None' : String(v)));
  return items.length === 1 ? `(${items[0]},)` : `(${items.join(', ')})`;
}

/** Text safe for one line of a `#` comment: line breaks and other controls become spaces. */
export function commentText(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    const control = code < 0x20 || code === 0x7f || code === 0x2028 || code === 0x2029;
    out += control ? ' ' : ch;
  }
  return out.replace(/ {2,}/g, ' ').trim();
}
