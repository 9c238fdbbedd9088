/**
 * The duplicate search hashes a member's name by its key without making the key's text: the
 * hash must be the hash of nameKey's text for every name, whatever its spaces, case, marks
 * (precomposed or combining) or characters from outside the table.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FNV_OFFSET, hashText } from '../../../shared/src/hash.ts';
import { nameKey, nameKeyHash } from '../../../shared/src/rules/name-key.ts';

const keyHash = (s: string): number => hashText(nameKey(s), FNV_OFFSET);

/** Characters names are made of, and those that trip a character-by-character key. */
const PIECES = [
  ...'abcdeghiklmnopqrstuvxyABDEGHLMNOPQRSTUVXY0-.',
  ...'àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ',
  ...'ÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ',
  ' ',
  '  ',
  '\t',
  '\n',
  '\u00a0',
  '\u2003',
  '\u3000',
  '\u0300',
  '\u0301',
  '\u0323',
  '\u0309',
  'İ',
  'ẞ',
  'Ω',
  'Ж',
  'ﬁ',
];

describe('name keys', () => {
  it('hash as the key text hashes, for any name', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...PIECES), { maxLength: 24 }), (pieces) => {
        const name = pieces.join('');
        expect(nameKeyHash(name, FNV_OFFSET)).toBe(keyHash(name));
      }),
      { numRuns: 20_000 },
    );
  });

  it('make names differing in case, spacing or composition one, and diacritics two', () => {
    const same = ['Lò Văn Dũng', 'LÒ VĂN DŨNG', '  lò  văn\tdũng ', 'Lo\u0300 Va\u0306n Du\u0303ng'];
    for (const name of same) expect(nameKeyHash(name, FNV_OFFSET)).toBe(nameKeyHash(same[0]!, FNV_OFFSET));
    expect(nameKeyHash('Lo Van Dung', FNV_OFFSET)).not.toBe(nameKeyHash('Lò Văn Dũng', FNV_OFFSET));
  });

  it('need no composition between two characters of the table', () => {
    // The character-by-character key takes a name of the table's characters as composed
    // already: no two of them may compose into another.
    const chars: string[] = [];
    for (let c = 0x20; c < 0x250; c++) chars.push(String.fromCharCode(c));
    for (let c = 0x1e00; c < 0x1f00; c++) chars.push(String.fromCharCode(c));
    const keyed = chars.filter((ch) => ch.normalize('NFC') === ch && !/\p{M}/u.test(ch));
    let composed = 0;
    for (const a of keyed) for (const b of keyed) if ((a + b).normalize('NFC') !== a + b) composed++;
    expect(composed).toBe(0);
  });
});
