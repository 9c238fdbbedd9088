/**
 * submit: validates again on the server and stores the unit's report for a period as a new
 * immutable version. Only the server's results are stored. An identical resubmission stores
 * nothing; a report with open errors is refused; a locked period refuses.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { gzipSync } from 'node:zlib';
import { FieldValue } from 'firebase-admin/firestore';
import type { WorkbookData } from '@kiemtra/shared';
import { authenticate } from '../auth.ts';
import { COLLECTIONS, LIMITS } from '../config.ts';
import { fail } from '../errors.ts';
import { db } from '../firebase.ts';
import { hashOf, sha256 } from '../hash.ts';
import { checkPayloadSize, parseInput, parsePeriodKey, rejectPersonal, submitInput } from '../schemas.ts';
import {
  auditDoc,
  auditRef,
  createAll,
  iso,
  latestVersion,
  locksOn,
  rulebookInForce,
  who,
} from '../store.ts';
import { getUnit, requireSubmit } from '../units.ts';
import { checkPeriodMatches, checkUnitMatches, runEngine } from './evaluate.ts';

export async function handleSubmit(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  const dataBytes = checkPayloadSize(request.data);
  const input = parseInput(submitInput, request.data);
  const raw = input.data as unknown as WorkbookData;
  rejectPersonal(raw);
  const period = parsePeriodKey(input.period);
  checkPeriodMatches(raw, period);

  const unit = await getUnit(input.unit);
  requireSubmit(caller, unit);
  checkUnitMatches(raw, unit);

  const locks = await locksOn(unit.path, period.key);
  if (locks.length > 0) {
    const lock = locks[0]!;
    fail(
      'failed-precondition',
      `Kỳ ${period.key} của đơn vị ${lock.unit} đã được duyệt và khóa; không nhận báo cáo mới.`,
      `Period ${period.key} of unit ${lock.unit} has been approved and locked; no new submissions.`,
      { lockedUnit: lock.unit, period: period.key },
    );
  }

  const rulebook = await rulebookInForce(unit.path[0]!, period.toYear);
  const { data, evaluation, report } = runEngine(raw, rulebook, unit, period);

  const openErrors = evaluation.issues.filter((i) => i.severity === 'error' && !i.justified);
  if (openErrors.length > 0) {
    fail(
      'failed-precondition',
      `Báo cáo còn ${openErrors.length} lỗi chưa giải trình; hãy sửa hoặc giải trình trước khi nộp.`,
      `The report has ${openErrors.length} unjustified errors; fix or justify them before submitting.`,
      {
        errors: openErrors
          .slice(0, 20)
          .map((i) => ({ ruleId: i.ruleId, sheet: i.sheet, cell: i.cell, message: i.message })),
      },
    );
  }

  // Content = the data as checked plus the rules it was checked with.
  const contentHash = hashOf({ data, rulebook: { id: rulebook.id, version: rulebook.version } });
  const latest = await latestVersion(unit.code, period.key);
  if (latest && latest.contentHash === contentHash) {
    return {
      status: 'unchanged' as const,
      version: { id: latest.id, seq: latest.seq, contentHash, createdAt: iso(latest.createdAt) },
      totals: latest.totals,
    };
  }

  const versionId = `${unit.code}__${period.key}__${sha256(`${contentHash}|${latest?.id ?? ''}`).slice(0, 24)}`;
  const seq = (latest?.seq ?? 0) + 1;
  const justified = evaluation.issues
    .filter((i) => i.justified)
    .map((i) => ({ ruleId: i.ruleId, sheet: i.sheet, cell: i.cell, text: i.justification ?? '' }));
  const version = {
    id: versionId,
    unit: unit.code,
    parentCode: unit.parentCode,
    ancestors: unit.path,
    period: period.key,
    seq,
    previousVersion: latest?.id ?? null,
    contentHash,
    createdAt: FieldValue.serverTimestamp(),
    by: who(caller),
    rulebook: { id: rulebook.id, version: rulebook.version },
    summary: evaluation.summary,
    totals: report.totals,
    resultJson: JSON.stringify({
      targets: evaluation.targets,
      justified,
      issueCount: evaluation.issues.length,
      issues: evaluation.issues.slice(0, LIMITS.storedIssues),
    }),
    dataBytes,
  };

  const content = gzipSync(Buffer.from(JSON.stringify(data)));
  if (content.length > LIMITS.storedContentBytes) {
    fail(
      'invalid-argument',
      `Dữ liệu sau khi nén vẫn quá lớn để lưu (${content.length} byte, tối đa ${LIMITS.storedContentBytes}); hãy tách biểu mẫu.`,
      `The data is too large to store even compressed (${content.length} bytes, at most ${LIMITS.storedContentBytes}); split the workbook.`,
      { bytes: content.length, limit: LIMITS.storedContentBytes },
    );
  }

  await createAll([
    // gzip-compressed JSON of the data as checked (redacted; the server's unit and period).
    { ref: db().collection(COLLECTIONS.contents).doc(versionId), data: { id: versionId, gzipJson: content } },
    {
      ref: auditRef(`submit__${versionId}`),
      data: auditDoc(caller, 'submit', unit.code, { period: period.key, versionId, seq, contentHash }),
    },
    { ref: db().collection(COLLECTIONS.versions).doc(versionId), data: version },
  ]);

  return {
    status: 'created' as const,
    version: { id: versionId, seq, contentHash, createdAt: new Date().toISOString() },
    totals: report.totals,
    summary: evaluation.summary,
    targets: evaluation.targets,
  };
}
