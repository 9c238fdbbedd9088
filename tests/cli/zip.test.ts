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
  it('deflates a part written in many strings to the text they make, its first piece rewritten', async () => {
    const texts = ['<worksheet>'];
    // Vietnamese text makes more bytes than characters: pieces are cut by characters.
    for (let r = 1, length = 0; length < 9 * 1024 * 1024; r++) {
      const row = `<row r="${r}"><c t="inlineStr"><is><t>Chi bộ bản Nặm Bao ${r}</t></is></c></row>`;
      texts.push(row);
      length += row.length;
    }
    texts.push('</worksheet>');
    const writer = new TextPartWriter((first) => first.replace('<worksheet>', '<worksheet xmlns:r="x">'));
    for (const t of texts) writer.write(t);
    const part = await writer.end();
    const expected = Buffer.from(texts.join('').replace('<worksheet>', '<worksheet xmlns:r="x">'), 'utf8');
    expect(part.size).toBe(expected.length);
    expect(part.crc).toBe(crc32(expected));
    expect(inflateRawSync(part.packed).equals(expected)).toBe(true);
  });

  it('writes an empty part as a valid empty stream, without rewriting nothing', async () => {
    const writer = new TextPartWriter(() => {
      throw new Error('no first piece to rewrite');
    });
    const part = await writer.end();
    expect(part.size).toBe(0);
    expect(inflateRawSync(part.packed).length).toBe(0);
  });
});
