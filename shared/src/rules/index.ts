/**
 * Flags and data-quality rules over a workbook's records. `RULES` is the catalogue: each
 * rule's id, default severity, title, basis and the table kinds it reads, for docs and
 * reports. Severities follow one policy: figures that contradict themselves are errors; the
 * weaknesses the seed articles and the Party Statute name are warnings; a milder tier of the
 * same fact (cells under 9 members, when under 5 is the warning) is info.
 */
import type { Issue } from '../issue.ts';
import type { PassedCheck } from '../report.ts';
import { CELL_RULES } from './cells.ts';
import { CROSS_RULES } from './cross.ts';
import { DATA_RULES } from './data.ts';
import { HAMLET_RULES } from './hamlets.ts';
import { createHelpers } from './helpers.ts';
import { MEMBER_RULES } from './members.ts';
import { PERIOD_RULES } from './period.ts';
import { TARGET_TABLE_RULES } from './targets.ts';
import type { RuleContext, RuleDef } from './types.ts';

export type { RuleContext, RuleDef, Finding, RuleOutcome } from './types.ts';
export { applyJustifications } from './justify.ts';

export const RULES: readonly RuleDef[] = [
  ...CELL_RULES,
  ...HAMLET_RULES,
  ...MEMBER_RULES,
  ...DATA_RULES,
  ...CROSS_RULES,
  ...PERIOD_RULES,
  ...TARGET_TABLE_RULES,
];

/** A rule id, or a prefix ending in "*" ("period.jump.*"), listed in rulebook.disabledRules. */
function isDisabled(id: string, disabled: readonly string[]): boolean {
  return disabled.some((d) => (d.endsWith('*') ? id.startsWith(d.slice(0, -1)) : d === id));
}

export function runRules(ctx: RuleContext): { issues: Issue[]; passed: PassedCheck[] } {
  const h = createHelpers(ctx);
  const issues: Issue[] = [];
  const passed: PassedCheck[] = [];
  for (const rule of RULES) {
    if (isDisabled(rule.id, ctx.rulebook.disabledRules)) continue;
    const severity = ctx.rulebook.severities[rule.id] ?? rule.severity;
    const { findings, checked } = rule.check(ctx, h);
    for (const f of findings) {
      issues.push({
        ruleId: rule.id,
        severity,
        sheet: f.sheet,
        cell: f.cell,
        message: f.message,
        ...(f.suggestion ? { suggestion: f.suggestion } : {}),
        basis: rule.basis,
        values: f.values,
        ...(f.unitName !== undefined ? { unitName: f.unitName } : {}),
        ...(f.rowRef !== undefined ? { rowRef: f.rowRef } : {}),
        justified: false,
      });
    }
    if (checked > 0 && findings.length === 0) passed.push({ ruleId: rule.id, title: rule.title, checked });
  }
  return { issues, passed };
}
