/**
 * `kiemtra check <file.xlsx | folder>…`: read each workbook, run the engine, write the
 * results into a copy (`<name>.kiemtra.xlsx`) or, with --in-place, into the file itself.
 */
import { mkdirSync } from 'node:fs';
import { rename, writeFile, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type ExcelJS from 'exceljs';
import { REPORT_SCHEMA_VERSION, bi, checkWorkbook, type Bilingual, type CheckReport } from '@kiemtra/shared';
import { collectInputs, outputPath } from '../files.ts';
import { loadPrevious, matchPrevious } from '../previous.ts';
import { renderReport } from '../render.ts';
import { progress, type Ui } from '../ui.ts';
import { internalLinksOnly } from '../ooxml/internal-links.ts';
import { writePatched } from '../ooxml/write.ts';
import type { LoadedWorkbook } from '../xlsx/load.ts';
import { readWorkbookFast, type FastRead } from '../xlsx/open.ts';
import { EXIT, type CommonOptions } from './common.ts';

export interface CheckOptions extends CommonOptions {
  out?: string;
  inPlace: boolean;
  previous: string[];
}

/** One line of `--json` output per input file. */
export interface CheckFileResult {
  file: string;
  status: 'checked' | 'failed';
  output?: string;
  problem?: Bilingual;
  /** Parts of the workbook the copy could not keep (charts, pivot tables…). */
  notKept?: Bilingual[];
  report?: CheckReport;
}

export async function runCheck(ui: Ui, inputs: string[], opts: CheckOptions): Promise<number> {
  const { files, missing } = collectInputs(inputs, opts.out ? [opts.out] : []);
  const results: CheckFileResult[] = [];
  for (const file of missing) {
    results.push({
      file,
      status: 'failed',
      problem: bi('không tìm thấy tệp hoặc thư mục', 'file or folder not found'),
    });
    if (!opts.json) ui.err(`✗ ${file}: ${ui.t(results.at(-1)!.problem!)}`);
  }
  if (files.length === 0 && missing.length === 0) {
    ui.err(ui.t(bi('Không có tệp .xlsx nào để kiểm tra.', 'No .xlsx file to check.')));
    return EXIT.badInput;
  }
  if (opts.out) mkdirSync(opts.out, { recursive: true });

  const previous = opts.previous.length > 0 ? await loadPrevious(opts.previous, opts.maxRows) : undefined;
  let previousFailed = false;
  for (const p of previous?.problems ?? []) {
    previousFailed = true;
    if (!opts.json) ui.err(`✗ ${p.file} (--previous): ${ui.t(p.problem)}`);
  }

  progress.start(files.length, !opts.json);
  for (const [index, file] of files.entries()) {
    progress.tick(index, basename(file));
    const result = await checkOne(file, opts, previous?.summaries ?? []);
    results.push(result);
    if (opts.json) continue;
    if (result.status === 'failed') {
      ui.err(`✗ ${file}: ${ui.t(result.problem!)}`);
      continue;
    }
    for (const line of renderReport(ui, result.report!, { verbose: opts.verbose, output: result.output! }))
      ui.out(line);
    if (result.notKept && result.notKept.length > 0) {
      ui.out(
        `  ${ui.t(bi('Bản sao không giữ được', 'The copy could not keep'))}: ${result.notKept.map((p) => ui.t(p)).join(', ')} ` +
          ui.t(bi('(tệp gốc không bị thay đổi)', '(the original file is unchanged)')),
      );
    }
  }
  progress.stop();

  const failed = results.filter((r) => r.status === 'failed').length;
  const withErrors = results.filter((r) => (r.report?.totals.error ?? 0) > 0).length;
  if (opts.json) {
    const doc = { schemaVersion: REPORT_SCHEMA_VERSION, command: 'check', files: results };
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else if (results.length > 1) {
    const checked = results.length - failed;
    ui.out(
      ui.t(
        bi(
          `Đã kiểm tra ${ui.n(checked)} tệp: ${ui.n(withErrors)} tệp có lỗi, ${ui.n(failed)} tệp không đọc được.`,
          `Checked ${ui.n(checked)} files: ${ui.n(withErrors)} with errors, ${ui.n(failed)} unreadable.`,
        ),
      ),
    );
  }
  if (failed > 0 || previousFailed) return EXIT.badInput;
  return withErrors > 0 ? EXIT.errorsFound : EXIT.ok;
}

/**
 * One file. A workbook without earlier results is read by the direct OOXML reader and
 * written by the patch writer (cli/src/ooxml): untouched parts are copied byte for byte. A
 * re-check (the file holds our earlier results) goes through ExcelJS, which removes them
 * first; so does a file whose layout the patch writer does not handle.
 */
async function checkOne(
  file: string,
  opts: CheckOptions,
  previous: CheckReport['summary'][],
): Promise<CheckFileResult> {
  const limit = opts.maxRows === undefined ? {} : { maxRows: opts.maxRows };
  const read = await readWorkbookFast(file, limit);
  if (!read.ok) return { file, status: 'failed', problem: read.problem };
  let fast: FastRead | undefined = read.fast;
  let slow: LoadedWorkbook | undefined;
  if (!fast) {
    const loaded = await loadExcelJs(file, limit);
    if (!loaded.ok) return { file, status: 'failed', problem: loaded.problem };
    slow = loaded.loaded;
  }
  const { grid, unkept } = fast ?? slow!;
  if (opts.inPlace && unkept.length > 0) {
    return {
      file,
      status: 'failed',
      problem: bi(
        `không ghi đè (--in-place) vì tệp có ${unkept.map((u) => u.vi).join(', ')} mà thư viện .xlsx không giữ được; hãy chạy không có --in-place để ghi ra bản sao`,
        `not overwritten (--in-place) because the file holds ${unkept.map((u) => u.en).join(', ')} that the .xlsx library cannot keep; run without --in-place to write a copy`,
      ),
    };
  }
  let report: CheckReport;
  try {
    const prev = matchPrevious(previous, grid);
    report = checkWorkbook(grid, prev ? { previous: prev } : {});
  } catch (err) {
    return {
      file,
      status: 'failed',
      problem: bi(
        `lỗi nội bộ của chương trình, xin báo lại: ${(err as Error).message}`,
        `internal error, please report it: ${(err as Error).message}`,
      ),
    };
  }
  let data: Buffer | undefined;
  if (fast) {
    try {
      data = (await writePatched(fast.read, report.plan)).data;
    } catch {
      // A layout the patch writer does not handle: the ExcelJS writer takes over.
      fast = undefined;
    }
  }
  if (!data && !slow) {
    const loaded = await loadExcelJs(file, limit);
    if (!loaded.ok) return { file, status: 'failed', problem: loaded.problem };
    slow = loaded.loaded;
  }
  const target = opts.inPlace ? file : outputPath(file, opts.out);
  try {
    if (data) await writeBytes(data, target, opts.inPlace);
    else {
      const { applyPlan } = await import('../xlsx/apply.ts');
      applyPlan(slow!.workbook, report.plan, { cleaned: true });
      await writeWorkbook(slow!.workbook, target, opts.inPlace);
    }
  } catch (err) {
    return {
      file,
      status: 'failed',
      problem: bi(
        `không ghi được ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
        `cannot write ${target}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      ),
    };
  }
  // Parts the copy could not keep: only the ExcelJS writer loses any.
  const lost = data ? [] : unkept;
  return {
    file,
    status: 'checked',
    output: target,
    ...(lost.length > 0 && !opts.inPlace ? { notKept: lost } : {}),
    report,
  };
}

/** The ExcelJS route, loaded only when a file needs it (a re-check). */
async function loadExcelJs(file: string, limit: { maxRows?: number }) {
  const { loadWorkbook } = await import('../xlsx/load.ts');
  return loadWorkbook(file, limit);
}

/**
 * Writes through a temporary file in the same folder, so a crash never leaves half a
 * workbook; in place, the original is kept as `<file>.bak` before the new one takes its name.
 */
export async function writeWorkbook(wb: ExcelJS.Workbook, target: string, inPlace: boolean): Promise<void> {
  // Fast deflate: the XML is large and repetitive, level 1 costs little size and much less time.
  const data = await wb.xlsx.writeBuffer({
    zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } },
  } as ExcelJS.XlsxWriteOptions);
  await writeBytes(await internalLinksOnly(Buffer.from(data as ArrayBuffer)), target, inPlace);
}

export async function writeBytes(data: Buffer, target: string, inPlace: boolean): Promise<void> {
  const tmp = join(dirname(target), `.${basename(target)}.${process.pid}.tmp`);
  try {
    await writeFile(tmp, data);
    if (inPlace) await rename(target, `${target}.bak`);
    await rename(tmp, target);
  } catch (err) {
    await unlink(tmp).catch(() => undefined);
    throw err;
  }
}
