import { rulebookSchema, type Rulebook } from './schema.ts';

/** Validates a rulebook from storage or a file; problems come back as data, not exceptions. */
export function parseRulebook(input: unknown): { rulebook?: Rulebook; problems: string[] } {
  const r = rulebookSchema.safeParse(input);
  if (r.success) return { rulebook: r.data, problems: [] };
  return { problems: r.error.issues.map((i) => `${i.path.join('.') || '(gốc)'}: ${i.message}`) };
}
