/** What the terminal says about one checked workbook, in the user's language. */
import {
  RATING_CODES,
  TABLE_KIND_LABELS,
  columnLetters,
  fieldDef,
  type CheckReport,
  type Issue,
  type RatingCode,
  type TableReport,
} from '@kiemtra/shared';
import type { Ui } from './ui.ts';

const ISSUES_SHOWN = 8;

export function renderReport(
  ui: Ui,
  report: CheckReport,
  opts: { verbose: boolean; output?: string },
): string[] {
  const { t, n } = ui;
  const L: string[] = [];
  const { error, warning, info, justified } = report.totals;
  const mark = error > 0 ? '✗' : warning > 0 ? '!' : '✔';
  L.push(`${mark} ${report.workbook}${opts.output ? ` → ${opts.output}` : ''}`);
  const periodKey = report.period && report.period.key !== 'unknown' ? report.period.key : undefined;
  L.push(
    `  ${report.unit.name}` +
      (periodKey ? ` · ${t({ vi: 'kỳ', en: 'period' })} ${periodKey}` : '') +
      ` · ${t({ vi: 'bộ quy tắc', en: 'rulebook' })} ${report.rulebook.id} ${report.rulebook.version}`,
  );
  L.push(
    `  ${n(error)} ${t({ vi: 'lỗi', en: 'errors' })} · ${n(warning)} ${t({ vi: 'cảnh báo', en: 'warnings' })} · ` +
      `${n(info)} ${t({ vi: 'thông tin', en: 'info' })}` +
      (justified > 0 ? ` · ${n(justified)} ${t({ vi: 'đã giải trình', en: 'justified' })}` : ''),
  );

  if (report.tables.length === 0) {
    L.push(`  ${t({ vi: 'Không nhận dạng được bảng nào.', en: 'No table recognized.' })}`);
  } else {
    L.push(`  ${t({ vi: 'Bảng nhận dạng được', en: 'Tables recognized' })} (${report.tables.length}):`);
    for (const table of report.tables) L.push(...renderTable(ui, table, opts.verbose));
  }

  const ratings = report.ratings.filter((r) => r.computed);
  if (ratings.length > 0) {
    const byCode = new Map<RatingCode, number>();
    for (const r of ratings) byCode.set(r.computed!, (byCode.get(r.computed!) ?? 0) + 1);
    const parts = RATING_CODES.filter((c) => byCode.has(c)).map((c) => `${c} ${n(byCode.get(c)!)}`);
    const differ = report.ratings.filter((r) => r.agrees === false).length;
    L.push(
      `  ${t({ vi: 'Xếp loại đã tính', en: 'Ratings computed' })}: ${n(ratings.length)} — ${parts.join(' · ')}` +
        (differ > 0
          ? ` · ${n(differ)} ${t({ vi: 'khác với tự xếp loại', en: 'differ from the proposed rating' })}`
          : ''),
    );
  }

  if (report.targets.length > 0) {
    const met = report.targets.filter((x) => x.status === 'met');
    const notMet = report.targets.filter((x) => x.status === 'notMet');
    const noData = report.targets.filter((x) => x.status === 'noData');
    L.push(
      `  ${t({ vi: 'Chỉ tiêu', en: 'Targets' })}: ${n(met.length)} ${t({ vi: 'đạt', en: 'met' })} · ` +
        `${n(notMet.length)} ${t({ vi: 'chưa đạt', en: 'not met' })}` +
        (noData.length > 0
          ? ` · ${n(noData.length)} ${t({ vi: 'chưa có số liệu', en: 'without data' })}`
          : ''),
    );
    for (const x of notMet) {
      L.push(
        `    ✗ ${t(x.label)}: ${x.display.actual} / ${x.display.required}` +
          (x.gap ? ` — ${t(x.gap.text)}` : ''),
      );
    }
    if (opts.verbose) {
      for (const x of met) L.push(`    ✔ ${t(x.label)}: ${x.display.actual} / ${x.display.required}`);
    }
  }

  const open = report.issues.filter((i) => !i.justified);
  const shown = opts.verbose ? open : open.filter((i) => i.severity === 'error').slice(0, ISSUES_SHOWN);
  if (shown.length > 0) {
    L.push(`  ${opts.verbose ? t({ vi: 'Vấn đề', en: 'Issues' }) : t({ vi: 'Lỗi', en: 'Errors' })}:`);
    for (const i of shown) L.push(`    ${renderIssue(ui, i)}`);
    const errors = open.filter((i) => i.severity === 'error').length;
    if (!opts.verbose && errors > shown.length) {
      L.push(
        `    … ${t({ vi: `và ${n(errors - shown.length)} lỗi khác`, en: `and ${n(errors - shown.length)} more errors` })}`,
      );
    }
  }
  return L;
}

function renderIssue(ui: Ui, i: Issue): string {
  const sev = ui.t(
    i.severity === 'error'
      ? { vi: 'lỗi', en: 'error' }
      : i.severity === 'warning'
        ? { vi: 'cảnh báo', en: 'warning' }
        : { vi: 'thông tin', en: 'info' },
  );
  return `'${i.sheet}'!${i.cell} [${sev}] ${ui.t(i.message)}`;
}

function renderTable(ui: Ui, table: TableReport, verbose: boolean): string[] {
  const { t, n } = ui;
  const L: string[] = [];
  L.push(
    `    • ${t(TABLE_KIND_LABELS[table.kind])}: '${table.sheet}'!${table.range}, ` +
      `${n(table.dataRowCount)} ${t({ vi: 'dòng', en: 'rows' })}` +
      (table.missingRequired.length > 0
        ? ` — ${t({ vi: 'thiếu cột bắt buộc', en: 'missing required columns' })}: ${table.missingRequired
            .map((f) => fieldLabel(ui, table, f))
            .join(', ')}`
        : ''),
  );
  if (verbose) {
    for (const c of table.columns) {
      const target = c.field
        ? `${fieldLabel(ui, table, c.field)} [${c.field}] (${n(c.confidence)})`
        : t({ vi: '(không nhận dạng)', en: '(not recognized)' });
      L.push(`        ${columnLetters(c.col)} "${c.header}" → ${target}`);
    }
  } else if (table.unrecognized.length > 0) {
    L.push(
      `      ${t({ vi: 'Cột không nhận dạng', en: 'Columns not recognized' })}: ${table.unrecognized
        .map((h) => `"${h}"`)
        .join(', ')}`,
    );
  }
  return L;
}

function fieldLabel(ui: Ui, table: TableReport, field: string): string {
  const def = fieldDef(table.kind, field);
  return def ? ui.t(def.label) : field;
}
