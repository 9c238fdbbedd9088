/** Parts deflated in pieces side by side still inflate to exactly the bytes written. */
import { crc32, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { deflatePart, TextPartWriter } from '../../cli/src/ooxml/zip.ts';

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

describe('TextPartWriter', () => {
  /** A sheet-like source, and a part made of ranges of it with new text between them. */
  function patched(source: string): { ranges: [number, number][]; inserts: string[]; expected: string } {
    const ranges: [number, number][] = [];
    const inserts: string[] = [];
    let expected = '';
    let at = 0;
    for (let k = 0; at < source.length; k++) {
      // Mostly row-sized ranges, now and then a very long one (more than a piece).
      const length = k % 500 === 499 ? 5 * 1024 * 1024 : 300 + ((k * 7919) % 400);
      const to = Math.min(source.length, at + length);
      ranges.push([at, to]);
      // New cells; some with Vietnamese, one now and then longer than a short write.
      const insert =
        k % 97 === 0
          ? `<c r="Z${k}" t="inlineStr"><is><t>Chi bộ bản Nặm Bao ${'ở '.repeat(200)}</t></is></c>`
          : `<c r="Z${k}" s="4" t="s"><v>${k % 13}</v></c>`;
      inserts.push(insert);
      expected += source.slice(at, to) + insert;
      at = to;
    }
    return { ranges, inserts, expected };
  }

  async function written(
    source: string,
    bytes: Buffer | undefined,
  ): Promise<{ part: Buffer; expected: Buffer }> {
    const { ranges, inserts, expected } = patched(source);
    const writer = new TextPartWriter(source, bytes);
    ranges.forEach(([from, to], k) => {
      writer.copy(from, to);
      writer.write(inserts[k]!);
    });
    const part = await writer.end();
    const want = Buffer.from(expected, 'utf8');
    expect(part.size).toBe(want.length);
    expect(part.crc).toBe(crc32(want));
    return { part: inflateRawSync(part.packed), expected: want };
  }

  it('copies an ASCII source from its bytes, with new text between, over several pieces', async () => {
    const source = sheetLike(13 * 1024 * 1024).toString('utf8');
    const { part, expected } = await written(source, Buffer.from(source, 'utf8'));
    expect(part.equals(expected)).toBe(true);
  });

  it('copies a source with multi-byte characters from its text (its offsets are not byte offsets)', async () => {
    const rows: string[] = [];
    for (let r = 1, length = 0; length < 9 * 1024 * 1024; r++) {
      const row = `<row r="${r}"><c t="inlineStr"><is><t>Chi bộ bản Nặm Bao ${r}</t></is></c></row>`;
      rows.push(row);
      length += row.length;
    }
    const source = rows.join('');
    const { part, expected } = await written(source, Buffer.from(source, 'utf8'));
    expect(part.equals(expected)).toBe(true);
  });

  it('writes an empty part as a valid empty stream', async () => {
    const part = await new TextPartWriter('', Buffer.alloc(0)).end();
    expect(part.size).toBe(0);
    expect(inflateRawSync(part.packed).length).toBe(0);
  });
});
