/** Which files a command works on, and where their outputs go. */
import { readdirSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';

/** Extensions taken from a folder: .xlsx, plus the formats we explain how to convert. */
const FOLDER_EXTENSIONS = new Set(['.xlsx', '.xlsm', '.xls', '.ods']);
export const OUTPUT_SUFFIX = '.kiemtra.xlsx';

export interface Inputs {
  files: string[];
  /** Arguments that name nothing on disk. */
  missing: string[];
}

/**
 * Files named directly are taken whatever their extension (so a misnamed file gets a clear
 * message); folders are walked for workbooks, skipping our own outputs, Excel's lock files
 * (~$…), backups and hidden folders.
 */
export function collectInputs(args: string[], skip: string[] = []): Inputs {
  const files: string[] = [];
  const missing: string[] = [];
  const skipped = new Set(skip.map((s) => resolve(s)));
  for (const arg of args) {
    let isDir = false;
    try {
      isDir = statSync(arg).isDirectory();
    } catch {
      // A dangling link or a vanished file is still an input: reading it says what happened.
      if (!existsAsEntry(arg)) {
        missing.push(arg);
        continue;
      }
    }
    if (isDir) files.push(...walk(arg, skipped));
    else files.push(arg);
  }
  return { files, missing };
}

function existsAsEntry(path: string): boolean {
  try {
    return readdirSync(dirname(path)).includes(basename(path));
  } catch {
    return false;
  }
}

function walk(dir: string, skipped: Set<string>): string[] {
  const out: string[] = [];
  const entries = readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (skipped.has(resolve(path))) continue;
    if (e.name.startsWith('.')) continue;
    if (e.isDirectory()) {
      out.push(...walk(path, skipped));
      continue;
    }
    if (!isWorkbookName(e.name)) continue;
    out.push(path);
  }
  return out;
}

export function isWorkbookName(name: string): boolean {
  if (name.startsWith('~$')) return false;
  if (name.toLowerCase().endsWith(OUTPUT_SUFFIX)) return false;
  return FOLDER_EXTENSIONS.has(extname(name).toLowerCase());
}

/** `xa-a.xlsx` → `xa-a.kiemtra.xlsx`, beside the input or in `outDir`. */
export function outputPath(input: string, outDir?: string): string {
  const name = basename(input).replace(/\.(xlsx|xlsm)$/i, '') + OUTPUT_SUFFIX;
  return join(outDir ?? dirname(input), name);
}
