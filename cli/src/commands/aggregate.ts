/**
 * `kiemtra aggregate <folder>… --out tong-hop.xlsx`: checks every workbook of the folders,
 * rolls their summaries up with the engine's aggregation and writes a roll-up workbook.
 */
import { mkdirSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import {
  DEFAULT_RULEBOOK,
  REPORT_SCHEMA_VERSION,
  UNKNOWN_PERIOD,
  aggregate,
  bi,
  checkWorkbook,
  expectedChildren,
  findUnit,
  readWorkbook,
  unitListIssues,
  unitsFromRecords,
  type Bilingual,
  type Issue,
  type Period,
  type Rollup,
  type UnitRef,
  type UnitSummary,
  type WorkbookGrid,
} from '@kiemtra/shared';
import { collectInputs } from '../files.ts';
import { loadPrevious } from '../previous.ts';
import { progress, type Ui } from '../ui.ts';
import { loadGrid } from '../xlsx/open.ts';
import { rollupWorkbook } from '../xlsx/rollup.ts';
import { writeWorkbook } from './check.ts';
import { EXIT, type CommonOptions } from './common.ts';

export interface AggregateOptions extends CommonOptions {
  out: string;
  units?: string;
  previous: string[];
  parent?: string;
  level?: string;
}

export async function runAggregate(ui: Ui, folders: string[], opts: AggregateOptions): Promise<number> {
  const skip = [opts.out, ...(opts.units ? [opts.units] : [])];
  const { files, missing } = collectInputs(folders, skip);
  const problems: { file: string; problem: Bilingual }[] = missing.map((file) => ({
    file,
    problem: bi('không tìm thấy tệp hoặc thư mục', 'file or folder not found'),
  }));
  const maxRows = opts.maxRows === undefined ? {} : { maxRows: opts.maxRows };

  let list: UnitList | undefined;
  if (opts.units) {
    const units = await loadGrid(opts.units, maxRows);
    if (!units.ok) problems.push({ file: opts.units, problem: units.problem });
    else list = unitList(units.grid, opts.parent);
  }
  const previous = opts.previous.length > 0 ? await loadPrevious(opts.previous, opts.maxRows) : undefined;
  for (const p of previous?.problems ?? []) problems.push(p);

  const children: UnitSummary[] = [];
  progress.start(files.length, !opts.json);
  for (const [i, file] of files.entries()) {
    progress.tick(i, basename(file));
    const loaded = await loadGrid(file, maxRows);
    if (!loaded.ok) {
      problems.push({ file, problem: loaded.problem });
      continue;
    }
    try {
      children.push(checkWorkbook(loaded.grid).summary);
    } catch (err) {
      problems.push({
        file,
        problem: bi(
          `lỗi nội bộ của chương trình, xin báo lại: ${(err as Error).message}`,
          `internal error, please report it: ${(err as Error).message}`,
        ),
      });
    }
  }
  progress.stop();
  if (!opts.json) {
    for (const p of problems) ui.err(`✗ ${p.file}: ${ui.t(p.problem)}`);
    for (const i of list?.issues ?? []) ui.err(`⚠ ${opts.units}: '${i.sheet}'!${i.cell} ${ui.t(i.message)}`);
  }
  if (children.length === 0) {
    ui.err(ui.t(bi('Không có sổ làm việc nào đọc được để tổng hợp.', 'No readable workbook to roll up.')));
    return EXIT.badInput;
  }

  // The parent as the unit list knows it (its code and level), under the name the user gave.
  const parent: UnitRef = {
    ...list?.parent,
    name: opts.parent ?? list?.parent?.name ?? basename(resolve(folders[0]!)),
    ...(opts.level ? { level: opts.level } : {}),
  };
  const rollup = aggregate(children, {
    parent,
    period: commonPeriod(children),
    rulebook: DEFAULT_RULEBOOK,
    ...(list ? { expected: list.expected } : {}),
    ...(previous ? { previous: previous.summaries } : {}),
  });
  mkdirSync(dirname(resolve(opts.out)), { recursive: true });
  await writeWorkbook(rollupWorkbook(rollup, DEFAULT_RULEBOOK), opts.out, false);

  if (opts.json) {
    const doc = {
      schemaVersion: REPORT_SCHEMA_VERSION,
      command: 'aggregate',
      output: opts.out,
      problems,
      unitListIssues: list?.issues ?? [],
      rollup,
    };
    process.stdout.write(JSON.stringify(doc, null, 2) + '\n');
  } else {
    for (const line of renderRollup(ui, rollup, opts.out)) ui.out(line);
  }
  if (problems.length > 0) return EXIT.badInput;
  return rollup.summary.openErrors > 0 ? EXIT.errorsFound : EXIT.ok;
}

/** The period most children report; the engine checks each against it. */
function commonPeriod(children: UnitSummary[]): Period {
  const byKey = new Map<string, { period: Period; n: number }>();
  for (const c of children) {
    const e = byKey.get(c.period.key);
    if (e) e.n++;
    else byKey.set(c.period.key, { period: c.period, n: 1 });
  }
  let best: { period: Period; n: number } | undefined;
  for (const e of byKey.values()) if (!best || e.n > best.n) best = e;
  return best?.period ?? UNKNOWN_PERIOD;
}

interface UnitList {
  /** The units expected to report. */
  expected: UnitRef[];
  /** The parent as the list names it, when the list holds it. */
  parent?: UnitRef;
  issues: Issue[];
}

/**
 * A unit-list workbook read by the engine: the children of the parent when the list names it
 * (under any of the ways its name is written), else the leaves of the list.
 */
export function unitList(grid: WorkbookGrid, parentName?: string): UnitList {
  const data = readWorkbook(grid);
  const units = unitsFromRecords(data);
  const parent = parentName ? findUnit(units, { name: parentName }) : undefined;
  return {
    expected: expectedChildren(units, parent),
    ...(parent ? { parent } : {}),
    issues: unitListIssues(data),
  };
}

function renderRollup(ui: Ui, rollup: Rollup, out: string): string[] {
  const { t, n } = ui;
  const s = rollup.summary;
  const L: string[] = [];
  L.push(`✔ ${s.unit.name} → ${out}`);
  const c = rollup.completeness;
  L.push(
    `  ${t(bi('Đơn vị đã tổng hợp', 'Units rolled up'))}: ${n(rollup.children.length)}` +
      (c.expected > 0
        ? ` / ${n(c.expected)} — ${t(bi('còn thiếu', 'missing'))} ${n(c.missing.length)}` +
          (c.missing.length > 0 ? `: ${c.missing.map((u) => u.name).join(', ')}` : '')
        : ''),
  );
  L.push(
    `  ${n(s.openErrors)} ${t(bi('lỗi', 'errors'))} · ${n(s.openWarnings)} ${t(bi('cảnh báo', 'warnings'))} ` +
      t(bi('chưa xử lý trong các đơn vị', 'open across the units')),
  );
  const notMet = rollup.targets.filter((x) => x.status === 'notMet');
  const met = rollup.targets.filter((x) => x.status === 'met');
  L.push(
    `  ${t(bi('Chỉ tiêu', 'Targets'))}: ${n(met.length)} ${t(bi('đạt', 'met'))} · ${n(notMet.length)} ${t(bi('chưa đạt', 'not met'))}`,
  );
  for (const x of notMet) {
    L.push(
      `    ✗ ${t(x.label)}: ${x.display.actual} / ${x.display.required}${x.gap ? ` — ${t(x.gap.text)}` : ''}`,
    );
  }
  if (rollup.weakest.length > 0) {
    L.push(`  ${t(bi('Đơn vị cần giúp đỡ trước', 'Units to help first'))}:`);
    for (const w of rollup.weakest.slice(0, 5)) L.push(`    • ${w.unit.name}: ${t(w.reason)}`);
  }
  return L;
}
