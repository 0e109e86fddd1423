// Messages mark commands and file names with backticks, as `save -v7`. The page shows those parts
// as code instead of showing the backticks. Pure, so it is tested on its own.

export interface TextPart {
  text: string;
  code: boolean;
}

/** `text` cut into plain and code parts; a backtick without a partner stays as it is. */
export function splitInlineCode(text: string): TextPart[] {
  const parts: TextPart[] = [];
  let rest = text;
  for (;;) {
    const open = rest.indexOf('`');
    const close = open < 0 ? -1 : rest.indexOf('`', open + 1);
    if (close < 0 || close === open + 1) {
      if (rest !== '') parts.push({ text: rest, code: false });
      return parts;
    }
    if (open > 0) parts.push({ text: rest.slice(0, open), code: false });
    parts.push({ text: rest.slice(open + 1, close), code: true });
    rest = rest.slice(close + 1);
  }
}
