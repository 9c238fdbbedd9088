/** Parts deflated in pieces side by side still inflate to exactly the bytes written. */
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflatePart } from '../../cli/src/ooxml/zip.ts';

function sheetLike(bytes: number): Buffer {
  const rows: string[] = [];
  let size = 0;
  for (let r = 1; size < bytes; r++) {
    const row = `<row r="${r}"><c r="A${r}" s="3"><v>${(r * 7919) % 100_003}</v></c><c r="B${r}" t="s"><v>${r % 97}</v></c></row>`;
    rows.push(row);
    size += row.length;
  }
  return Buffer.from(rows.join('').slice(0, bytes), 'utf8');
}

describe('deflatePart', () => {
  for (const [label, bytes] of [
    ['empty', 0],
    ['small', 1_000],
    ['exactly one piece', 4 * 1024 * 1024],
    ['several pieces', 10 * 1024 * 1024 + 17],
  ] as const) {
    it(`inflates back to the same bytes: ${label}`, async () => {
      const data = sheetLike(bytes);
      const part = await deflatePart(data);
      expect(part.size).toBe(data.length);
      expect(part.crc).toBe(crc32(data));
      expect(inflateRawSync(part.packed).equals(data)).toBe(true);
      if (bytes > 0) expect(part.packed.length).toBeLessThan(data.length);
    });
  }
});
