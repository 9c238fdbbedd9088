/**
 * units (admin): import the unit tree from rows or from a "Đơn vị" sheet (code, name, parent
 * code, kind), list a subtree, and set the deadline a unit gives its children for a period.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { FieldValue, Timestamp } from 'firebase-admin/firestore';
import { unitRowsFromRecords, type WorkbookData } from '@kiemtra/shared';
import { authenticate, isGlobal, requireRole, type Caller } from '../auth.ts';
import { COLLECTIONS, LIMITS } from '../config.ts';
import { fail } from '../errors.ts';
import { db } from '../firebase.ts';
import { hashOf } from '../hash.ts';
import { checkPayloadSize, parseInput, parsePeriodKey, unitsInput } from '../schemas.ts';
import { auditDoc, auditRef, ids } from '../store.ts';
import { getUnit, requireRead, subtree, type UnitDoc } from '../units.ts';

interface Row {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

export async function handleUnits(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  checkPayloadSize(request.data);
  const input = parseInput(unitsInput, request.data);
  switch (input.action) {
    case 'list': {
      const unit = await getUnit(input.unit);
      requireRead(caller, unit);
      const units = await subtree(unit.code);
      return {
        units: units
          .sort((a, b) => a.path.length - b.path.length || a.code.localeCompare(b.code))
          .map((u) => ({
            code: u.code,
            name: u.name,
            parentCode: u.parentCode,
            level: u.level,
            path: u.path,
          })),
      };
    }
    case 'setDeadline': {
      requireRole(caller, ['admin', 'reviewer']);
      const unit = await getUnit(input.unit);
      requireRead(caller, unit);
      const period = parsePeriodKey(input.period);
      const dueAt = Timestamp.fromDate(new Date(input.dueAt));
      const batch = db().batch();
      batch.set(db().collection(COLLECTIONS.deadlines).doc(ids.deadline(unit.code, period.key)), {
        unit: unit.code,
        period: period.key,
        dueAt,
      });
      batch.create(
        auditRef(`deadline__${unit.code}__${period.key}__${hashOf([input.dueAt, Date.now()]).slice(0, 12)}`),
        auditDoc(caller, 'units.setDeadline', unit.code, { period: period.key, dueAt: input.dueAt }),
      );
      await batch.commit();
      return { unit: unit.code, period: period.key, dueAt: dueAt.toDate().toISOString() };
    }
    case 'import': {
      requireRole(caller, ['admin']);
      const rows = input.rows
        ? input.rows.map((r) => ({
            code: r.code,
            name: r.name.trim(),
            parentCode: r.parentCode ?? null,
            level: r.level ?? '',
          }))
        : rowsFromSheet(input.data as unknown as WorkbookData | undefined);
      return importUnits(caller, rows);
    }
  }
}

/** The "Đơn vị" sheet as the engine read it: records of kind "units". */
function rowsFromSheet(data: WorkbookData | undefined): Row[] {
  // Rows without a code or a name are kept, to be reported by code (or as blank) on import.
  const rows = unitRowsFromRecords({ records: data?.records ?? [] }).map((r) => ({
    code: r.code ?? '',
    name: r.name ?? '',
    parentCode: r.parentCode ?? null,
    level: r.level ?? '',
  }));
  if (rows.length === 0) {
    fail(
      'invalid-argument',
      'Không tìm thấy bảng "Đơn vị" (mã, tên, mã cấp trên, cấp) trong dữ liệu gửi lên.',
      'No "Đơn vị" unit table (code, name, parent code, kind) in the data sent.',
    );
  }
  if (rows.length > LIMITS.unitRows) {
    fail(
      'invalid-argument',
      `Quá nhiều đơn vị: tối đa ${LIMITS.unitRows}.`,
      `Too many units: at most ${LIMITS.unitRows}.`,
    );
  }
  return rows;
}

async function importUnits(caller: Caller, rows: Row[]) {
  const problems: { code: string; vi: string; en: string }[] = [];
  const incoming = new Map<string, Row>();
  for (const r of rows) {
    if (!/^[A-Za-z0-9._-]{1,40}$/.test(r.code))
      problems.push({ code: r.code, vi: 'mã không hợp lệ', en: 'invalid code' });
    else if (!r.name) problems.push({ code: r.code, vi: 'thiếu tên', en: 'name missing' });
    else if (incoming.has(r.code)) problems.push({ code: r.code, vi: 'mã bị trùng', en: 'duplicate code' });
    else incoming.set(r.code, r);
  }
  // Parents not in the import must already exist.
  const outside = [
    ...new Set(rows.map((r) => r.parentCode).filter((p): p is string => !!p && !incoming.has(p))),
  ];
  const existingParents = new Map<string, UnitDoc>();
  if (outside.length > 0) {
    const snaps = await db().getAll(...outside.map((c) => db().collection(COLLECTIONS.units).doc(c)));
    for (const s of snaps) if (s.exists) existingParents.set(s.id, s.data() as UnitDoc);
  }
  const paths = new Map<string, string[]>();
  const pathOf = (code: string, seen: Set<string>): string[] | undefined => {
    const known = paths.get(code) ?? existingParents.get(code)?.path;
    if (known) return known;
    const row = incoming.get(code);
    if (!row || seen.has(code)) return undefined;
    seen.add(code);
    const parentPath = row.parentCode ? pathOf(row.parentCode, seen) : [];
    if (!parentPath) return undefined;
    const p = [...parentPath, code];
    paths.set(code, p);
    return p;
  };
  for (const r of incoming.values()) {
    if (!pathOf(r.code, new Set())) {
      problems.push({
        code: r.code,
        vi: `mã cấp trên "${r.parentCode}" không có hoặc tạo thành vòng`,
        en: `parent "${r.parentCode}" unknown or cyclic`,
      });
    }
  }
  for (const [code, path] of paths) {
    if (!isGlobal(caller) && !path.includes(caller.scope)) {
      problems.push({ code, vi: 'nằm ngoài phạm vi quản lý của bạn', en: 'outside your scope' });
    }
  }
  if (problems.length > 0) {
    fail(
      'invalid-argument',
      `Cây đơn vị có ${problems.length} lỗi: ${problems
        .slice(0, 10)
        .map((p) => `${p.code}: ${p.vi}`)
        .join('; ')}`,
      `The unit tree has ${problems.length} problems: ${problems
        .slice(0, 10)
        .map((p) => `${p.code}: ${p.en}`)
        .join('; ')}`,
      { problems: problems.slice(0, 100) },
    );
  }

  // Units that moved carry their descendants' paths along.
  const moved: { code: string; path: string[] }[] = [];
  const currentSnaps = await Promise.all(
    [...incoming.keys()].map((c) => db().collection(COLLECTIONS.units).doc(c).get()),
  );
  for (const s of currentSnaps) {
    const old = s.exists ? (s.data() as UnitDoc) : undefined;
    const now = paths.get(s.id)!;
    if (old && old.path.join('/') !== now.join('/')) moved.push({ code: s.id, path: now });
  }
  const writes: { code: string; doc: UnitDoc }[] = [...incoming.values()].map((r) => ({
    code: r.code,
    doc: { code: r.code, name: r.name, parentCode: r.parentCode, level: r.level, path: paths.get(r.code)! },
  }));
  for (const m of moved) {
    const below = await subtree(m.code);
    for (const u of below) {
      if (u.code === m.code || incoming.has(u.code)) continue;
      const i = u.path.indexOf(m.code);
      writes.push({ code: u.code, doc: { ...u, path: [...m.path, ...u.path.slice(i + 1)] } });
    }
  }

  const importId = hashOf({ rows, at: Date.now(), uid: caller.uid }).slice(0, 20);
  for (let i = 0; i < writes.length; i += 400) {
    const batch = db().batch();
    for (const w of writes.slice(i, i + 400)) {
      batch.set(db().collection(COLLECTIONS.units).doc(w.code), {
        ...w.doc,
        updatedAt: FieldValue.serverTimestamp(),
      });
    }
    await batch.commit();
  }
  await auditRef(`units.import__${importId}`).create(
    auditDoc(caller, 'units.import', rows[0]?.code ?? '', {
      count: writes.length,
      codes: writes.slice(0, 50).map((w) => w.code),
    }),
  );
  return { imported: incoming.size, moved: moved.length, written: writes.length };
}
