/**
 * The add-in on a province-sized workbook (~100,000 member rows) through the Excel test
 * double: how many context.sync() round trips, the largest request and response in bytes
 * (Excel on the web refuses more than 5 MB), and the total time against the engine alone in
 * the same process. `npm run bench:addin`. Goal: a few dozen syncs, every payload < 5 MB.
 */
import { checkWorkbook, type WorkbookGrid } from '@kiemtra/shared';
import { provinceWorkbook } from '@kiemtra/shared/samples';
import { detectCapabilities } from '../src/excel/capabilities.ts';
import { PAYLOAD_LIMIT_BYTES } from '../src/excel/limits.ts';
import { runCheck } from '../src/services/check.ts';
import { ExcelDouble } from '../src/testing/excel-double.ts';
import { WorkbookModel } from '../src/testing/workbook-model.ts';

const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const mb = (n: number) => `${(n / 1024 / 1024).toFixed(2)} MB`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

async function throughDouble(grid: WorkbookGrid) {
  const double = new ExcelDouble(WorkbookModel.fromGrid(grid));
  let readSyncs = 0;
  const t0 = performance.now();
  const run = await runCheck(
    {
      excelRun: double.run as unknown as typeof Excel.run,
      caps: detectCapabilities(() => true),
      online: () => false,
      workbookName: grid.name,
    },
    {
      onStage: (stage) => {
        if (stage === 'detecting') readSyncs = double.syncs.length;
      },
    },
  );
  const ms = performance.now() - t0;
  return { double, run, ms, readSyncs };
}

async function main(): Promise<void> {
  const grid = provinceWorkbook();
  const cells = grid.sheets.reduce((n, s) => n + s.rows.reduce((m, r) => m + r.length, 0), 0);
  console.log(
    `Province sample: ${grid.sheets.length} sheets, ${grid.sheets.map((s) => `${s.name} ${s.rows.length} rows`).join(', ')}; ${cells.toLocaleString('en')} cells`,
  );

  const engineMs: number[] = [];
  checkWorkbook(grid); // warm-up
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    checkWorkbook(grid);
    engineMs.push(performance.now() - t0);
  }

  const hostMs: number[] = [];
  let last: Awaited<ReturnType<typeof throughDouble>> | undefined;
  for (let i = 0; i < RUNS; i++) {
    last = await throughDouble(grid);
    hostMs.push(last.ms);
  }
  const { double, run, readSyncs } = last!;
  const syncs = double.syncs;
  const largestRequest = double.largestRequestBytes;
  const largestResponse = double.largestResponseBytes;
  const over = syncs.filter(
    (s) => s.requestBytes >= PAYLOAD_LIMIT_BYTES || s.responseBytes >= PAYLOAD_LIMIT_BYTES,
  ).length;
  const engine = median(engineMs);
  const total = median(hostMs);

  console.log('');
  console.log(
    `issues: ${run.report.issues.length}, highlights: ${run.report.plan.highlights.length}, result column blocks: ${run.report.plan.resultColumns.length}, result sheets: ${run.report.plan.sheets.length}`,
  );
  console.log(
    `context.sync() calls:      ${syncs.length} (reading ${readSyncs}, writing ${syncs.length - readSyncs})`,
  );
  console.log(
    `largest request payload:   ${largestRequest.toLocaleString('en')} bytes (${mb(largestRequest)})`,
  );
  console.log(
    `largest response payload:  ${largestResponse.toLocaleString('en')} bytes (${mb(largestResponse)})`,
  );
  console.log(`payloads at or over 5 MB:  ${over}`);
  console.log(
    `writes applied:            ${double.writes.length.toLocaleString('en')} operations, ${double.untracked} ranges untracked`,
  );
  console.log(`engine alone (median):     ${engine.toFixed(0)} ms`);
  console.log(
    `add-in via double (median): ${total.toFixed(0)} ms = ${(total / engine).toFixed(2)}× the engine alone`,
  );
  if (over > 0) process.exitCode = 1;
}

void main();
