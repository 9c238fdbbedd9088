/**
 * The unit tree (cây đơn vị). Each unit stores its path from the root, so "is X in Y's
 * subtree" is a look at one document and a subtree is one array-contains query.
 */
import type { UnitRef } from '@kiemtra/shared';
import { COLLECTIONS, LIMITS } from './config.ts';
import { fail } from './errors.ts';
import { db } from './firebase.ts';
import { isGlobal, type Caller } from './auth.ts';

export interface UnitDoc {
  code: string;
  name: string;
  parentCode: string | null;
  /** "province" | "district" | "commune" …, free text from the unit list. */
  level: string;
  /** Codes from the root down to this unit, inclusive. */
  path: string[];
}

export function unitRef(u: UnitDoc): UnitRef & { code: string } {
  return {
    code: u.code,
    name: u.name,
    level: u.level,
    ...(u.parentCode ? { parentCode: u.parentCode } : {}),
  };
}

export async function getUnit(code: string): Promise<UnitDoc> {
  const snap = await db().collection(COLLECTIONS.units).doc(code).get();
  if (!snap.exists) {
    fail(
      'not-found',
      `Không có đơn vị mã "${code}" trong cây đơn vị.`,
      `No unit with code "${code}" in the unit tree.`,
      {
        unit: code,
      },
    );
  }
  return snap.data() as UnitDoc;
}

/** Every unit under `code`, the unit itself included. */
export async function subtree(code: string): Promise<UnitDoc[]> {
  const snap = await db().collection(COLLECTIONS.units).where('path', 'array-contains', code).get();
  return snap.docs.map((d) => d.data() as UnitDoc);
}

export function inScope(caller: Caller, unit: UnitDoc): boolean {
  return isGlobal(caller) || unit.path.includes(caller.scope);
}

/** Any role reads its own subtree, and nothing else. */
export function requireRead(caller: Caller, unit: UnitDoc): void {
  if (!inScope(caller, unit)) denyUnit(unit);
}

/** Editors (and admins) submit for units in their subtree. */
export function requireSubmit(caller: Caller, unit: UnitDoc): void {
  if (!(caller.role === 'editor' || caller.role === 'admin') || !inScope(caller, unit)) {
    fail(
      'permission-denied',
      `Không có quyền nộp báo cáo cho đơn vị "${unit.code}".`,
      `You may not submit for unit "${unit.code}".`,
      { unit: unit.code },
    );
  }
}

/** Reviewers review the direct children of their unit; admins anything below their scope. */
export function requireReview(caller: Caller, unit: UnitDoc): void {
  const ok =
    (caller.role === 'reviewer' && unit.parentCode === caller.scope) ||
    (caller.role === 'admin' && inScope(caller, unit) && unit.code !== caller.scope);
  if (!ok) {
    fail(
      'permission-denied',
      `Không có quyền duyệt báo cáo của đơn vị "${unit.code}" (chỉ cấp trên trực tiếp được duyệt).`,
      `You may not review unit "${unit.code}" (only the level directly above may).`,
      { unit: unit.code },
    );
  }
}

function denyUnit(unit: UnitDoc): never {
  fail(
    'permission-denied',
    `Không có quyền xem dữ liệu của đơn vị "${unit.code}".`,
    `You may not read the data of unit "${unit.code}".`,
    { unit: unit.code },
  );
}

/** Splits codes into chunks a Firestore `in` filter accepts. */
export function chunks<T>(items: T[], size: number = LIMITS.inQueryChunk): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
