/**
 * What each callable accepts, checked at the edge. The workbook schema follows the engine's
 * WorkbookData; a payload carrying personal fields (members' names, birth dates) is refused,
 * never silently cleaned: the add-in must redact before sending.
 */
import { z } from 'zod';
import {
  FIELDS,
  TABLE_KINDS,
  halfPeriod,
  monthPeriod,
  quarterPeriod,
  termPeriod,
  yearPeriod,
  type Period,
  type WorkbookData,
} from '@kiemtra/shared';
import { LIMITS, ROLES } from './config.ts';
import { fail } from './errors.ts';

const cellError = z.object({ error: z.string().max(50) }).loose();
const cellValue = z.union([z.string().max(10_000), z.number(), z.boolean(), z.null(), cellError]);
const fieldValue = z.union([z.string().max(10_000), z.number(), z.boolean()]);
const bilingual = z.object({ vi: z.string().max(5_000), en: z.string().max(5_000) });
const shortText = z.string().max(500);
const code = z
  .string()
  .min(1)
  .max(40)
  .regex(
    /^[A-Za-z0-9._-]+$/,
    'mã đơn vị chỉ gồm chữ, số, ".", "_", "-" / letters, digits, ".", "_", "-" only',
  );

const periodSchema = z.object({
  kind: z.enum(['year', 'half', 'quarter', 'month', 'term']),
  key: z.string().max(20),
  fromYear: z.number().int(),
  toYear: z.number().int(),
  months: z.number().int().positive(),
});

const unitRefSchema = z
  .object({
    code: z.string().max(40).optional(),
    name: z.string().max(300),
    level: z.string().max(50).optional(),
    parentCode: z.string().max(40).optional(),
  })
  .loose();

const tableSchema = z
  .object({
    id: shortText,
    sheet: shortText,
    kind: z.enum(TABLE_KINDS as [string, ...string[]]),
    kindConfidence: z.number(),
    headerRows: z.array(z.number().int()).max(10),
    dataRows: z.array(z.number().int().min(0)).max(LIMITS.records),
    groupRows: z
      .array(z.object({ row: z.number().int(), label: shortText, level: z.number().int() }).loose())
      .max(2_000),
    totalRows: z.array(z.object({ row: z.number().int(), label: shortText }).loose()).max(2_000),
    firstCol: z.number().int().min(0),
    lastCol: z.number().int().min(0),
    lastRow: z.number().int().min(0),
    resultCol: z.number().int().min(0),
    columns: z
      .array(
        z
          .object({
            col: z.number().int(),
            header: z.string().max(1_000),
            confidence: z.number(),
            field: shortText.optional(),
          })
          .loose(),
      )
      .max(300),
    missingRequired: z.array(shortText).max(100),
  })
  .loose();

const recordSchema = z.object({
  tableId: shortText,
  kind: z.enum(TABLE_KINDS as [string, ...string[]]),
  sheet: shortText,
  row: z.number().int().min(0),
  values: z.record(z.string().max(100), fieldValue),
  cells: z.record(z.string().max(100), z.object({ address: z.string().max(20), raw: cellValue })),
  groups: z.array(shortText).max(10),
  ref: shortText,
});

const issueSchema = z
  .object({
    ruleId: shortText,
    severity: z.enum(['error', 'warning', 'info']),
    sheet: shortText,
    cell: z.string().max(20),
    message: bilingual,
    values: z.record(z.string(), z.union([z.string().max(2_000), z.number(), z.boolean(), z.null()])),
    justified: z.boolean(),
  })
  .loose();

export const workbookSchema = z.object({
  workbook: z.string().max(300),
  sheetNames: z.array(shortText).max(LIMITS.sheets),
  tables: z.array(tableSchema).max(LIMITS.tables),
  records: z.array(recordSchema).max(LIMITS.records),
  issues: z.array(issueSchema).max(LIMITS.issues),
  period: periodSchema.optional(),
  unit: unitRefSchema.optional(),
});

const periodKey = z.string().max(20);

export const validateInput = z.object({
  data: workbookSchema,
  unit: code.optional(),
  period: periodKey.optional(),
});

export const submitInput = z.object({
  unit: code,
  period: periodKey,
  data: workbookSchema,
});

export const reviewInput = z.object({
  unit: code,
  period: periodKey,
  decision: z.enum(['approve', 'return']),
  comment: z.string().max(LIMITS.commentChars).optional(),
  /** The version the reviewer looked at; refused when a newer one arrived meanwhile. */
  versionId: z.string().max(200).optional(),
});

export const rollupInput = z.object({ unit: code, period: periodKey });

const unitRow = z.object({
  code,
  name: z.string().min(1).max(300),
  parentCode: code.nullable().optional(),
  level: z.string().max(50).optional(),
});

export const unitsInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('import'),
    rows: z.array(unitRow).max(LIMITS.unitRows).optional(),
    data: workbookSchema.optional(),
  }),
  z.object({ action: z.literal('list'), unit: code }),
  z.object({
    action: z.literal('setDeadline'),
    unit: code,
    period: periodKey,
    dueAt: z.iso.datetime({ offset: true }),
  }),
]);

export const rulebookInput = z.discriminatedUnion('action', [
  z.object({ action: z.literal('get'), unit: code, period: periodKey }),
  z.object({
    action: z.literal('put'),
    /** A unit code (a province's own rulebook) or "*" (central). */
    scope: z.union([code, z.literal('*')]),
    rulebook: z.unknown(),
  }),
  z.object({
    action: z.literal('setTargets'),
    scope: z.union([code, z.literal('*')]),
    period: periodKey,
    version: z.string().min(1).max(50),
    targets: z.array(z.unknown()).max(200),
  }),
]);

export const usersInput = z.discriminatedUnion('action', [
  z.object({
    action: z.literal('grant'),
    email: z.email(),
    role: z.enum(ROLES),
    scope: z.union([code, z.literal('*')]),
    /** Creates the account when it does not exist yet. */
    password: z.string().min(8).max(128).optional(),
    displayName: z.string().max(200).optional(),
  }),
  z.object({ action: z.literal('revoke'), email: z.email() }),
  z.object({ action: z.literal('list') }),
]);

/** Parses input or fails with every problem listed, each with its path. */
export function parseInput<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const r = schema.safeParse(input);
  if (r.success) return r.data;
  const problems = r.error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.'), message: i.message }));
  fail(
    'invalid-argument',
    `Dữ liệu gửi lên không hợp lệ: ${problems.map((p) => `${p.path || '(gốc)'}: ${p.message}`).join('; ')}`,
    `The request is malformed: ${problems.map((p) => `${p.path || '(root)'}: ${p.message}`).join('; ')}`,
    { problems },
  );
}

/** The request's size, refused before any parsing work beyond JSON. */
export function checkPayloadSize(data: unknown): number {
  const bytes = Buffer.byteLength(JSON.stringify(data ?? null), 'utf8');
  if (bytes > LIMITS.payloadBytes) {
    fail(
      'invalid-argument',
      `Dữ liệu quá lớn: ${bytes} byte, tối đa ${LIMITS.payloadBytes} byte.`,
      `The request is too large: ${bytes} bytes, at most ${LIMITS.payloadBytes}.`,
      { bytes, limit: LIMITS.payloadBytes },
    );
  }
  return bytes;
}

const personalFields = new Map<string, Set<string>>(
  Object.entries(FIELDS).map(([kind, defs]) => [
    kind,
    new Set(defs.filter((d) => d.personal).map((d) => d.id)),
  ]),
);

/** Names and birth dates never reach the server: a payload with any of them is refused. */
export function rejectPersonal(data: WorkbookData): void {
  for (const rec of data.records) {
    const personal = personalFields.get(rec.kind);
    if (!personal) continue;
    const found = [...Object.keys(rec.values), ...Object.keys(rec.cells)].find((k) => personal.has(k));
    if (found) {
      const cell = rec.cells[found]?.address ?? '';
      fail(
        'invalid-argument',
        `Dữ liệu có thông tin cá nhân ("${found}" ở trang "${rec.sheet}" ô ${cell}); phải lược bỏ trước khi gửi.`,
        `The data carries personal information ("${found}" on sheet "${rec.sheet}" cell ${cell}); redact it before sending.`,
        { field: found, sheet: rec.sheet, cell },
      );
    }
  }
}

/** "2024", "2024-Q1", "2024-H2", "2024-03", "2020-2025" → a Period, or a clear error. */
export function parsePeriodKey(key: string): Period {
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(key))) return yearPeriod(Number(m[1]));
  if ((m = /^(\d{4})-Q([1-4])$/.exec(key))) return quarterPeriod(Number(m[1]), Number(m[2]) as 1 | 2 | 3 | 4);
  if ((m = /^(\d{4})-H([12])$/.exec(key))) return halfPeriod(Number(m[1]), Number(m[2]) as 1 | 2);
  if ((m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(key))) return monthPeriod(Number(m[1]), Number(m[2]));
  if ((m = /^(\d{4})-(\d{4})$/.exec(key)) && Number(m[2]) > Number(m[1]))
    return termPeriod(Number(m[1]), Number(m[2]));
  fail(
    'invalid-argument',
    `Kỳ báo cáo "${key}" không hợp lệ (ví dụ: 2024, 2024-Q1, 2024-H1, 2024-03, 2020-2025).`,
    `Period "${key}" is not valid (e.g. 2024, 2024-Q1, 2024-H1, 2024-03, 2020-2025).`,
    { period: key },
  );
}

/** The period before: the year, half, quarter, month or term just ended. */
export function previousPeriodKey(p: Period): string {
  switch (p.kind) {
    case 'year':
      return String(p.fromYear - 1);
    case 'half':
      return p.key.endsWith('H2') ? `${p.fromYear}-H1` : `${p.fromYear - 1}-H2`;
    case 'quarter': {
      const q = Number(p.key.slice(-1));
      return q > 1 ? `${p.fromYear}-Q${q - 1}` : `${p.fromYear - 1}-Q4`;
    }
    case 'month': {
      const mo = Number(p.key.slice(5));
      return mo > 1 ? `${p.fromYear}-${String(mo - 1).padStart(2, '0')}` : `${p.fromYear - 1}-12`;
    }
    case 'term':
      return `${2 * p.fromYear - p.toYear}-${p.fromYear}`;
  }
}
