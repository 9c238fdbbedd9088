/**
 * Opening a workbook file with the direct OOXML reader (cli/src/ooxml), every way it can go
 * wrong turned into one bilingual sentence: a vanished file, an .xls, a password, an .ods, a
 * damaged zip, a huge sheet, an empty book. ExcelJS is loaded only when a file holds earlier
 * results (load.ts): most runs never pay for it.
 */
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { bi, type Bilingual, type WorkbookGrid } from '@kiemtra/shared';
import { classify, countRows, unkeptParts, type ZipEntry } from './inspect.ts';
import { readPackage, type PackageRead } from '../ooxml/read.ts';

/** Rows per sheet above which a workbook is refused rather than loaded into memory. */
export const DEFAULT_MAX_ROWS = 300_000;

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;
/** Worksheet XML up to this size is read whole (a 300,000-row sheet is about 130 MB). */
const READ_WHOLE_UP_TO = 200 * 1024 * 1024;

export interface FastRead {
  path: string;
  /** The package as read, for the patch writer. */
  read: PackageRead;
  grid: WorkbookGrid;
  unkept: Bilingual[];
}

export type FastResult =
  | { ok: true; fast: FastRead }
  /** The file holds an earlier run's results: only the ExcelJS path knows how to remove them. */
  | { ok: true; fast: undefined }
  | { ok: false; problem: Bilingual };

/**
 * Reads a workbook with the direct OOXML reader (cli/src/ooxml), with the same refusals as
 * loadWorkbook: no object model of the workbook is built, so a province-sized file is read
 * in about a second.
 */
export async function readWorkbookFast(path: string, opts: { maxRows?: number } = {}): Promise<FastResult> {
  const maxRows = opts.maxRows ?? DEFAULT_MAX_ROWS;
  const opened = await openXlsx(path, maxRows, 'large');
  if (!opened.ok) return opened;
  const { buf, entries } = opened;
  let read: PackageRead;
  try {
    read = await readPackage(buf, entries, basename(path), maxRows);
  } catch {
    return { ok: false, problem: damaged() };
  }
  if (read.overLimit !== undefined) return { ok: false, problem: tooManyRows(read.overLimit, maxRows) };
  if (read.earlierResults) return { ok: true, fast: undefined };
  if (isEmptyGrid(read.grid)) return { ok: false, problem: emptyWorkbook() };
  return { ok: true, fast: { path, read, grid: read.grid, unkept: unkeptParts(entries) } };
}

/**
 * The file's bytes and zip entries, or why they cannot be read. Rows are counted as the sheets
 * stream by — every sheet (`all`, before ExcelJS loads the whole file) or only those too large
 * to read whole (`large`) — so that a huge sheet is refused before it fills the memory.
 */
export async function openXlsx(
  path: string,
  maxRows: number,
  count: 'all' | 'large',
): Promise<{ ok: true; buf: Buffer; entries: ZipEntry[] } | { ok: false; problem: Bilingual }> {
  let buf: Buffer;
  try {
    buf = await readFile(path);
  } catch (err) {
    return { ok: false, problem: fileError(err) };
  }
  const kind = classify(buf);
  if (kind.kind === 'problem') return { ok: false, problem: kind.problem };
  if (count === 'all' || kind.entries.some((e) => WORKSHEET.test(e.name) && e.size > READ_WHOLE_UP_TO)) {
    let counts;
    try {
      counts = await countRows(buf, kind.entries, maxRows);
    } catch {
      return { ok: false, problem: damaged() };
    }
    const huge = counts.find((c) => c.overLimit);
    if (huge) return { ok: false, problem: tooManyRows(huge.sheet, maxRows) };
  }
  return { ok: true, buf, entries: kind.entries };
}

/** The grid of a workbook: the fast reader, or ExcelJS when earlier results must be removed. */
export async function loadGrid(
  path: string,
  opts: { maxRows?: number } = {},
): Promise<{ ok: true; grid: WorkbookGrid } | { ok: false; problem: Bilingual }> {
  const fast = await readWorkbookFast(path, opts);
  if (!fast.ok) return fast;
  if (fast.fast) return { ok: true, grid: fast.fast.grid };
  const { loadWorkbook } = await import('./load.ts');
  const loaded = await loadWorkbook(path, opts);
  return loaded.ok ? { ok: true, grid: loaded.loaded.grid } : loaded;
}

/** True when no sheet holds a single value. */
export function isEmptyGrid(grid: WorkbookGrid): boolean {
  return grid.sheets.every((s) => s.rows.length === 0);
}

export function tooManyRows(sheet: string, maxRows: number): Bilingual {
  const n = maxRows.toLocaleString('vi-VN');
  const en = maxRows.toLocaleString('en-US');
  return bi(
    `trang "${sheet}" có hơn ${n} dòng — quá lớn để kiểm tra (giới hạn đổi được bằng --max-rows)`,
    `sheet "${sheet}" has more than ${en} rows — too large to check (change the limit with --max-rows)`,
  );
}

export function emptyWorkbook(): Bilingual {
  return bi('sổ làm việc trống: không có ô nào có dữ liệu', 'empty workbook: no cell holds data');
}

export function damaged(): Bilingual {
  return bi(
    'tệp bị hỏng, không đọc được nội dung: hãy mở bằng Excel và lưu lại',
    'the file is damaged and cannot be read: open it in Excel and save it again',
  );
}

export function fileError(err: unknown): Bilingual {
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') {
    return bi(
      'tệp không còn tồn tại (đã bị xóa hoặc di chuyển trong khi chạy)',
      'the file no longer exists (deleted or moved while running)',
    );
  }
  if (code === 'EACCES' || code === 'EPERM')
    return bi('không có quyền đọc tệp', 'no permission to read the file');
  if (code === 'EISDIR') return bi('đây là thư mục, không phải tệp', 'this is a folder, not a file');
  return bi(`không đọc được tệp (${code ?? 'lỗi'})`, `cannot read the file (${code ?? 'error'})`);
}
