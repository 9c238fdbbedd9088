/** Shared by the command-line tests: running the real bin, building and comparing workbooks. */
import { execFileSync, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateRawSync, inflateRawSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import { listZip } from '../../cli/src/xlsx/inspect.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';

export const ROOT = resolve(import.meta.dirname, '../..');
export const BIN = join(ROOT, 'cli/bin/kiemtra.js');

export interface RunResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `node cli/bin/kiemtra.js …` as a user would, outside a terminal. */
export function runCli(args: string[], opts: { cwd?: string } = {}): Promise<RunResult> {
  return new Promise((res, rej) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: opts.cwd ?? ROOT,
      env: { ...process.env, NO_COLOR: '1' },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => res({ code: code ?? -1, stdout, stderr }));
  });
}

/**
 * The workbook re-saved by LibreOffice as its own .xlsx (its styles, its XML, its zip): a file
 * we did not make. Runs `soffice` headless with a fresh profile.
 */
export function resavedByLibreOffice(source: string): Buffer {
  const dir = tempDir('kiemtra-lo-resave-');
  const input = join(dir, 'in');
  mkdirSync(input);
  writeFileSync(join(input, 'xa.xlsx'), readFileSync(source));
  execFileSync(
    'soffice',
    [
      `-env:UserInstallation=file:///tmp/lo-${randomUUID()}`,
      '--headless',
      '--convert-to',
      'xlsx:Calc MS Excel 2007 XML',
      '--outdir',
      dir,
      join(input, 'xa.xlsx'),
    ],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return readFileSync(join(dir, 'xa.xlsx'));
}

/** Every committed sample workbook, folders included (not the generated ones). */
export function samples(dir = SAMPLES_DIR): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (name === 'generated') continue;
    if (statSync(path).isDirectory()) out.push(...samples(path));
    else if (name.endsWith('.xlsx')) out.push(path);
  }
  return out;
}

export function tempDir(prefix = 'kiemtra-cli-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export type Literal = (string | number | boolean | null | Date | ExcelJS.CellValue)[][];

export interface SheetSpec {
  name: string;
  rows: Literal;
  /** 1-based first row/col of rows[0][0]. */
  at?: { row: number; col: number };
  merges?: string[];
  hidden?: boolean;
}

/** A workbook styled like officials' ones: Times New Roman, borders, bold headers. */
export function buildWorkbook(sheets: SheetSpec[]): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name, spec.hidden ? { state: 'hidden' } : {});
    const r0 = spec.at?.row ?? 1;
    const c0 = spec.at?.col ?? 1;
    spec.rows.forEach((row, i) => {
      row.forEach((v, j) => {
        if (v === null || v === undefined) return;
        const cell = ws.getCell(r0 + i, c0 + j);
        cell.value = v as ExcelJS.CellValue;
        cell.style = {
          font: { name: 'Times New Roman', size: 12, ...(i === 0 ? { bold: true } : {}) },
          border: {
            top: { style: 'thin' },
            bottom: { style: 'thin' },
            left: { style: 'thin' },
            right: { style: 'thin' },
          },
        };
      });
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
    ws.getColumn(c0).width = 28;
  }
  return wb;
}

export async function toBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

export async function loadBuffer(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb;
}

export async function loadFile(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** The zip entries of an .xlsx, decompressed. */
export function unzip(buf: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const e of listZip(buf) ?? []) {
    const p = e.localOffset;
    const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
    const data = buf.subarray(start, start + e.compressedSize);
    out.set(e.name, e.method === 0 ? Buffer.from(data) : inflateRawSync(data));
  }
  return out;
}

/** A minimal zip writer (deflate), enough to add or change parts of a test workbook. */
export function zip(entries: Map<string, Buffer>): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const [name, data] of entries) {
    const nameBuf = Buffer.from(name, 'utf8');
    const packed = deflateRawSync(data);
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBuf.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBuf, packed);
    centrals.push(central, nameBuf);
    offset += 30 + nameBuf.length + packed.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.size, 8);
  end.writeUInt16LE(entries.size, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

export interface CellSnapshot {
  value: unknown;
  style: unknown;
  note: unknown;
}

/** Every non-empty cell of a sheet (value, style, note), keyed by address. */
export function snapshotSheet(ws: ExcelJS.Worksheet): Map<string, CellSnapshot> {
  const out = new Map<string, CellSnapshot>();
  ws.eachRow({ includeEmpty: true }, (row) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      const style = JSON.parse(JSON.stringify(cell.style ?? {})) as Record<string, unknown>;
      const empty =
        (cell.value === null || cell.value === undefined) &&
        Object.keys(style).length === 0 &&
        cell.note === undefined;
      if (empty) return;
      out.set(cell.address, {
        value: JSON.parse(JSON.stringify(cell.value ?? null)),
        style,
        note: cell.note === undefined ? null : JSON.parse(JSON.stringify(cell.note)),
      });
    });
  });
  return out;
}

export interface SheetSnapshot {
  name: string;
  state: string;
  merges: string[];
  widths: (number | null)[];
  cells: Map<string, CellSnapshot>;
}

export function snapshotWorkbook(wb: ExcelJS.Workbook): SheetSnapshot[] {
  return wb.worksheets.map((ws) => {
    const widths: (number | null)[] = [];
    for (let c = 1; c <= ws.columnCount; c++) widths.push(ws.getColumn(c).width ?? null);
    const merges = Object.keys((ws as unknown as { _merges: Record<string, unknown> })._merges).sort();
    return { name: ws.name, state: ws.state, merges, widths, cells: snapshotSheet(ws) };
  });
}

/** Differences between two snapshots of the same sheet, as readable lines. */
export function diffCells(
  a: Map<string, CellSnapshot>,
  b: Map<string, CellSnapshot>,
  ignore: (address: string, part: keyof CellSnapshot) => boolean = () => false,
): string[] {
  const out: string[] = [];
  const keys = new Set([...a.keys(), ...b.keys()]);
  for (const k of keys) {
    const x = a.get(k) ?? { value: null, style: {}, note: null };
    const y = b.get(k) ?? { value: null, style: {}, note: null };
    for (const part of ['value', 'style', 'note'] as const) {
      if (ignore(k, part)) continue;
      if (JSON.stringify(x[part]) !== JSON.stringify(y[part])) {
        out.push(`${k}.${part}: ${JSON.stringify(x[part])} ≠ ${JSON.stringify(y[part])}`);
      }
    }
  }
  return out;
}
