/**
 * The stored model. Nothing here needs a multi-document transaction:
 * - a submission version is immutable and created once (`create()`), its id derived from the
 *   unit, the period, the content hash and the version it follows, so a retry after a crash
 *   lands on the same id and an identical resubmission is recognized before writing;
 * - the latest version is found by query; an approval is a lock document created once;
 * - every write goes in one batch with its audit entry, the visible document last.
 */
import { FieldValue, Timestamp, type DocumentReference } from 'firebase-admin/firestore';
import { DEFAULT_RULEBOOK, parseRulebook, type Rulebook, type UnitSummary } from '@kiemtra/shared';
import { COLLECTIONS, GLOBAL_SCOPE } from './config.ts';
import type { Caller } from './auth.ts';
import { isAlreadyExists } from './errors.ts';
import { db } from './firebase.ts';

export interface VersionDoc {
  id: string;
  unit: string;
  parentCode: string | null;
  /** The unit's path when it was submitted. */
  ancestors: string[];
  period: string;
  seq: number;
  /** The version this one follows (null for the first). */
  previousVersion: string | null;
  contentHash: string;
  createdAt: Timestamp;
  by: { uid: string; email?: string; role: string };
  rulebook: { id: string; version: string };
  summary: UnitSummary;
  totals: { error: number; warning: number; info: number; justified: number };
  /** Targets, justified issues and the first issues, as JSON (kept out of the indexes). */
  resultJson: string;
  dataBytes: number;
}

export interface LockDoc {
  unit: string;
  period: string;
  parentCode: string | null;
  /** The approved version; null for a unit approved on its children alone. */
  versionId: string | null;
  /** For a parent: the child locks it was approved on. */
  children: string[];
  comment: string;
  by: { uid: string; email?: string; role: string };
  createdAt: Timestamp;
}

export const ids = {
  lock: (unit: string, period: string) => `${unit}__${period}`,
  rollup: (unit: string, period: string) => `${unit}__${period}`,
  deadline: (unit: string, period: string) => `${unit}__${period}`,
};

export function who(caller: Caller): { uid: string; email?: string; role: string } {
  return { uid: caller.uid, ...(caller.email ? { email: caller.email } : {}), role: caller.role };
}

export function auditDoc(
  caller: Caller,
  action: string,
  target: string,
  details: Record<string, unknown> = {},
) {
  return { action, target, by: who(caller), scope: caller.scope, at: FieldValue.serverTimestamp(), details };
}

export function auditRef(id: string): DocumentReference {
  return db().collection(COLLECTIONS.audit).doc(id);
}

/**
 * Creates every document of a write, in order, the visible one last. One batch on real
 * Firestore (atomic); if some already exist (a retry after a crash, or a concurrent identical
 * call), the missing ones are created one by one in the same order.
 */
export async function createAll(
  writes: { ref: DocumentReference; data: Record<string, unknown> }[],
): Promise<void> {
  const batch = db().batch();
  for (const w of writes) batch.create(w.ref, w.data);
  try {
    await batch.commit();
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
    for (const w of writes) {
      try {
        await w.ref.create(w.data);
      } catch (inner) {
        if (!isAlreadyExists(inner)) throw inner;
      }
    }
  }
}

export async function latestVersion(unit: string, period: string): Promise<VersionDoc | undefined> {
  const snap = await db()
    .collection(COLLECTIONS.versions)
    .where('unit', '==', unit)
    .where('period', '==', period)
    .orderBy('createdAt', 'desc')
    .limit(1)
    .get();
  return snap.docs[0]?.data() as VersionDoc | undefined;
}

export async function getVersion(id: string): Promise<VersionDoc | undefined> {
  const snap = await db().collection(COLLECTIONS.versions).doc(id).get();
  return snap.exists ? (snap.data() as VersionDoc) : undefined;
}

/** The locks on a period among these units (a unit's own and its ancestors'). */
export async function locksOn(codes: string[], period: string): Promise<LockDoc[]> {
  if (codes.length === 0) return [];
  const refs = codes.map((c) => db().collection(COLLECTIONS.locks).doc(ids.lock(c, period)));
  const snaps = await db().getAll(...refs);
  return snaps.filter((s) => s.exists).map((s) => s.data() as LockDoc);
}

interface StoredRulebook {
  scope: string;
  id: string;
  version: string;
  fromYear: number;
  toYear: number | null;
  json: string;
  createdAt: Timestamp;
}

/**
 * The rulebook in force for a province and a year: the province's own when it has one,
 * else the central one, else the default; among several, the one created last.
 */
export async function rulebookInForce(rootCode: string, year: number): Promise<Rulebook> {
  const snap = await db()
    .collection(COLLECTIONS.rulebooks)
    .where('scope', 'in', [rootCode, GLOBAL_SCOPE])
    .get();
  const candidates = snap.docs
    .map((d) => d.data() as StoredRulebook)
    .filter((r) => r.fromYear <= year && (r.toYear === null || year <= r.toYear))
    .sort(
      (a, b) =>
        Number(b.scope !== GLOBAL_SCOPE) - Number(a.scope !== GLOBAL_SCOPE) ||
        b.createdAt.toMillis() - a.createdAt.toMillis(),
    );
  for (const c of candidates) {
    const parsed = parseRulebook(JSON.parse(c.json));
    if (parsed.rulebook) return parsed.rulebook;
  }
  return DEFAULT_RULEBOOK;
}

export function rulebookDocId(scope: string, rb: Rulebook): string {
  return `${scope === GLOBAL_SCOPE ? 'central' : scope}__${rb.id}__${rb.version}`.replace(/\//g, '_');
}

export function storedRulebook(scope: string, rb: Rulebook) {
  return {
    scope,
    id: rb.id,
    version: rb.version,
    fromYear: rb.effective.fromYear,
    toYear: rb.effective.toYear ?? null,
    json: JSON.stringify(rb),
    createdAt: FieldValue.serverTimestamp(),
  };
}

export function iso(t: Timestamp | undefined | null): string | null {
  return t ? t.toDate().toISOString() : null;
}
