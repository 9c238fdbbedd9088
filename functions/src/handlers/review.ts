/**
 * review: the level above approves or returns a unit's submission with a comment. Approving
 * creates the unit's lock for the period (once, with `create()`); a parent is approved only
 * when all its children are. A lock on a unit also locks everything under it.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { FieldValue } from 'firebase-admin/firestore';
import { authenticate } from '../auth.ts';
import { COLLECTIONS } from '../config.ts';
import { fail } from '../errors.ts';
import { db } from '../firebase.ts';
import { sha256 } from '../hash.ts';
import { parseInput, parsePeriodKey, reviewInput } from '../schemas.ts';
import { auditDoc, auditRef, createAll, ids, iso, latestVersion, locksOn, who } from '../store.ts';
import { getUnit, requireReview } from '../units.ts';

export async function handleReview(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  const input = parseInput(reviewInput, request.data);
  const period = parsePeriodKey(input.period);
  const unit = await getUnit(input.unit);
  requireReview(caller, unit);

  const locks = await locksOn(unit.path, period.key);
  const own = locks.find((l) => l.unit === unit.code);
  if (own && input.decision === 'approve') {
    return {
      status: 'unchanged' as const,
      lock: { versionId: own.versionId, createdAt: iso(own.createdAt) },
    };
  }
  if (locks.length > 0) {
    fail(
      'failed-precondition',
      `Kỳ ${period.key} của đơn vị ${locks[0]!.unit} đã được duyệt và khóa.`,
      `Period ${period.key} of unit ${locks[0]!.unit} is already approved and locked.`,
      { lockedUnit: locks[0]!.unit },
    );
  }

  const childSnap = await db().collection(COLLECTIONS.units).where('parentCode', '==', unit.code).get();
  const children = childSnap.docs.map((d) => d.id).sort();
  const latest = await latestVersion(unit.code, period.key);
  if (input.versionId && latest?.id !== input.versionId) {
    fail(
      'failed-precondition',
      'Đơn vị đã nộp phiên bản mới hơn phiên bản đang xem; hãy xem lại.',
      'The unit submitted a newer version than the one reviewed; review again.',
      { latestVersion: latest?.id ?? null },
    );
  }
  if (!latest && children.length === 0) {
    fail(
      'failed-precondition',
      `Đơn vị ${unit.code} chưa nộp báo cáo kỳ ${period.key}.`,
      `Unit ${unit.code} has not submitted for period ${period.key}.`,
    );
  }

  const comment = input.comment?.trim() ?? '';
  const base = {
    unit: unit.code,
    period: period.key,
    parentCode: unit.parentCode,
    versionId: latest?.id ?? null,
    comment,
    by: who(caller),
    createdAt: FieldValue.serverTimestamp(),
  };

  if (input.decision === 'return') {
    if (!comment) {
      fail('invalid-argument', 'Trả lại báo cáo cần có ý kiến.', 'Returning a report needs a comment.');
    }
    const reviewId = `${unit.code}__${period.key}__${latest?.id ?? 'none'}__return__${sha256(comment).slice(0, 12)}`;
    await createAll([
      {
        ref: auditRef(`review__${reviewId}`),
        data: auditDoc(caller, 'review.return', unit.code, { period: period.key, reviewId }),
      },
      {
        ref: db().collection(COLLECTIONS.reviews).doc(reviewId),
        data: { ...base, id: reviewId, decision: 'return' },
      },
    ]);
    return { status: 'returned' as const, reviewId };
  }

  const childLocks = await locksOn(children, period.key);
  const unapproved = children.filter((c) => !childLocks.some((l) => l.unit === c));
  if (unapproved.length > 0) {
    fail(
      'failed-precondition',
      `Chưa duyệt được ${unit.code}: ${unapproved.length} đơn vị trực thuộc chưa được duyệt (${unapproved.slice(0, 10).join(', ')}).`,
      `${unit.code} cannot be approved yet: ${unapproved.length} units under it are not approved (${unapproved.slice(0, 10).join(', ')}).`,
      { unapproved },
    );
  }

  const reviewId = `${unit.code}__${period.key}__${latest?.id ?? 'children'}__approve`;
  await createAll([
    {
      ref: auditRef(`review__${reviewId}`),
      data: auditDoc(caller, 'review.approve', unit.code, { period: period.key, reviewId }),
    },
    {
      ref: db().collection(COLLECTIONS.reviews).doc(reviewId),
      data: { ...base, id: reviewId, decision: 'approve' },
    },
    // The lock is the approval's visible effect: created last, once.
    {
      ref: db().collection(COLLECTIONS.locks).doc(ids.lock(unit.code, period.key)),
      data: { ...base, children: childLocks.map((l) => ids.lock(l.unit, l.period)) },
    },
  ]);
  return { status: 'approved' as const, reviewId, versionId: latest?.id ?? null };
}
