/**
 * The fast reader: an .xlsx package → WorkbookGrid without an object model of the workbook.
 * Gives what readGrid (cli/src/xlsx/read.ts) gives through ExcelJS, and says whether the
 * file holds an earlier run's results (then the command line takes the ExcelJS path, which
 * knows how to remove them).
 */
import { RESULT_SHEETS, STATE_SHEET, type SheetGrid, type WorkbookGrid } from '@kiemtra/shared';
import { readComments } from './comments.ts';
import { readStyleFormats } from './number-formats.ts';
import {
  openPackage,
  parseRels,
  partText,
  relsOfType,
  relsPartOf,
  resolveTarget,
  REL_TYPES,
  type XlsxPackage,
} from './package.ts';
import { readSheetXml } from './sheet-reader.ts';
import { readSharedStrings } from './text-runs.ts';
import { entryBytesLater, type ZipEntry } from './zip.ts';

export interface PackageRead {
  pkg: XlsxPackage;
  grid: WorkbookGrid;
  /** A state sheet, a result sheet, a `[KT]` value or one of our notes is in the file. */
  earlierResults: boolean;
  /** Number of shared strings, where new ones are appended. */
  sharedStringCount: number;
  /** Worksheet XML by part, kept so the patch writer does not inflate it again. */
  sheetXml: Map<string, string>;
  /** The same XML as UTF-8 bytes: the patch writer copies what it leaves untouched from them. */
  sheetBytes: Map<string, Buffer>;
  /** Per sheet name: cells that hold something the grid shows as blank (see SheetRead). */
  occupied: Map<string, Set<number>>;
  /** The first sheet with more rows than allowed, when there is one (nothing else is read). */
  overLimit?: string;
}

export async function readPackage(
  buf: Buffer,
  entries: ZipEntry[],
  name: string,
  maxRows: number,
): Promise<PackageRead> {
  const pkg = openPackage(buf, entries);
  // Every worksheet inflates on the thread pool while the shared strings, styles and the
  // sheets before it are read here: a province's member sheet is most of the file.
  const inflating = new Map<string, Promise<Buffer | Error>>();
  for (const s of pkg.sheets) {
    const e = s.part === undefined ? undefined : pkg.entries.get(s.part);
    if (e && !inflating.has(e.name)) inflating.set(e.name, entryBytesLater(buf, e));
  }
  const sst = readSharedStrings(pkg.sharedStringsPart ? partText(pkg, pkg.sharedStringsPart) : undefined);
  const formats = readStyleFormats(pkg.stylesPart ? partText(pkg, pkg.stylesPart) : undefined);
  const resultSheets = new Set<string>([RESULT_SHEETS.issues, RESULT_SHEETS.targets]);
  let earlierResults = false;
  const sheets: SheetGrid[] = [];
  const occupied = new Map<string, Set<number>>();
  const sheetXml = new Map<string, string>();
  const sheetBytes = new Map<string, Buffer>();
  const done = (overLimit?: string): PackageRead => ({
    pkg,
    grid: { name, sheets },
    earlierResults,
    sharedStringCount: sst.length,
    occupied,
    sheetXml,
    sheetBytes,
    ...(overLimit === undefined ? {} : { overLimit }),
  });
  for (const s of pkg.sheets) {
    if (s.name === STATE_SHEET || resultSheets.has(s.name)) {
      earlierResults = true;
      if (s.name === STATE_SHEET) continue;
    }
    const hidden = s.state !== 'visible';
    if (!s.part) {
      sheets.push({ name: s.name, rows: [], ...(hidden ? { hidden } : {}) });
      continue;
    }
    const rels = parseRels(partText(pkg, relsPartOf(s.part)));
    const commentsRel = relsOfType(rels, REL_TYPES.comments)[0];
    const notes = readComments(
      commentsRel ? partText(pkg, resolveTarget(s.part, commentsRel.target)) : undefined,
    );
    const bytes = await inflating.get(s.part);
    if (bytes === undefined) throw new Error(`no part ${s.part}`);
    if (bytes instanceof Error) throw bytes;
    const xml = bytes.toString('utf8');
    const read = readSheetXml(xml, {
      name: s.name,
      hidden,
      sharedStrings: sst,
      formats,
      date1904: pkg.date1904,
      notes,
      maxRows,
    });
    if (read.overLimit) return done(s.name);
    if (read.earlierResults) earlierResults = true;
    sheets.push(read.sheet);
    occupied.set(s.name, read.occupied);
    sheetXml.set(s.part, xml);
    sheetBytes.set(s.part, bytes);
  }
  return done();
}
