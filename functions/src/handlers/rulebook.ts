/**
 * rulebook: read the rulebook in force for a unit and period; store a new rulebook version
 * (central or a province's own), or a version with new targets. Versions are immutable.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { parseRulebook } from '@kiemtra/shared';
import { authenticate, isGlobal, requireRole } from '../auth.ts';
import { COLLECTIONS, GLOBAL_SCOPE } from '../config.ts';
import { fail, isAlreadyExists } from '../errors.ts';
import { db } from '../firebase.ts';
import { hashOf } from '../hash.ts';
import { checkPayloadSize, parseInput, parsePeriodKey, rulebookInput } from '../schemas.ts';
import { auditDoc, auditRef, createAll, rulebookDocId, rulebookInForce, storedRulebook } from '../store.ts';
import { getUnit, requireRead } from '../units.ts';

export async function handleRulebook(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  checkPayloadSize(request.data);
  const input = parseInput(rulebookInput, request.data);

  if (input.action === 'get') {
    const unit = await getUnit(input.unit);
    requireRead(caller, unit);
    const period = parsePeriodKey(input.period);
    return { rulebook: await rulebookInForce(unit.path[0]!, period.toYear) };
  }

  requireRole(caller, ['admin']);
  if (input.scope === GLOBAL_SCOPE ? !isGlobal(caller) : !isGlobal(caller) && caller.scope !== input.scope) {
    fail(
      'permission-denied',
      'Chỉ quản trị cấp trung ương đặt bộ quy tắc chung; quản trị tỉnh đặt bộ quy tắc của tỉnh mình.',
      'Only a central admin sets the central rulebook; a province admin sets its own.',
    );
  }
  if (input.scope !== GLOBAL_SCOPE) {
    const unit = await getUnit(input.scope);
    if (unit.parentCode) {
      fail(
        'invalid-argument',
        'Bộ quy tắc riêng chỉ đặt ở cấp tỉnh.',
        "A unit's own rulebook is set at province level only.",
      );
    }
  }

  let candidate: unknown = input.action === 'put' ? input.rulebook : undefined;
  if (input.action === 'setTargets') {
    const period = parsePeriodKey(input.period);
    const base = await rulebookInForce(input.scope === GLOBAL_SCOPE ? '' : input.scope, period.toYear);
    candidate = { ...base, version: input.version, targets: input.targets };
  }
  const parsed = parseRulebook(candidate);
  if (!parsed.rulebook) {
    fail(
      'invalid-argument',
      `Bộ quy tắc không hợp lệ: ${parsed.problems.slice(0, 10).join('; ')}`,
      `The rulebook is invalid: ${parsed.problems.slice(0, 10).join('; ')}`,
      {
        problems: parsed.problems,
      },
    );
  }
  const rb = parsed.rulebook;
  const docId = rulebookDocId(input.scope, rb);
  const ref = db().collection(COLLECTIONS.rulebooks).doc(docId);
  const existing = await ref.get();
  if (existing.exists) {
    if ((existing.data() as { json: string }).json === JSON.stringify(rb))
      return { status: 'unchanged', id: docId };
    fail(
      'already-exists',
      `Phiên bản ${rb.version} của bộ quy tắc ${rb.id} đã có với nội dung khác; hãy đặt số phiên bản mới.`,
      `Version ${rb.version} of rulebook ${rb.id} exists with other content; use a new version.`,
    );
  }
  try {
    await createAll([
      {
        ref: auditRef(`rulebook__${docId}`),
        data: auditDoc(caller, `rulebook.${input.action}`, input.scope, {
          id: rb.id,
          version: rb.version,
          hash: hashOf(rb),
        }),
      },
      { ref, data: storedRulebook(input.scope, rb) },
    ]);
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
  }
  return { status: 'created', id: docId, version: rb.version };
}
