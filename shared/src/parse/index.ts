/** Reading cell values as officials type them. */
import type { CellValue } from '../grid.ts';
import type { FieldType } from '../fields.ts';
import type { FieldValue } from '../table.ts';
import type { Bilingual } from '../i18n.ts';

export type ParseOutcome =
  | { kind: 'blank' }
  | { kind: 'value'; value: FieldValue }
  | { kind: 'invalid'; reason: Bilingual };

export function parseValue(_raw: CellValue, _type: FieldType, _numberFormat?: string | null): ParseOutcome {
  throw new Error('not implemented');
}
