/**
 * Which kind of table a header describes: the kind whose fields its columns match best.
 * Required fields weigh most, generic ones (STT, Mã, Giải trình) least; the sheet name and
 * the title add a small hint ("Đảng viên", "Thôn, bản", "Giải trình").
 */
import { FIELDS, TABLE_KINDS, type FieldDef, type TableKind } from '../fields.ts';
import type { ColumnMapping } from '../table.ts';
import { foldText } from '../text.ts';
import { KIND_HINTS } from './aliases.ts';
import { mapColumns, type HeaderColumn } from './match.ts';

/** Fields every kind has: they say nothing about the kind. */
const GENERIC_FIELDS = new Set(['order', 'code', 'justification']);
const REQUIRED_WEIGHT = 2;
const GENERIC_WEIGHT = 0.25;
const MISSING_REQUIRED_PENALTY = 1.5;
const SHEET_HINT = 0.75;
const TITLE_HINT = 0.5;
/** Below this score, or without any required field, a header is not a table we know. */
const MIN_KIND_SCORE = 3;

export interface Classification {
  kind: TableKind;
  confidence: number;
  score: number;
  columns: ColumnMapping[];
  missingRequired: string[];
}

const FOLDED_HINTS = new Map<TableKind, string[]>(
  TABLE_KINDS.map((k) => [k, KIND_HINTS[k].map((h) => ` ${foldText(h)} `)]),
);

function hinted(kind: TableKind, text: string | undefined): boolean {
  if (!text) return false;
  const folded = ` ${foldText(text)} `;
  return FOLDED_HINTS.get(kind)!.some((h) => folded.includes(h));
}

function scoreKind(
  kind: TableKind,
  columns: readonly HeaderColumn[],
  hints: KindHints,
): Classification & { specific: number; requiredFound: number } {
  const mapped = mapColumns(columns, kind, hints.year);
  const defs = new Map<string, FieldDef>(FIELDS[kind].map((d) => [d.id, d]));
  let score = 0;
  let specific = 0;
  let requiredFound = 0;
  const found = new Set<string>();
  for (const m of mapped) {
    if (!m.field) continue;
    found.add(m.field);
    const def = defs.get(m.field)!;
    if (def.required) requiredFound++;
    if (!GENERIC_FIELDS.has(m.field)) specific++;
    score +=
      m.confidence * (def.required ? REQUIRED_WEIGHT : GENERIC_FIELDS.has(m.field) ? GENERIC_WEIGHT : 1);
  }
  const missingRequired = FIELDS[kind].filter((d) => d.required && !found.has(d.id)).map((d) => d.id);
  score -= MISSING_REQUIRED_PENALTY * missingRequired.length;
  if (hinted(kind, hints.sheetName)) score += SHEET_HINT;
  if (hinted(kind, hints.title)) score += TITLE_HINT;
  const required = FIELDS[kind].filter((d) => d.required).length;
  const base = 0.5 * (requiredFound / required) + 0.5 * Math.min(1, specific / 4);
  return { kind, confidence: base, score, columns: mapped, missingRequired, specific, requiredFound };
}

export interface KindHints {
  sheetName?: string;
  title?: string;
  /** The year the report is of: of columns comparing years, the one read. */
  year?: number;
}

/**
 * The best kind for a header, or undefined when no kind fits well enough (the caller reports
 * the region as unrecognized).
 */
export function classify(columns: readonly HeaderColumn[], hints: KindHints): Classification | undefined {
  const scored = TABLE_KINDS.map((k) => scoreKind(k, columns, hints)).sort((a, b) => b.score - a.score);
  const best = scored[0]!;
  const runnerUp = scored[1];
  if (best.score < MIN_KIND_SCORE || best.requiredFound === 0 || best.specific < 2) return undefined;
  const margin = runnerUp && runnerUp.score > 0 ? Math.min(1, (best.score - runnerUp.score) / best.score) : 1;
  const confidence = Math.round(best.confidence * (0.7 + 0.3 * margin) * 100) / 100;
  return {
    kind: best.kind,
    confidence,
    score: best.score,
    columns: best.columns,
    missingRequired: best.missingRequired,
  };
}
