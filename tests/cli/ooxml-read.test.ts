/**
 * The direct OOXML reader against the reference: for every sample, a workbook LibreOffice
 * wrote, and hand-written sheet XML (inline strings, shared formulas, errors, booleans,
 * dates, entities, a namespace prefix), it gives the grid readGrid gives through ExcelJS.
 */
import { readFileSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '@kiemtra/shared';
import { readPackage } from '../../cli/src/ooxml/read.ts';
import { listZip } from '../../cli/src/ooxml/zip.ts';
import { readGrid } from '../../cli/src/xlsx/read.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';
import { buildWorkbook, loadBuffer, resavedByLibreOffice, toBuffer, unzip, zip, samples } from './helpers.ts';

async function fast(buf: Buffer, name = 'x.xlsx'): Promise<WorkbookGrid> {
  return (await readPackage(buf, listZip(buf)!, name, 300_000)).grid;
}

async function reference(buf: Buffer, name = 'x.xlsx'): Promise<WorkbookGrid> {
  return readGrid(await loadBuffer(buf), name);
}

/** A one-sheet workbook whose sheet XML (and shared strings) are replaced by hand-written ones. */
async function withSheetXml(
  sheetData: string,
  opts: { sst?: string[]; tail?: string } = {},
): Promise<Buffer> {
  const parts = unzip(await toBuffer(buildWorkbook([{ name: 'S', rows: [['x']] }])));
  const sheet = [...parts.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))!;
  parts.set(
    sheet,
    Buffer.from(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">' +
        `<sheetData>${sheetData}</sheetData>${opts.tail ?? ''}</worksheet>`,
    ),
  );
  if (opts.sst) {
    parts.set(
      'xl/sharedStrings.xml',
      Buffer.from(
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
          `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${opts.sst.length}" uniqueCount="${opts.sst.length}">${opts.sst.join('')}</sst>`,
      ),
    );
  }
  return zip(parts);
}

describe('the fast reader gives what ExcelJS gives', () => {
  it.each(samples().map((f) => [relative(SAMPLES_DIR, f), f]))('%s', async (_name, path) => {
    const buf = readFileSync(path);
    expect(await fast(buf, basename(path))).toEqual(await reference(buf, basename(path)));
  });

  it('on a workbook LibreOffice wrote', async () => {
    const buf = resavedByLibreOffice(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'));
    const grid = await fast(buf);
    expect(grid).toEqual(await reference(buf));
    expect(grid.sheets.map((s) => s.name)).toEqual(['Chi bộ', 'Thôn bản', 'Đảng viên', 'Chỉ tiêu']);
  }, 180_000);

  it('on inline strings, shared formulas, errors, booleans, entities and rich text', async () => {
    const buf = await withSheetXml(
      '<row r="1"><c r="A1" t="inlineStr"><is><t>Chi bộ &amp; &lt;bản&gt;</t></is></c>' +
        '<c r="B1" t="inlineStr"><is><r><t>Nà </t></r><r><rPr><b/></rPr><t>Mò</t></r></is></c>' +
        '<c r="C1" t="s"><v>0</v></c><c r="D1" t="s"><v>1</v></c></row>' +
        '<row r="2"><c r="A2"><v>12</v></c><c r="B2"><f>A2*2</f><v>24</v></c>' +
        '<c r="C2"><f t="shared" ref="C2:C3" si="0">A2+1</f><v>13</v></c>' +
        '<c r="D2" t="e"><v>#REF!</v></c><c r="E2" t="b"><v>1</v></c>' +
        '<c r="F2" t="str"><f>"a"&amp;"b"</f><v>ab</v></c><c r="G2" t="e"><f>1/0</f><v>#DIV/0!</v></c></row>' +
        '<row r="3"><c r="C3"><f t="shared" si="0"/><v>14</v></c><c r="D3" t="b"><v>0</v></c>' +
        '<c r="E3"><f>X1</f></c><c r="F3" s="0"/><c r="G3" t="str"><v>a&#10;b</v></c></row>',
      {
        sst: [
          '<si><t xml:space="preserve">Số đảng viên&#10;(người)</t></si>',
          '<si><r><t>Tổng </t></r><r><rPr><i/></rPr><t>số</t></r><rPh sb="0" eb="1"><t>x</t></rPh></si>',
        ],
      },
    );
    const grid = await fast(buf);
    expect(grid).toEqual(await reference(buf));
    expect(grid.sheets[0]!.rows).toEqual([
      ['Chi bộ & <bản>', 'Nà Mò', 'Số đảng viên\n(người)', 'Tổng số'],
      [12, 24, 13, { error: '#REF!' }, true, 'ab', { error: '#DIV/0!' }],
      [null, null, 14, false, null, null, 'a\nb'],
    ]);
  });

  it('on dates in a date format, merged cells with hidden values, and notes', async () => {
    const wb = buildWorkbook([
      {
        name: 'S',
        rows: [
          ['Ngày vào Đảng', 'Ghi chú', null],
          [new Date(Date.UTC(2023, 0, 15, 6)), 'giữa', 'ẩn'],
        ],
        merges: ['B2:C2'],
      },
    ]);
    const ws = wb.getWorksheet('S')!;
    ws.getCell('A2').numFmt = 'dd/mm/yyyy hh:mm';
    ws.getCell('A1').note = 'Theo sổ đảng viên';
    const buf = await toBuffer(wb);
    const grid = await fast(buf);
    expect(grid).toEqual(await reference(buf));
    expect(grid.sheets[0]!.rows[1]![0]).toBeCloseTo(44941.25, 8);
    expect(grid.sheets[0]!.notes).toEqual({ A1: 'Theo sổ đảng viên' });
  });

  it('reads a sheet written with an x: namespace prefix', async () => {
    const parts = unzip(await withSheetXml(''));
    const sheet = [...parts.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))!;
    parts.set(
      sheet,
      Buffer.from(
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>' +
          '<x:row r="2"><x:c r="B2" t="inlineStr"><x:is><x:t>Chi bộ</x:t></x:is></x:c><x:c r="C2"><x:v>7</x:v></x:c></x:row>' +
          '</x:sheetData><x:mergeCells count="1"><x:mergeCell ref="D2:E2"/></x:mergeCells></x:worksheet>',
      ),
    );
    // ExcelJS does not read prefixed sheets; the values are the ones written above.
    const sheetGrid = (await fast(zip(parts))).sheets[0]!;
    expect(sheetGrid.rows).toEqual([['Chi bộ', 7]]);
    expect(sheetGrid.origin).toEqual({ row: 1, col: 1 });
    expect(sheetGrid.merges).toEqual([{ top: 1, left: 3, bottom: 1, right: 4 }]);
  });
});
