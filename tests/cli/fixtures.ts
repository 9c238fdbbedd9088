/** Input files for the command tests: good workbooks and every kind of bad one. */
import { symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { WorkbookGrid } from '@kiemtra/shared';
import { gridToWorkbook } from '../../cli/src/xlsx/grid-workbook.ts';
import { entryData, listZip } from '../../cli/src/ooxml/zip.ts';
import { buildWorkbook, toBuffer, unzip, zip } from './helpers.ts';

const CFB = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/**
 * A small commune workbook laid out as officials do: header block, title with the year,
 * a two-row merged header, a column-number row, and a total row. Nặm Bao held 6 of 12
 * regular meetings (seed 002); Pò Cại's total is typed wrong on purpose.
 */
export function smallCommuneGrid(): WorkbookGrid {
  return {
    name: 'xa-nam-lanh.xlsx',
    sheets: [
      {
        name: 'Chi bộ',
        rows: [
          ['ĐẢNG BỘ HUYỆN SỐP CỘP', null, null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
          ['ĐẢNG ỦY XÃ NẬM LẠNH'],
          [],
          ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023'],
          ['STT', 'Tên chi bộ', 'Số đảng viên', null, null, 'Số kỳ sinh hoạt thường kỳ', 'Có chi ủy'],
          [null, null, 'Tổng số', 'Chính thức', 'Dự bị', null, null],
          ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)', '(7)'],
          [1, 'Chi bộ bản Nà Mò', 12, 11, 1, 12, 'x'],
          [2, 'Chi bộ bản Nặm Bao', 7, 6, 1, 6, null],
          [3, 'Chi bộ bản Pò Cại', 10, 9, 2, 12, 'x'],
          [4, 'Chi bộ bản Huổi Hịa', 4, 4, 0, 11, null],
          [null, 'Tổng cộng', 33, 30, 4, null, null],
        ],
        merges: [
          { top: 4, left: 0, bottom: 5, right: 0 },
          { top: 4, left: 1, bottom: 5, right: 1 },
          { top: 4, left: 2, bottom: 4, right: 4 },
          { top: 4, left: 5, bottom: 5, right: 5 },
          { top: 4, left: 6, bottom: 5, right: 6 },
          { top: 3, left: 0, bottom: 3, right: 6 },
        ],
      },
    ],
  };
}

export async function writeGrid(path: string, grid: WorkbookGrid): Promise<void> {
  writeFileSync(path, await toBuffer(gridToWorkbook(grid)));
}

/** A real .xlsx whose first sheet has `rows` rows, written straight as XML (ExcelJS would be slow). */
export async function hugeWorkbook(rows: number): Promise<Buffer> {
  const parts = unzip(await toBuffer(buildWorkbook([{ name: 'Đảng viên', rows: [['x']] }])));
  const chunks: string[] = [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  ];
  for (let r = 1; r <= rows; r++) chunks.push(`<row r="${r}"><c r="A${r}"><v>${r}</v></c></row>`);
  chunks.push('</sheetData></worksheet>');
  const sheetPart = [...parts.keys()].find((k) => /^xl\/worksheets\/sheet\d+\.xml$/.test(k))!;
  parts.set(sheetPart, Buffer.from(chunks.join('')));
  return zip(parts);
}

export interface BadFiles {
  dir: string;
  files: Record<string, string>;
}

/** One file per kind of bad input, in `dir`. */
export async function writeBadFiles(dir: string): Promise<BadFiles> {
  const files: Record<string, string> = {
    text: join(dir, 'danh-sach.xlsx'),
    xls: join(dir, 'bieu-cu.xls'),
    encrypted: join(dir, 'co-mat-khau.xlsx'),
    ods: join(dir, 'bang-tinh.ods'),
    damaged: join(dir, 'hong.xlsx'),
    garbled: join(dir, 'hong-trang-tinh.xlsx'),
    empty: join(dir, 'trong.xlsx'),
    gone: join(dir, 'da-xoa.xlsx'),
  };
  writeFileSync(files.text!, 'Tên chi bộ;Số đảng viên\nNà Mò;12\n');
  writeFileSync(files.xls!, Buffer.concat([CFB, Buffer.alloc(1000), Buffer.from('Workbook', 'utf16le')]));
  writeFileSync(
    files.encrypted!,
    Buffer.concat([CFB, Buffer.alloc(1000), Buffer.from('EncryptionInfo', 'utf16le'), Buffer.alloc(64)]),
  );
  writeFileSync(
    files.ods!,
    zip(
      new Map([
        ['mimetype', Buffer.from('application/vnd.oasis.opendocument.spreadsheet')],
        ['content.xml', Buffer.from('<office:document-content/>')],
      ]),
    ),
  );
  const good = await toBuffer(
    buildWorkbook([
      {
        name: 'S',
        rows: [
          ['Tên chi bộ', 'Số đảng viên'],
          ['Nà Mò', 12],
        ],
      },
    ]),
  );
  writeFileSync(files.damaged!, good.subarray(0, Math.floor(good.length / 2)));
  // A whole zip whose worksheet no longer inflates: the damage shows only when the sheet is read.
  const garbled = Buffer.from(good);
  const sheet = listZip(garbled)!.find((e) => /^xl\/worksheets\/[^/]+\.xml$/.test(e.name))!;
  const data = entryData(garbled, sheet);
  garbled.fill(
    0xff,
    data.byteOffset - garbled.byteOffset,
    data.byteOffset - garbled.byteOffset + data.length,
  );
  writeFileSync(files.garbled!, garbled);
  const empty = new ExcelJS.Workbook();
  empty.addWorksheet('Sheet1');
  writeFileSync(files.empty!, await toBuffer(empty));
  // A link to nothing: listed by the folder walk, gone when it is read — a file deleted mid-run.
  symlinkSync(join(dir, 'khong-con.xlsx'), files.gone!);
  return { dir, files };
}
