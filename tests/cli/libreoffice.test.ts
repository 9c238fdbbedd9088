/**
 * A real second client: LibreOffice opens what we write (CSV of every sheet, PDF of the
 * pages), and we read a workbook LibreOffice wrote. Conversions are few and batched: each
 * start of soffice costs seconds.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { RESULT_SHEETS, checkWorkbook, type CheckReport } from '@kiemtra/shared';
import { applyPlan } from '../../cli/src/xlsx/apply.ts';
import { loadWorkbook } from '../../cli/src/xlsx/load.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';
import { runCli, tempDir, toBuffer } from './helpers.ts';

const ALL_SHEETS_CSV = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

function soffice(dir: string, args: string[]): void {
  const profile = `file:///tmp/lo-${randomUUID()}`;
  execFileSync('soffice', [`-env:UserInstallation=${profile}`, '--headless', ...args, '--outdir', dir], {
    cwd: dir,
    stdio: 'pipe',
    timeout: 120_000,
  });
}

let dir: string;
let report: CheckReport;

beforeAll(async () => {
  dir = tempDir('kiemtra-lo-');
  const loaded = await loadWorkbook(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'));
  if (!loaded.ok) throw new Error(loaded.problem.en);
  report = checkWorkbook(loaded.loaded.grid);
  applyPlan(loaded.loaded.workbook, report.plan);
  writeFileSync(join(dir, 'ket-qua.xlsx'), await toBuffer(loaded.loaded.workbook));
  const agg = await runCli([
    'aggregate',
    join(SAMPLES_DIR, 'huyen-sop-cop'),
    '--out',
    join(dir, 'tong-hop.xlsx'),
  ]);
  expect(agg.stderr).toBe('');
  soffice(dir, ['--convert-to', ALL_SHEETS_CSV, 'ket-qua.xlsx', 'tong-hop.xlsx']);
  soffice(dir, ['--convert-to', 'pdf', 'ket-qua.xlsx', 'tong-hop.xlsx']);
}, 240_000);

function csv(name: string): string {
  return readFileSync(join(dir, name), 'utf8');
}

describe('LibreOffice opens our output', () => {
  it('keeps the original values and shows our result columns', () => {
    const cells = csv('ket-qua-Chi bộ.csv');
    const members = csv('ket-qua-Đảng viên.csv');
    for (const table of report.tables.filter((t) => t.sheet === 'Chi bộ')) {
      for (const col of table.columns.filter((c) => c.header)) {
        expect(cells).toContain(col.header.split(' / ').at(-1)!);
      }
    }
    const rows = report.rows.filter((r) => r.sheet === 'Chi bộ' && r.unitName);
    expect(rows.length).toBeGreaterThan(5);
    for (const r of rows) expect(cells).toContain(r.unitName!);
    expect(cells).toContain('[KT] Kết quả kiểm tra');
    expect(members.split('\n').length).toBeGreaterThan(100);
  });

  it('shows the issues sheet with every issue, and the targets sheet', () => {
    const issues = csv(`ket-qua-${RESULT_SHEETS.issues}.csv`);
    // CSV doubles the quotes inside a quoted field.
    for (const i of report.issues) expect(issues).toContain(i.message.vi.replace(/"/g, '""'));
    const targets = csv(`ket-qua-${RESULT_SHEETS.targets}.csv`);
    for (const t of report.targets) expect(targets).toContain(t.label.vi);
  });

  it('opens the roll-up workbook with its sheets', () => {
    const rollup = csv(`tong-hop-${RESULT_SHEETS.rollup}.csv`);
    expect(rollup).toContain('Cộng');
    expect(existsSync(join(dir, 'tong-hop-Kết quả chỉ tiêu theo cấp.csv'))).toBe(true);
    expect(existsSync(join(dir, 'tong-hop-Kết quả đơn vị yếu nhất.csv'))).toBe(true);
  });

  it('prints both workbooks to PDF pages', () => {
    for (const name of ['ket-qua', 'tong-hop']) {
      const pdf = join(dir, `${name}.pdf`);
      expect(statSync(pdf).size).toBeGreaterThan(10_000);
      execFileSync('pdftoppm', ['-r', '50', '-png', '-f', '1', '-l', '2', pdf, join(dir, name)]);
    }
    const pngs = readdirSync(dir).filter((f) => f.endsWith('.png'));
    expect(pngs.length).toBeGreaterThanOrEqual(3);
  });
});

describe('we read a workbook LibreOffice wrote', () => {
  it('recognizes a table converted from CSV by LibreOffice', async () => {
    const source = join(dir, 'chi-bo.csv');
    writeFileSync(
      source,
      [
        'BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2023,,,,',
        'STT,Tên chi bộ,Tổng số đảng viên,Đảng viên chính thức,Đảng viên dự bị,Số kỳ sinh hoạt thường kỳ',
        '1,Chi bộ bản Nà Mò,12,11,1,12',
        '2,Chi bộ bản Nặm Bao,7,6,1,6',
        '3,Chi bộ bản Pò Cại,10,9,2,12',
      ].join('\n'),
    );
    soffice(dir, ['--infilter=CSV:44,34,76,1', '--convert-to', 'xlsx', 'chi-bo.csv']);
    const written = join(dir, 'chi-bo-lo.xlsx');
    copyFileSync(join(dir, 'chi-bo.xlsx'), written);
    const loaded = await loadWorkbook(written);
    expect(loaded.ok).toBe(true);
    if (!loaded.ok) return;
    const sheet = loaded.loaded.grid.sheets[0]!;
    expect(sheet.rows[2]).toEqual([1, 'Chi bộ bản Nà Mò', 12, 11, 1, 12]);
    const r = checkWorkbook(loaded.loaded.grid);
    expect(r.tables).toHaveLength(1);
    expect(r.tables[0]!.kind).toBe('partyCells');
    expect(r.tables[0]!.dataRowCount).toBe(3);
    expect(r.tables[0]!.columns.map((c) => c.field)).toEqual([
      'order',
      'name',
      'membersTotal',
      'membersOfficial',
      'membersProbationary',
      'meetingsRegular',
    ]);
    // Pò Cại: 9 + 2 ≠ 10, at C5 as LibreOffice laid it out.
    expect(
      r.issues.some((i) => i.cell === 'C5' && i.message.vi.includes('9 chính thức + 2 dự bị = 11')),
    ).toBe(true);
    // And our own output of it opens again.
    const out = await runCli(['check', written, '--out', join(dir, 'lo-out')]);
    expect(out.code).toBe(1);
    expect(existsSync(join(dir, 'lo-out', 'chi-bo-lo.kiemtra.xlsx'))).toBe(true);
  });
});
