// Backticked parts of messages become code; lone backticks stay as they are.
import { describe, expect, it } from 'vitest';
import { splitInlineCode } from '../../../../src-renderer/lib/text/inline-code';

describe('splitInlineCode', () => {
  it('cuts a message into plain and code parts', () => {
    expect(splitInlineCode("Re-save it with `save -v7` or `savemat(..., format='5')`.")).toEqual([
      { text: 'Re-save it with ', code: false },
      { text: 'save -v7', code: true },
      { text: ' or ', code: false },
      { text: "savemat(..., format='5')", code: true },
      { text: '.', code: false },
    ]);
  });

  it('keeps text without backticks, a lone backtick and an empty pair as they are', () => {
    expect(splitInlineCode('plain')).toEqual([{ text: 'plain', code: false }]);
    expect(splitInlineCode('it`s')).toEqual([{ text: 'it`s', code: false }]);
    expect(splitInlineCode('a `` b')).toEqual([{ text: 'a `` b', code: false }]);
    expect(splitInlineCode('`npm run web`')).toEqual([{ text: 'npm run web', code: true }]);
    expect(splitInlineCode('')).toEqual([]);
  });
});
