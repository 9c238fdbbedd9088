/**
 * `npm run bench:cli`: checks the province-sized workbook end to end with the real command
 * (read .xlsx → engine → write .xlsx) and, in the same run, times LibreOffice converting the
 * same file to CSV — the time a user waits just to open it. Both run BENCH_RUNS times (5) in
 * turns; prints the median seconds, the highest peak RSS and their ratio. Goals: ours no
 * slower than LibreOffice, peak RSS under 1 GB.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomUUID } from 'node:crypto';
import { provinceWorkbook } from '@kiemtra/shared/samples';
import { PROVINCE_SAMPLE, writeSample } from './make-xlsx-samples.ts';
import { buildCli } from '../cli/scripts/build.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);

interface Measure {
  seconds: number;
  peakRssMb: number;
  code: number;
}

/** Runs a command under /usr/bin/time -v: wall time measured here, peak RSS as the kernel saw it. */
function measure(cmd: string, args: string[]): Promise<Measure> {
  return new Promise((res, rej) => {
    const started = process.hrtime.bigint();
    const child = spawn('/usr/bin/time', ['-v', cmd, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', rej);
    child.on('close', (code) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      const kb = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(stderr)?.[1] ?? NaN);
      res({ seconds, peakRssMb: kb / 1024, code: code ?? -1 });
    });
  });
}

async function main(): Promise<void> {
  if (!existsSync(PROVINCE_SAMPLE)) {
    console.log(`Tạo / writing ${PROVINCE_SAMPLE} …`);
    await writeSample(PROVINCE_SAMPLE, provinceWorkbook());
  }
  const sizeMb = statSync(PROVINCE_SAMPLE).size / 1024 / 1024;
  const out = mkdtempSync(join(tmpdir(), 'kiemtra-bench-'));
  console.log(`${PROVINCE_SAMPLE} (${sizeMb.toFixed(1)} MB)`);

  // The bin as a user runs it (its first line sets Node's flags), built beforehand so that a
  // stale bundle's rebuild is not timed.
  await buildCli();
  const oursRuns: Measure[] = [];
  const loRuns: Measure[] = [];
  // Taken in turns, so that a slow patch of this shared machine falls on both.
  for (let i = 0; i < RUNS; i++) {
    oursRuns.push(await measure(join(ROOT, 'cli/bin/kiemtra.js'), ['check', PROVINCE_SAMPLE, '--out', out]));
    loRuns.push(
      await measure('soffice', [
        `-env:UserInstallation=file:///tmp/lo-${randomUUID()}`,
        '--headless',
        '--convert-to',
        'csv',
        '--outdir',
        out,
        PROVINCE_SAMPLE,
      ]),
    );
  }
  const ours = summary(oursRuns);
  const lo = summary(loRuns);

  const row = (label: string, m: Measure) =>
    `${label.padEnd(44)} ${m.seconds.toFixed(2).padStart(7)} s   ${m.peakRssMb.toFixed(0).padStart(6)} MB   exit ${m.code}`;
  console.log(`runs: ${RUNS} of each, in turns; median seconds, highest peak RSS`);
  console.log(row('kiemtra check (read → engine → write)', ours));
  console.log(row('soffice --convert-to csv (open only)', lo));
  console.log(`  kiemtra runs:     ${oursRuns.map((m) => m.seconds.toFixed(2)).join(' ')} s`);
  console.log(`  LibreOffice runs: ${loRuns.map((m) => m.seconds.toFixed(2)).join(' ')} s`);
  console.log(`ratio kiemtra / LibreOffice: ${(ours.seconds / lo.seconds).toFixed(2)}×`);
  console.log(
    `goals: no slower than LibreOffice ${ours.seconds <= lo.seconds ? 'met' : 'NOT met'}; ` +
      `peak RSS < 1 GB ${ours.peakRssMb < 1024 ? 'met' : 'NOT met'}`,
  );
  // Exit 1 from check means "errors found in the workbook"; anything above is a failure.
  if (oursRuns.some((m) => m.code > 1) || loRuns.some((m) => m.code !== 0)) process.exitCode = 1;
}

/** Median time, highest peak memory, worst exit code of repeated runs. */
function summary(runs: Measure[]): Measure {
  const times = runs.map((m) => m.seconds).sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  return {
    seconds: times.length % 2 ? times[mid]! : (times[mid - 1]! + times[mid]!) / 2,
    peakRssMb: Math.max(...runs.map((m) => m.peakRssMb)),
    code: Math.max(...runs.map((m) => m.code)),
  };
}

await main();
