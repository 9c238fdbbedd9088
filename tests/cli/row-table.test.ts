/**
 * The row table of a worksheet, as the patch writer reads it through SheetIndex: where each
 * row is, its number, style and height, and its last cell, in the layouts other writers use;
 * and a row's tag as the writer rewrites it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LAST_COL, NO_CELL, STRIDE, UNREFERENCED, scanRows } from '../../cli/src/ooxml/row-table.ts';
import { SheetIndex } from '../../cli/src/ooxml/sheet-index.ts';
import { withoutSpans } from '../../cli/src/ooxml/sheet-patch.ts';

const SHEET = [
  '<?xml version="1.0"?>',
  '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>',
  '<x:row r="2" ht="30" customHeight="1" s="5"><x:c r="A2" t="s"><x:v>0</x:v></x:c><x:c r="C2" s="7"/></x:row>',
  // No `r`: the row after the one before, and a last cell whose column only a full parse tells.
  '<x:row><x:c r="A3"><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>',
  '<x:row r="5"/>',
  '<x:row r="6"></x:row>',
  '<x:row r="7"><x:c r="D7"><x:v>4</x:v></x:c></x:row>',
  '</x:sheetData></x:worksheet>',
].join('');

describe('scanRows', () => {
  it('finds each row, its number, style, height and last cell', () => {
    const t = scanRows(SHEET);
    expect(t.prefix).toBe('x:');
    expect(t.count).toBe(5);
    const index = new SheetIndex(SHEET);
    expect(index.rows.map((r) => r.row)).toEqual([1, 2, 4, 5, 6]);
    const [second, third, fifth, sixth, seventh] = index.rows;
    expect(second).toMatchObject({ s: 5, height: 30 });
    expect(SHEET.slice(second!.start, second!.tagEnd)).toBe('<x:row r="2" ht="30" customHeight="1" s="5">');
    expect(SHEET.slice(second!.close, second!.end)).toBe('</x:row>');
    expect(index.lastCol(second!)).toBe(2);
    expect(index.cell(1, 2)).toMatchObject({ col: 2, s: 7, content: false });
    expect(index.cell(1, 3)).toBeUndefined();
    expect(index.lastCol(third!)).toBe(Infinity);
    expect(index.cell(2, 1)).toMatchObject({ col: 1, content: true });
    expect(fifth!.close).toBe(fifth!.tagEnd);
    expect(index.lastCol(fifth!)).toBe(-1);
    expect(index.lastCol(sixth!)).toBe(-1);
    expect(index.cell(6, 3)).toMatchObject({ col: 3, content: true });
    expect(t.spans[STRIDE * 2 + LAST_COL]).toBe(NO_CELL);
    expect(t.spans[STRIDE + LAST_COL]).toBe(UNREFERENCED);
    expect(seventh!.height).toBeUndefined();
  });

  it('refuses a sheet without rows to patch', () => {
    expect(() => scanRows('<worksheet><sheetData/></worksheet>')).toThrow('empty sheetData');
    expect(() => scanRows('<worksheet></worksheet>')).toThrow('no sheetData');
  });
});

describe('withoutSpans', () => {
  // What a regular expression removes: whitespace, `spans`, `=`, a quoted value.
  const reference = (tag: string) => tag.replace(/\s+spans\s*=\s*(["'])[^"']*\1/, '');

  it('removes the attribute as written by Excel, LibreOffice and by hand', () => {
    expect(withoutSpans('<row r="3" spans="1:11" s="2">')).toBe('<row r="3" s="2">');
    expect(withoutSpans('<x:row spans = \'2:4\'\tht="20">')).toBe('<x:row\tht="20">');
    expect(withoutSpans('<row r="3" xspans="1:2">')).toBe('<row r="3" xspans="1:2">');
    expect(withoutSpans('<row r="3">')).toBe('<row r="3">');
  });

  it('removes what the regular expression removes, for any tag', () => {
    const space = fc.constantFrom(' ', '  ', '\t', '\n', '');
    const attribute = fc
      .tuple(
        space,
        fc.constantFrom('r', 's', 'spans', 'xspans', 'ht', 'spansx'),
        space,
        fc.constantFrom('=', ''),
        space,
        fc.constantFrom('"', "'"),
        fc.stringMatching(/^[0-9:'"a-z]{0,4}$/),
        fc.constantFrom('"', "'"),
      )
      .map((parts) => parts.join(''));
    fc.assert(
      fc.property(fc.array(attribute, { maxLength: 5 }), (attributes) => {
        const tag = `<row${attributes.join('')}>`;
        expect(withoutSpans(tag)).toBe(reference(tag));
      }),
      { numRuns: 5000 },
    );
  });
});
