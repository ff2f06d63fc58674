// The Python listings with Chinese comments (src/programs/listings-zh.ts): the same program as the
// English file, line for line, so a simulated step highlights the same line in both languages.
import { describe, expect, it } from 'vitest';
import { LISTINGS, type ListingName } from '../programs/listings.generated.ts';
import { COMMENTS_ZH, LISTINGS_ZH, splitComment, withChineseComments } from '../programs/listings-zh.ts';
import { halfWidthBesideChinese } from './typography.ts';

const CJK = /[\u4e00-\u9fff]/;
// Two plain English words in a row ("the client", "sleeps until"): an untranslated phrase.
const ENGLISH_PHRASE = /\b[A-Za-z]{2,}[ ,]+[a-z]{2,}\b/;
const names = Object.keys(LISTINGS) as ListingName[];

describe('the listings with Chinese comments', () => {
  it('a comment is a # outside a string; only its text changes', () => {
    expect(splitComment("x = '#'  # note")).toEqual({ code: "x = '#'", comment: 'note' });
    expect(splitComment('s = "a # b"')).toEqual({ code: 's = "a # b"', comment: null });
    const line = '    conn, addr = server.accept()  # sleeps until a client connects';
    expect(withChineseComments(line)).toBe('    conn, addr = server.accept()  # 睡眠，直到有客户端连上来');
    expect(withChineseComments('x = 1  # not in the table')).toBe('x = 1  # not in the table');
  });

  it('every translation is used by a listing (none left from a comment since reworded)', () => {
    const used = new Set(
      names.flatMap((n) => LISTINGS[n].split('\n').map((l) => splitComment(l).comment ?? '')),
    );
    expect(Object.keys(COMMENTS_ZH).filter((en) => !used.has(en))).toEqual([]);
  });

  for (const name of names) {
    it(`${name}.py: the same code on the same lines, every comment in Chinese`, () => {
      const en = LISTINGS[name].split('\n');
      const zh = LISTINGS_ZH[name].split('\n');
      expect(zh.length, 'number of lines').toBe(en.length);
      for (let i = 0; i < en.length; i++) {
        const where = `${name}.py line ${i + 1}`;
        const a = splitComment(en[i]!);
        const b = splitComment(zh[i]!);
        expect(b.code, `${where}: code`).toBe(a.code);
        expect(b.comment === null, `${where}: a comment on one side only`).toBe(a.comment === null);
        if (a.comment === null || b.comment === null) continue;
        expect(b.comment, `${where}: not translated (add it to COMMENTS_ZH)`).toMatch(CJK);
        expect(b.comment, `${where}: English left`).not.toMatch(ENGLISH_PHRASE);
        expect(halfWidthBesideChinese(b.comment), `${where}: half-width punctuation beside Chinese`).toBe(
          false,
        );
      }
    });
  }
});
