/**
 * Justifications (giải trình): the official's reason for a flag. A "Giải trình" column on a
 * row justifies the warnings and infos of that row, whatever rule raised them; errors need a
 * line of their own in a justification table (rule id + cell or row), because a blanket note
 * on a row should not silence figures that contradict each other. A justified error stays an
 * error: it is shown as justified, not hidden. The text is the official's, kept as typed.
 */
import { tableValues } from '../detect/records.ts';
import { parseA1 } from '../grid.ts';
import type { Issue } from '../issue.ts';
import { foldText } from '../text.ts';
import { recordsByKind, type WorkbookData } from '../workbook-data.ts';
import { fieldValue } from '../table.ts';

interface Entry {
  /** Lower-case rule id, or a prefix when the id ends with "*" ("period.jump.*"). */
  ruleId: string;
  prefix: boolean;
  sheet?: string;
  /** Either an A1 address (upper case, no $) or a 1-based row number. */
  cell?: string;
  row?: number;
  text: string;
}

const posKey = (sheet: string, row: number) => `${sheet}\u0000${row}`;

function asText(v: unknown): string | undefined {
  if (typeof v === 'number') return String(v);
  return typeof v === 'string' && v.trim() !== '' ? v : undefined;
}

function readEntries(data: WorkbookData): Entry[] {
  const out: Entry[] = [];
  for (const rec of recordsByKind(data.records).get('justifications') ?? []) {
    const rule = asText(fieldValue(rec, 'ruleId'));
    const where = asText(fieldValue(rec, 'cell'));
    const text = asText(fieldValue(rec, 'text'));
    if (!rule || !where || !text) continue;
    const sheet = asText(fieldValue(rec, 'sheet'));
    let ruleId = rule.trim().toLowerCase();
    const prefix = ruleId.endsWith('*');
    if (prefix) ruleId = ruleId.slice(0, -1);
    const w = where.trim().replace(/\$/g, '').toUpperCase();
    const first = w.split(':')[0]!;
    const entry: Entry = { ruleId, prefix, text, ...(sheet ? { sheet: foldText(sheet) } : {}) };
    if (/^\d+$/.test(first)) entry.row = Number(first);
    else if (parseA1(first)) entry.cell = first;
    else continue;
    out.push(entry);
  }
  return out;
}

function matches(e: Entry, issue: Issue, ruleId: string, row: number | undefined, sheet: string): boolean {
  if (e.prefix ? !ruleId.startsWith(e.ruleId) : ruleId !== e.ruleId) return false;
  if (e.sheet !== undefined && e.sheet !== sheet) return false;
  if (e.cell !== undefined) return issue.cell.replace(/\$/g, '').toUpperCase() === e.cell;
  return row !== undefined && row === e.row;
}

/** Marks issues the official justified (a "Giải trình" column or a justification sheet). */
export function applyJustifications(issues: Issue[], data: WorkbookData): Issue[] {
  const byRef = new Map<string, string>();
  const byPos = new Map<string, string>();
  for (const records of recordsByKind(data.records).values()) {
    // A table without a "Giải trình" column (a province's member list) is passed over whole.
    if (tableValues(records)?.columns.has('justification') === false) continue;
    for (let i = 0; i < records.length; i++) {
      const rec = records[i]!;
      const j = fieldValue(rec, 'justification');
      if (typeof j !== 'string' || j.trim() === '') continue;
      byRef.set(rec.ref, j);
      byPos.set(posKey(rec.sheet, rec.row), j);
    }
  }
  const entries = readEntries(data);
  if (byRef.size === 0 && entries.length === 0) return issues;

  return issues.map((issue) => {
    if (issue.justified) return issue;
    const pos = parseA1(issue.cell);
    const row = pos ? pos.row + 1 : undefined;
    if (entries.length > 0) {
      const ruleId = issue.ruleId.toLowerCase();
      const sheet = foldText(issue.sheet);
      const entry = entries.find((e) => matches(e, issue, ruleId, row, sheet));
      if (entry) return { ...issue, justified: true, justification: entry.text };
    }
    if (issue.severity === 'error') return issue;
    const text = issue.rowRef
      ? byRef.get(issue.rowRef)
      : pos
        ? byPos.get(posKey(issue.sheet, pos.row))
        : undefined;
    return text === undefined ? issue : { ...issue, justified: true, justification: text };
  });
}
