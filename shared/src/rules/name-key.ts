/**
 * How two members' names are found the same: case and spacing do not make a name different,
 * diacritics do ("Lò" is not "Lo"). The duplicate search hashes the key of every member's
 * name; a province lists 100,000 members under tens of thousands of different names, so the
 * hash is worked out character by character, without making the key's text.
 */

import { FNV_PRIME, hashText } from '../hash.ts';

/** The key of a name: composed (NFC), in lower case, runs of spaces made one, trimmed. */
export function nameKey(s: string): string {
  return s.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** Table entries: a space of any kind; a character only nameKey itself can key. */
const SPACE = -1;
const WHOLE_TEXT = -2;

/**
 * What a character becomes in a key, for the characters of Vietnamese names: Latin (to
 * U+024F) and the precomposed Vietnamese letters (U+1E00–U+1EFF). A combining mark, a
 * character that composition changes or one that lowers to two characters ("İ") needs the
 * whole text's normalize() and is left to nameKey.
 */
function keyTable(from: number, to: number): Int32Array {
  const table = new Int32Array(to - from);
  for (let c = from; c < to; c++) {
    const ch = String.fromCharCode(c);
    const lower = ch.toLowerCase();
    if (/^\s$/.test(ch)) table[c - from] = SPACE;
    else if (ch.normalize('NFC') !== ch || /\p{M}/u.test(ch) || lower.length !== 1)
      table[c - from] = WHOLE_TEXT;
    else table[c - from] = lower.charCodeAt(0);
  }
  return table;
}

const LATIN = keyTable(0, 0x250);
const VIETNAMESE = keyTable(0x1e00, 0x1f00);

/** hashText(nameKey(s), h), for names of the table's characters without making the key. */
export function nameKeyHash(s: string, h: number): number {
  const start = h;
  let started = false;
  let space = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const k = c < 0x250 ? LATIN[c]! : c >= 0x1e00 && c < 0x1f00 ? VIETNAMESE[c - 0x1e00]! : WHOLE_TEXT;
    if (k === WHOLE_TEXT) return hashText(nameKey(s), start);
    if (k === SPACE) {
      space = started;
      continue;
    }
    if (space) {
      h = Math.imul(h ^ 32, FNV_PRIME);
      space = false;
    }
    h = Math.imul(h ^ k, FNV_PRIME);
    started = true;
  }
  return h;
}
