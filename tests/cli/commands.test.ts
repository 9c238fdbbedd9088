/** The real bin, spawned with node: every command, option and error path, with exit codes. */
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  REPORT_SCHEMA_VERSION,
  RESULT_SHEETS,
  STATE_SHEET,
  type CheckReport,
  type Rollup,
} from '@kiemtra/shared';
import { hugeWorkbook, smallCommuneGrid, writeBadFiles, writeGrid, type BadFiles } from './fixtures.ts';
import { loadFile, runCli, tempDir, toBuffer, unzip, zip } from './helpers.ts';
import { gridToWorkbook } from '../../cli/src/xlsx/grid-workbook.ts';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

let dir: string;
let commune: string;
let bad: BadFiles;

beforeAll(async () => {
  dir = tempDir();
  commune = join(dir, 'xa-nam-lanh.xlsx');
  await writeGrid(commune, smallCommuneGrid());
  mkdirSync(join(dir, 'bad'));
  bad = await writeBadFiles(join(dir, 'bad'));
});

describe('help and usage', () => {
  it('prints help for every command, in Vietnamese by default and in English on request', async () => {
    const main = await runCli(['--help']);
    expect(main.code).toBe(0);
    expect(main.stdout).toContain('kiemtra check <tệp.xlsx | thư mục>');
    const check = await runCli(['check', '--help']);
    expect(check.code).toBe(0);
    expect(check.stdout).toContain('--in-place');
    expect(check.stdout).toContain('Mã thoát');
    const aggregateEn = await runCli(['aggregate', '--help', '--lang', 'en']);
    expect(aggregateEn.code).toBe(0);
    expect(aggregateEn.stdout).toContain('--units FILE');
    expect(aggregateEn.stdout).toContain('Exit codes');
  });

  it('exits 2 on bad usage, with a one-line reason', async () => {
    const none = await runCli([]);
    expect(none.code).toBe(2);
    const unknown = await runCli(['kiemtra-nothing']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('lệnh không có: kiemtra-nothing');
    const noFile = await runCli(['check']);
    expect(noFile.code).toBe(2);
    expect(noFile.stderr).toContain('thiếu tệp hoặc thư mục');
    const badOption = await runCli(['check', commune, '--colour']);
    expect(badOption.code).toBe(2);
    expect(badOption.stderr).toContain('--colour');
    const both = await runCli(['check', commune, '--in-place', '--out', dir, '--lang', 'en']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain('--in-place cannot be used with --out');
    const missing = await runCli(['check', join(dir, 'khong-co.xlsx')]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('khong-co.xlsx: không tìm thấy tệp hoặc thư mục');
  });
});

describe('bad input', () => {
  it('names each bad file on one line and exits 2', async () => {
    const cases: [keyof BadFiles['files'], RegExp][] = [
      ['text', /not an Excel \.xlsx file/],
      ['xls', /old Excel format \(\.xls\)/],
      ['encrypted', /password-protected/],
      ['ods', /OpenDocument file \(\.ods\)/],
      ['damaged', /damaged/],
      ['garbled', /damaged/],
      ['empty', /empty workbook/],
      ['gone', /no longer exists/],
    ];
    for (const [kind, message] of cases) {
      const file = bad.files[kind]!;
      const r = await runCli(['check', file, '--lang', 'en', '--out', join(dir, 'out-bad')]);
      expect(r.code, kind).toBe(2);
      const lines = r.stderr.trim().split('\n');
      expect(lines, kind).toHaveLength(1);
      expect(lines[0], kind).toContain(file);
      expect(lines[0], kind).toMatch(message);
    }
  });

  it('refuses a million-row sheet, naming the sheet', async () => {
    const huge = join(dir, 'trieu-dong.xlsx');
    writeFileSync(huge, await hugeWorkbook(1_000_001));
    const r = await runCli(['check', huge]);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain('trieu-dong.xlsx: trang "Đảng viên" có hơn 300.000 dòng');
    const limited = await runCli([
      'check',
      commune,
      '--max-rows',
      '5',
      '--lang',
      'en',
      '--out',
      join(dir, 'o'),
    ]);
    expect(limited.code).toBe(2);
    expect(limited.stderr).toContain('sheet "Chi bộ" has more than 5 rows');
  });

  it('keeps going through a folder: bad files reported, good ones checked', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(folder);
    for (const f of Object.values(bad.files)) {
      if (basename(f) !== 'da-xoa.xlsx') copyFileSync(f, join(folder, basename(f)));
    }
    copyFileSync(commune, join(folder, 'xa-nam-lanh.xlsx'));
    writeFileSync(join(folder, '~$xa-nam-lanh.xlsx'), 'lock');
    const out = join(dir, 'out-mixed');
    const r = await runCli(['check', folder, '--out', out]);
    expect(r.code).toBe(2);
    const problems = r.stderr.trim().split('\n');
    expect(problems).toHaveLength(7);
    for (const name of [
      'danh-sach.xlsx',
      'bieu-cu.xls',
      'co-mat-khau.xlsx',
      'bang-tinh.ods',
      'hong.xlsx',
      'hong-trang-tinh.xlsx',
      'trong.xlsx',
    ]) {
      expect(problems.filter((l) => l.includes(name))).toHaveLength(1);
    }
    expect(r.stdout).toContain('xa-nam-lanh.xlsx →');
    expect(existsSync(join(out, 'xa-nam-lanh.kiemtra.xlsx'))).toBe(true);
    expect(r.stdout).toMatch(/Đã kiểm tra 1 tệp: \d+ tệp có lỗi, 7 tệp không đọc được\./);
  });
});

describe('kiemtra check', () => {
  it('writes a copy with the results, leaves the input untouched, and says what it found', async () => {
    const before = sha(commune);
    const out = join(dir, 'out-check');
    const r = await runCli(['check', commune, '--out', out]);
    expect(sha(commune)).toBe(before);
    const output = join(out, 'xa-nam-lanh.kiemtra.xlsx');
    expect(r.stdout).toContain(`xa-nam-lanh.xlsx → ${output}`);
    expect(r.stdout).toMatch(/\d+ lỗi · \d+ cảnh báo · \d+ thông tin/);
    expect(r.stdout).toContain('Bảng nhận dạng được');
    expect(r.stdout).toContain("Chi bộ trực thuộc: 'Chi bộ'!");
    const wb = await loadFile(output);
    expect(wb.getWorksheet(RESULT_SHEETS.issues)).toBeDefined();
    expect(wb.getWorksheet(STATE_SHEET)?.state).toBe('veryHidden');

    const json = await runCli(['check', commune, '--out', out, '--json']);
    const doc = JSON.parse(json.stdout) as {
      schemaVersion: number;
      command: string;
      files: { report: CheckReport }[];
    };
    expect(doc.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(doc.command).toBe('check');
    const report = doc.files[0]!.report;
    const errors = report.issues.filter((i) => i.severity === 'error' && !i.justified).length;
    // Exit code 1 exactly when the report has open errors.
    expect(json.code).toBe(errors > 0 ? 1 : 0);
    expect(r.code).toBe(json.code);
    expect(r.stdout).toContain(`${errors} lỗi`);
    // Nặm Bao held 6 of 12 regular meetings: flagged at its cell, F9.
    expect(report.issues.some((i) => i.sheet === 'Chi bộ' && i.cell === 'F9')).toBe(true);
  });

  it('reports formula errors (#REF!, #VALUE!) at their cells, and still checks and writes the rest', async () => {
    const grid = smallCommuneGrid();
    const rows = grid.sheets[0]!.rows;
    rows[8]![2] = { error: '#REF!' }; // Nặm Bao's members, C9
    rows[9]![5] = { error: '#VALUE!' }; // Pò Cại's meetings, F10
    const file = join(dir, 'loi-cong-thuc.xlsx');
    await writeGrid(file, grid);
    const out = join(dir, 'out-errors');
    const r = await runCli(['check', file, '--json', '--out', out]);
    expect(r.code).toBe(1);
    const report = (JSON.parse(r.stdout) as { files: { report: CheckReport }[] }).files[0]!.report;
    const at = (cell: string) => report.issues.find((i) => i.ruleId === 'value.invalid' && i.cell === cell);
    expect(at('C9')?.message.vi).toContain('lỗi công thức #REF!');
    expect(at('F10')?.message.en).toContain('formula error #VALUE!');
    expect(report.tables[0]?.dataRowCount).toBe(4);
    expect(existsSync(join(out, 'loi-cong-thuc.kiemtra.xlsx'))).toBe(true);
    const text = await runCli(['check', file, '--out', out]);
    expect(text.stdout).toContain("'Chi bộ'!C9");
  });

  it('--verbose shows which header became which field; --lang en speaks English', async () => {
    const r = await runCli(['check', commune, '--out', join(dir, 'out-v'), '--verbose', '--lang', 'en']);
    expect(r.stdout).toContain('Tables recognized');
    expect(r.stdout).toMatch(/B "Tên chi bộ" → .+ \[name\]/);
    expect(r.stdout).toMatch(/D "Số đảng viên \/ Chính thức" → .+ \[membersOfficial\]/);
    expect(r.stdout).not.toContain('Bảng nhận dạng được');
  });

  it('--in-place keeps a .bak and replaces the file; refused when the file holds a chart', async () => {
    const file = join(dir, 'in-place.xlsx');
    copyFileSync(commune, file);
    const before = sha(file);
    const r = await runCli(['check', file, '--in-place']);
    expect([0, 1]).toContain(r.code);
    expect(sha(`${file}.bak`)).toBe(before);
    expect(sha(file)).not.toBe(before);
    expect((await loadFile(file)).getWorksheet(RESULT_SHEETS.issues)).toBeDefined();

    const charted = join(dir, 'bieu-do.xlsx');
    const parts = unzip(await toBuffer(gridToWorkbook(smallCommuneGrid())));
    parts.set('xl/charts/chart1.xml', Buffer.from('<c:chartSpace/>'));
    writeFileSync(charted, zip(parts));
    const chartSha = sha(charted);
    const refused = await runCli(['check', charted, '--in-place', '--lang', 'en']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain(
      `${charted}: not overwritten (--in-place) because the file holds charts`,
    );
    expect(sha(charted)).toBe(chartSha);
    expect(existsSync(`${charted}.bak`)).toBe(false);
    // Without --in-place the copy is written by the patch writer, which keeps the chart as it was.
    const copy = await runCli(['check', charted, '--out', join(dir, 'out-chart'), '--lang', 'en']);
    expect(copy.stdout).not.toContain('The copy could not keep');
    const written = unzip(readFileSync(join(dir, 'out-chart', 'bieu-do.kiemtra.xlsx')));
    expect(written.get('xl/charts/chart1.xml')?.toString()).toBe('<c:chartSpace/>');
    // A re-check goes through ExcelJS, which says what it could not keep.
    const again = await runCli([
      'check',
      join(dir, 'out-chart', 'bieu-do.kiemtra.xlsx'),
      '--out',
      join(dir, 'out-chart-2'),
      '--lang',
      'en',
    ]);
    expect(again.stdout).toContain('The copy could not keep: charts (the original file is unchanged)');
  });

  it('--previous feeds last period into the check', async () => {
    const previousGrid = smallCommuneGrid();
    const sheet = previousGrid.sheets[0]!;
    sheet.rows[3] = ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2022'];
    // A year ago Nà Mò had 30 members: the drop to 12 is a jump to explain.
    sheet.rows[7] = [1, 'Chi bộ bản Nà Mò', 30, 29, 1, 12, 'x'];
    const previous = join(dir, 'nam-truoc.xlsx');
    await writeGrid(previous, previousGrid);
    const withPrev = await runCli([
      'check',
      commune,
      '--previous',
      previous,
      '--json',
      '--out',
      join(dir, 'o-p'),
    ]);
    const without = await runCli(['check', commune, '--json', '--out', join(dir, 'o-p')]);
    const a = (JSON.parse(withPrev.stdout) as { files: { report: CheckReport }[] }).files[0]!.report;
    const b = (JSON.parse(without.stdout) as { files: { report: CheckReport }[] }).files[0]!.report;
    const trend = a.targets.filter((t) => t.trend && t.trend.length > 0);
    const extra = a.issues.length - b.issues.length;
    expect(trend.length + extra).toBeGreaterThan(0);

    // A folder of last year's workbooks: the one whose header block names the same commune
    // ("Đảng bộ xã Nậm Lạnh" there, "ĐẢNG ỦY XÃ NẬM LẠNH" here) is used, the others not.
    const folder = join(dir, 'nam-truoc');
    mkdirSync(folder);
    previousGrid.sheets[0]!.rows[1] = ['Đảng bộ xã Nậm Lạnh'];
    await writeGrid(join(folder, 'a.xlsx'), previousGrid);
    const other = smallCommuneGrid();
    other.sheets[0]!.rows[1] = ['ĐẢNG ỦY XÃ MƯỜNG LÈO'];
    other.sheets[0]!.rows[3] = ['BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM 2022'];
    other.sheets[0]!.rows[7] = [1, 'Chi bộ bản Nà Mò', 60, 59, 1, 12, 'x'];
    await writeGrid(join(folder, 'b.xlsx'), other);
    const fromFolder = await runCli([
      'check',
      commune,
      '--previous',
      folder,
      '--json',
      '--out',
      join(dir, 'o-p'),
    ]);
    const c = (JSON.parse(fromFolder.stdout) as { files: { report: CheckReport }[] }).files[0]!.report;
    expect(c.issues.map((i) => [i.ruleId, i.cell])).toEqual(a.issues.map((i) => [i.ruleId, i.cell]));
    // The members' jump compares with Nậm Lạnh's last total, not Mường Lèo's.
    const total = (g: typeof previousGrid) =>
      g.sheets[0]!.rows.slice(7, 11).reduce((n, r) => n + Number(r[2]), 0);
    expect(c.issues.find((i) => i.message.vi.includes('→'))?.message.vi).toContain(
      `${total(previousGrid)} → ${total(smallCommuneGrid())}`,
    );
    // With only other communes' workbooks, nothing is compared.
    const onlyOther = join(dir, 'xa-khac');
    mkdirSync(onlyOther);
    await writeGrid(join(onlyOther, 'b.xlsx'), other);
    const ml = structuredClone(other);
    ml.sheets[0]!.rows[1] = ['ĐẢNG ỦY XÃ SỐP CỘP'];
    await writeGrid(join(onlyOther, 'c.xlsx'), ml);
    const none = await runCli([
      'check',
      commune,
      '--previous',
      onlyOther,
      '--json',
      '--out',
      join(dir, 'o-p'),
    ]);
    const d = (JSON.parse(none.stdout) as { files: { report: CheckReport }[] }).files[0]!.report;
    expect(d.issues.map((i) => [i.ruleId, i.cell])).toEqual(b.issues.map((i) => [i.ruleId, i.cell]));

    const badPrev = await runCli(['check', commune, '--previous', bad.files.xls!, '--out', join(dir, 'o-p')]);
    expect(badPrev.code).toBe(2);
    expect(badPrev.stderr).toContain('bieu-cu.xls (--previous): định dạng Excel cũ (.xls)');
  });
});

describe('kiemtra aggregate', () => {
  it('rolls a folder up into a workbook with per-unit rows, targets, and conditional formatting', async () => {
    const folder = join(dir, 'huyen');
    mkdirSync(folder);
    const names = ['Nậm Lạnh', 'Mường Lạn', 'Sốp Cộp'];
    for (const [i, name] of names.entries()) {
      const grid = smallCommuneGrid();
      grid.sheets[0]!.rows[1] = [`ĐẢNG ỦY XÃ ${name.toUpperCase()}`];
      grid.sheets[0]!.rows[7] = [1, 'Chi bộ bản Nà Mò', 12 + i, 11 + i, 1, 12, 'x'];
      await writeGrid(join(folder, `xa-${i + 1}.xlsx`), grid);
    }
    const units = join(dir, 'don-vi.xlsx');
    await writeGrid(units, {
      name: 'don-vi.xlsx',
      sheets: [
        {
          name: 'Đơn vị',
          // Names as a district's list has them ("Đảng bộ xã …"), while the workbooks' header
          // blocks say "ĐẢNG ỦY XÃ …". The last row's parent code is in no row of the list.
          rows: [
            ['Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Cấp'],
            ['SC', 'Đảng bộ huyện Sốp Cộp', 'SL', 'Huyện'],
            ['SC01', 'Đảng bộ xã Nậm Lạnh', 'SC', 'Xã'],
            ['SC02', 'Đảng bộ xã Mường Lạn', 'SC', 'Xã'],
            ['SC03', 'Đảng bộ xã Sốp Cộp', 'SC', 'Xã'],
            ['SC04', 'Đảng bộ xã Mường Lèo', 'SC', 'Xã'],
            ['MC01', 'Đảng bộ xã Chiềng Sơn', 'MC', 'Xã'],
          ],
        },
      ],
    });
    const out = join(dir, 'tong-hop.xlsx');
    const r = await runCli([
      'aggregate',
      folder,
      '--out',
      out,
      '--units',
      units,
      '--parent',
      'Huyện ủy Sốp Cộp',
    ]);
    expect([0, 1]).toContain(r.code);
    expect(r.stdout).toContain(`Huyện ủy Sốp Cộp → ${out}`);
    // The unit list's own problem, at its cell; the roll-up is still written.
    expect(r.stderr).toContain(
      `⚠ ${units}: 'Đơn vị'!C7 "Đảng bộ xã Chiềng Sơn": mã đơn vị cấp trên MC không có trong danh sách`,
    );
    expect(r.stdout).toContain('Đơn vị đã tổng hợp: 3 / 4 — còn thiếu 1: Đảng bộ xã Mường Lèo');
    const wb = await loadFile(out);
    const rollup = wb.getWorksheet(RESULT_SHEETS.rollup)!;
    expect(rollup).toBeDefined();
    expect(String(rollup.getCell('A1').value)).toBe('TỔNG HỢP — Huyện ủy Sốp Cộp — năm 2023 (đã nộp 3/4)');
    // Title, headers, three units and the total row, which carries the list's code for the parent.
    expect(rollup.getCell('A6').value).toBe('Cộng');
    expect(rollup.getCell('C6').value).toBe('SC');
    const members = ['J3', 'J4', 'J5'].map((a) => Number(rollup.getCell(a).value));
    expect(members.sort()).toEqual([33, 34, 35]);
    expect(rollup.getCell('J6').value).toBe(102);
    expect(rollup.getCell('J6').font?.bold).toBe(true);
    // Every percent column of the plan is formatted as a percentage.
    const percentHeaders: string[] = [];
    rollup.getRow(2).eachCell((cell) => {
      if (rollup.getCell(3, Number(cell.col)).numFmt === '0.00%') percentHeaders.push(String(cell.value));
    });
    expect(percentHeaders.some((h) => h.startsWith('100% chi bộ sinh hoạt đủ 12 kỳ/năm'))).toBe(true);
    expect(wb.getWorksheet(RESULT_SHEETS.rollupTargets)).toBeDefined();
    expect(wb.getWorksheet(RESULT_SHEETS.rollupWeakest)).toBeDefined();
    const progress = wb.getWorksheet(RESULT_SHEETS.rollupCompleteness)!;
    expect(progress.getCell('A3').value).toBe('Chưa nộp');
    expect(progress.getCell('B3').value).toBe('SC04');
    expect(progress.getCell('C3').value).toBe('Đảng bộ xã Mường Lèo');
    const statuses = [4, 5, 6, 7].map((row) => progress.getCell(`A${row}`).value);
    expect(statuses).toEqual(['Đã nộp', 'Đã nộp', 'Đã nộp', null]);
    const xml = unzip(readFileSync(out));
    const sheetXml = [...xml.entries()]
      .filter(([k]) => k.startsWith('xl/worksheets/sheet'))
      .map(([, v]) => v.toString());
    expect(sheetXml.some((s) => s.includes('<dataBar') || s.includes('<iconSet'))).toBe(true);

    const json = await runCli(['aggregate', folder, '--out', out, '--json', '--units', units]);
    const doc = JSON.parse(json.stdout) as {
      schemaVersion: number;
      command: string;
      unitListIssues: unknown[];
      rollup: Rollup;
    };
    expect(doc.command).toBe('aggregate');
    expect(doc.rollup.children).toHaveLength(3);
    expect(doc.unitListIssues).toHaveLength(1);
    // Without --parent the list's leaves are expected: the communes of both districts.
    expect(doc.rollup.completeness.expected).toBe(5);
    expect(doc.rollup.completeness.missing.map((u) => u.code)).toEqual(['SC04', 'MC01']);
    expect(doc.rollup.completeness.unexpected).toEqual([]);
  });

  it('exits 2 when there is nothing readable to roll up', async () => {
    const empty = join(dir, 'rong');
    mkdirSync(empty);
    const r = await runCli(['aggregate', empty, '--out', join(dir, 'x.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Không có sổ làm việc nào đọc được để tổng hợp.');
  });
});
