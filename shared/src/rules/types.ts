/**
 * What a rule is: data (id, default severity, title, basis, the table kinds it reads) and a
 * small pure function that turns a workbook's records into findings. Findings carry only
 * what the rule knows (where, what, the numbers); the runner adds the rule's id, severity and
 * basis to make them issues.
 */
import type { TableKind } from '../fields.ts';
import type { Bilingual } from '../i18n.ts';
import type { IssueValue, Severity } from '../issue.ts';
import type { Period } from '../period.ts';
import type { Rulebook } from '../rulebook/schema.ts';
import type { UnitSummary } from '../summary.ts';
import { fieldValue, type RowRecord } from '../table.ts';
import type { WorkbookData } from '../workbook-data.ts';
import type { RuleHelpers } from './helpers.ts';

export interface RuleContext {
  data: WorkbookData;
  rulebook: Rulebook;
  period?: Period;
  /** This workbook's counts. */
  summary: UnitSummary;
  /** Last period's counts for the same unit, for period-to-period checks. */
  previous?: UnitSummary;
  /** foldText with the answers of this check so far (see foldingCache); the rules make one otherwise. */
  fold?: (s: string) => string;
}

/** One thing a rule found, before it becomes an issue. */
export interface Finding {
  sheet: string;
  /** A1 address of the cell the finding is about. */
  cell: string;
  message: Bilingual;
  suggestion?: Bilingual;
  values: Record<string, IssueValue>;
  unitName?: string;
  rowRef?: string;
}

/** What a rule reports: its findings and how many rows (or units) it looked at. */
export interface RuleOutcome {
  findings: Finding[];
  checked: number;
}

export interface RuleDef {
  /** Stable, dotted: "cell.meetings.regular". */
  id: string;
  /** Default severity; `rulebook.severities` overrides it. */
  severity: Severity;
  title: Bilingual;
  /** Where the rule comes from: a seed article, the Party Statute, data consistency. */
  basis: Bilingual;
  /** Table kinds the rule reads. */
  kinds: TableKind[];
  check(ctx: RuleContext, h: RuleHelpers): RuleOutcome;
}

/**
 * A rule that looks at rows one by one. A row counts as checked when every field in `needs`
 * has a value and `when` (if any) holds; only then is `row` called.
 */
export interface RowRuleSpec extends Omit<RuleDef, 'check'> {
  /** Kinds whose rows are visited, when not every kind the rule reads (default: `kinds`). */
  visits?: TableKind[];
  needs: string[];
  when?: (rec: RowRecord, h: RuleHelpers) => boolean;
  row: (rec: RowRecord, h: RuleHelpers) => Finding | Finding[] | undefined;
}

export function rowRule(spec: RowRuleSpec): RuleDef {
  const { visits, needs, when, row, ...def } = spec;
  const visited = visits ?? def.kinds;
  return {
    ...def,
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      // Index loops: each rule's pass over 100,000 member rows runs once, mostly before V8
      // optimizes it, and an iterator costs more than the row's check there.
      for (let v = 0; v < visited.length; v++) {
        const records = h.records(visited[v]!);
        next: for (let i = 0; i < records.length; i++) {
          const rec = records[i]!;
          for (let k = 0; k < needs.length; k++) if (fieldValue(rec, needs[k]!) === undefined) continue next;
          if (when && !when(rec, h)) continue;
          checked++;
          const out = row(rec, h);
          if (out === undefined) continue;
          if (Array.isArray(out)) findings.push(...out);
          else findings.push(out);
        }
      }
      return { findings, checked };
    },
  };
}
