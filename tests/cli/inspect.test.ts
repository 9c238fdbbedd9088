import { describe, expect, it } from 'vitest';
import { classify, countRows, unkeptParts, listZip } from '../../cli/src/xlsx/inspect.ts';
import { buildWorkbook, toBuffer, unzip, zip } from './helpers.ts';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function problemOf(buf: Buffer): string {
  const k = classify(buf);
  return k.kind === 'problem' ? k.problem.en : 'xlsx';
}

describe('telling what a file really is', () => {
  it('recognizes a real .xlsx and lists its parts', async () => {
    const buf = await toBuffer(buildWorkbook([{ name: 'S', rows: [['a']] }]));
    const k = classify(buf);
    expect(k.kind).toBe('xlsx');
    expect(listZip(buf)!.map((e) => e.name)).toContain('xl/workbook.xml');
  });

  it('names each kind of bad input', async () => {
    expect(problemOf(Buffer.alloc(0))).toMatch(/empty/);
    expect(problemOf(Buffer.from('Tên chi bộ;Số đảng viên\n'))).toMatch(/not an Excel \.xlsx/);
    expect(problemOf(Buffer.concat([CFB, Buffer.alloc(600), Buffer.from('Workbook', 'utf16le')]))).toMatch(
      /\.xls/,
    );
    expect(
      problemOf(Buffer.concat([CFB, Buffer.alloc(600), Buffer.from('EncryptionInfo', 'utf16le')])),
    ).toMatch(/password/);
    const ods = zip(
      new Map([
        ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')],
        ['content.xml', Buffer.from('<office:document-content/>')],
      ]),
    );
    expect(problemOf(ods)).toMatch(/OpenDocument/);
    const docx = zip(new Map([['word/document.xml', Buffer.from('<w:document/>')]]));
    expect(problemOf(docx)).toMatch(/not an Excel workbook/);
    const good = await toBuffer(buildWorkbook([{ name: 'S', rows: [['a']] }]));
    expect(problemOf(good.subarray(0, good.length - 40))).toMatch(/damaged/);
  });

  it('lists what ExcelJS would not keep', async () => {
    const parts = unzip(await toBuffer(buildWorkbook([{ name: 'S', rows: [['a']] }])));
    expect(unkeptParts(listZip(zip(parts))!)).toEqual([]);
    parts.set('xl/charts/chart1.xml', Buffer.from('<c:chartSpace/>'));
    parts.set('xl/pivotTables/pivotTable1.xml', Buffer.from('<pivotTableDefinition/>'));
    parts.set('xl/drawings/vmlDrawing1.vml', Buffer.from('<xml/>'));
    const found = unkeptParts(listZip(zip(parts))!).map((p) => p.en);
    // Legacy VML drawings carry notes, which ExcelJS keeps.
    expect(found).toEqual(['charts', 'pivot tables']);
  });

  it('counts rows per sheet and stops past the limit', async () => {
    const rows: number[][] = [];
    for (let i = 0; i < 5000; i++) rows.push([i, i * 2]);
    const buf = await toBuffer(
      buildWorkbook([
        { name: 'Đảng viên', rows },
        { name: 'Nhỏ', rows: [[1], [2], [3]] },
      ]),
    );
    const entries = listZip(buf)!;
    const all = await countRows(buf, entries, 10_000);
    expect(all).toEqual([
      { sheet: 'Đảng viên', rows: 5000, overLimit: false },
      { sheet: 'Nhỏ', rows: 3, overLimit: false },
    ]);
    const capped = await countRows(buf, entries, 1000);
    expect(capped[0]!.overLimit).toBe(true);
    expect(capped[0]!.rows).toBeGreaterThan(1000);
    expect(capped[0]!.rows).toBeLessThan(5000);
  });
});
