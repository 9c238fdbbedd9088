import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHECK_CATALOGUE } from '@kiemtra/shared';
import { renderRulesDoc, RULES_DOC_PATH } from '../../scripts/rules-doc.ts';

describe('docs/rules.md', () => {
  it('lists exactly the checks the engine makes (regenerate with npm run docs:rules)', () => {
    expect(readFileSync(RULES_DOC_PATH, 'utf8')).toBe(renderRulesDoc());
  });

  it('has one entry per check id', () => {
    const ids = CHECK_CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
