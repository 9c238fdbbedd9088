/**
 * rollup: a unit's picture for a period, computed on read from what is stored — the latest
 * (or approved) version of every unit under it, aggregated level by level by the engine —
 * and cached under a key made of exactly those inputs, so a cached picture is served only
 * while it still matches what is stored.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { FieldValue, type Timestamp } from 'firebase-admin/firestore';
import {
  aggregate,
  type Period,
  type Rollup,
  type Rulebook,
  type TargetResult,
  type UnitSummary,
} from '@kiemtra/shared';
import { authenticate } from '../auth.ts';
import { COLLECTIONS } from '../config.ts';
import { db } from '../firebase.ts';
import { hashOf } from '../hash.ts';
import { parseInput, parsePeriodKey, previousPeriodKey, rollupInput } from '../schemas.ts';
import { ids, iso, locksOn, rulebookInForce, type LockDoc, type VersionDoc } from '../store.ts';
import { chunks, getUnit, requireRead, subtree, unitRef, type UnitDoc } from '../units.ts';

export type ChildStatus = 'approved' | 'returned' | 'submitted' | 'missing';

export interface ChildRow {
  unit: ReturnType<typeof unitRef>;
  status: ChildStatus;
  versionId: string | null;
  seq: number | null;
  firstSubmittedAt: string | null;
  lastSubmittedAt: string | null;
  /** Submitted after the deadline set by this unit; null without a deadline or a submission. */
  late: boolean | null;
  /** Leaf units under the child that submitted, and that should have. */
  unitsSubmitted: number;
  unitsExpected: number;
}

export interface RollupResult {
  unit: ReturnType<typeof unitRef>;
  period: Period;
  rulebook: { id: string; version: string };
  rollup: Rollup;
  children: ChildRow[];
  timeliness: { dueAt: string | null; late: string[]; onTime: string[]; missing: string[] };
  trend: { periodKey: string; summary: UnitSummary | null }[];
  /** What the picture was computed from: the versions, locks, unit tree and rulebook. */
  key: string;
  computedAt: string;
  cached: boolean;
}

export async function handleRollup(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  const input = parseInput(rollupInput, request.data);
  const period = parsePeriodKey(input.period);
  const unit = await getUnit(input.unit);
  requireRead(caller, unit);
  return computeRollup(unit, period, true);
}

interface Inputs {
  units: UnitDoc[];
  effective: Map<string, VersionDoc>;
  /** All versions per unit, oldest first. */
  history: Map<string, VersionDoc[]>;
  locks: LockDoc[];
  rulebook: Rulebook;
  dueAt: Timestamp | null;
  returned: Set<string>;
}

async function readInputs(unit: UnitDoc, period: Period): Promise<Inputs> {
  const units = await subtree(unit.code);
  const codes = units.map((u) => u.code);
  const versionsCol = db().collection(COLLECTIONS.versions);
  const [versionSnaps, locks, rulebook, deadline, reviews] = await Promise.all([
    Promise.all(
      chunks(codes).map((c) => versionsCol.where('unit', 'in', c).where('period', '==', period.key).get()),
    ),
    locksOn(codes, period.key),
    rulebookInForce(unit.path[0]!, period.toYear),
    db().collection(COLLECTIONS.deadlines).doc(ids.deadline(unit.code, period.key)).get(),
    db()
      .collection(COLLECTIONS.reviews)
      .where('parentCode', '==', unit.code)
      .where('period', '==', period.key)
      .get(),
  ]);

  const history = new Map<string, VersionDoc[]>();
  for (const snap of versionSnaps) {
    for (const d of snap.docs) {
      const v = d.data() as VersionDoc;
      const list = history.get(v.unit);
      if (list) list.push(v);
      else history.set(v.unit, [v]);
    }
  }
  const byId = new Map<string, VersionDoc>();
  for (const list of history.values()) {
    list.sort(
      (a, b) => a.createdAt.toMillis() - b.createdAt.toMillis() || a.seq - b.seq || a.id.localeCompare(b.id),
    );
    for (const v of list) byId.set(v.id, v);
  }
  // An approved unit is represented by the version approved; any other by its latest.
  const effective = new Map<string, VersionDoc>();
  for (const [code, list] of history) effective.set(code, list[list.length - 1]!);
  for (const l of locks) {
    const approved = l.versionId ? byId.get(l.versionId) : undefined;
    if (approved) effective.set(l.unit, approved);
  }
  const returned = new Set<string>();
  for (const d of reviews.docs) {
    const r = d.data() as { unit: string; versionId: string | null; decision: string };
    if (r.decision === 'return' && r.versionId && effective.get(r.unit)?.id === r.versionId)
      returned.add(r.unit);
  }
  const dueAt = deadline.exists ? ((deadline.data() as { dueAt: Timestamp }).dueAt ?? null) : null;
  return { units, effective, history, locks, rulebook, dueAt, returned };
}

function keyOf(unit: UnitDoc, period: Period, inp: Inputs, previousKey: string | null): string {
  return hashOf({
    unit: unit.code,
    period: period.key,
    rulebook: [inp.rulebook.id, inp.rulebook.version],
    units: inp.units.map((u) => [u.code, u.parentCode, u.name, u.level]).sort(),
    versions: [...inp.effective.values()].map((v) => v.id).sort(),
    locks: inp.locks.map((l) => l.unit).sort(),
    returned: [...inp.returned].sort(),
    dueAt: inp.dueAt ? inp.dueAt.toMillis() : null,
    previousKey,
  });
}

export async function computeRollup(
  unit: UnitDoc,
  period: Period,
  withTrend: boolean,
): Promise<RollupResult> {
  const [inp, previous] = await Promise.all([
    readInputs(unit, period),
    withTrend
      ? computeRollup(unit, parsePeriodKey(previousPeriodKey(period)), false)
      : Promise.resolve(undefined),
  ]);
  const key = keyOf(unit, period, inp, previous?.key ?? null);
  const cacheRef = db().collection(COLLECTIONS.rollups).doc(ids.rollup(unit.code, period.key));
  const cached = await cacheRef.get();
  if (cached.exists && (cached.data() as { key: string }).key === key) {
    return { ...(JSON.parse((cached.data() as { json: string }).json) as RollupResult), cached: true };
  }

  const result = build(unit, period, inp, key, previous);
  // Derived data: overwriting is safe, the key says what it was computed from.
  await cacheRef.set({
    unit: unit.code,
    period: period.key,
    key,
    json: JSON.stringify(result),
    at: FieldValue.serverTimestamp(),
  });
  return result;
}

function build(
  unit: UnitDoc,
  period: Period,
  inp: Inputs,
  key: string,
  previous: RollupResult | undefined,
): RollupResult {
  const childrenOf = new Map<string, UnitDoc[]>();
  for (const u of inp.units) {
    if (!u.parentCode) continue;
    const list = childrenOf.get(u.parentCode);
    if (list) list.push(u);
    else childrenOf.set(u.parentCode, [u]);
  }
  for (const list of childrenOf.values()) list.sort((a, b) => a.code.localeCompare(b.code));

  const leaves = new Map<string, number>();
  const submittedLeaves = new Map<string, number>();
  const summaries = new Map<string, UnitSummary | undefined>();
  const summaryOf = (u: UnitDoc): UnitSummary | undefined => {
    if (summaries.has(u.code)) return summaries.get(u.code);
    const kids = childrenOf.get(u.code) ?? [];
    let s: UnitSummary | undefined;
    if (kids.length === 0) {
      s = inp.effective.get(u.code)?.summary;
      leaves.set(u.code, 1);
      submittedLeaves.set(u.code, s ? 1 : 0);
    } else {
      const childSummaries = kids.map(summaryOf).filter((x): x is UnitSummary => !!x);
      leaves.set(
        u.code,
        kids.reduce((n, k) => n + (leaves.get(k.code) ?? 0), 0),
      );
      submittedLeaves.set(
        u.code,
        kids.reduce((n, k) => n + (submittedLeaves.get(k.code) ?? 0), 0),
      );
      s =
        childSummaries.length > 0
          ? aggregate(childSummaries, {
              parent: unitRef(u),
              period,
              rulebook: inp.rulebook,
              expected: kids.map(unitRef),
            }).summary
          : undefined;
    }
    summaries.set(u.code, s);
    return s;
  };

  const kids = childrenOf.get(unit.code) ?? [];
  let rollup: Rollup;
  if (kids.length === 0) {
    const own = inp.effective.get(unit.code);
    const targets = own ? ((JSON.parse(own.resultJson) as { targets: TargetResult[] }).targets ?? []) : [];
    const ref = unitRef(unit);
    rollup = {
      summary: own?.summary ?? emptySummary(ref, period, inp.rulebook),
      targets,
      children: [],
      completeness: { expected: 1, submitted: own ? [ref] : [], missing: own ? [] : [ref], unexpected: [] },
      weakest: [],
    };
  } else {
    const childSummaries = kids.map(summaryOf).filter((x): x is UnitSummary => !!x);
    rollup = aggregate(childSummaries, {
      parent: unitRef(unit),
      period,
      rulebook: inp.rulebook,
      expected: kids.map(unitRef),
      ...(previous && previous.rollup.summary.unitsIncluded > 0
        ? { previous: [previous.rollup.summary] }
        : {}),
    });
  }

  const lockedUnits = new Set(inp.locks.map((l) => l.unit));
  const dueMs = inp.dueAt ? inp.dueAt.toMillis() : null;
  const children: ChildRow[] = kids.map((k) => {
    const own = inp.effective.get(k.code);
    const hist = inp.history.get(k.code) ?? [];
    const first = hist[0];
    const submitted = (submittedLeaves.get(k.code) ?? 0) > 0 || !!own;
    const status: ChildStatus = lockedUnits.has(k.code)
      ? 'approved'
      : inp.returned.has(k.code)
        ? 'returned'
        : submitted
          ? 'submitted'
          : 'missing';
    return {
      unit: unitRef(k),
      status,
      versionId: own?.id ?? null,
      seq: own?.seq ?? null,
      firstSubmittedAt: iso(first?.createdAt),
      lastSubmittedAt: iso(hist[hist.length - 1]?.createdAt),
      late: dueMs !== null && first ? first.createdAt.toMillis() > dueMs : null,
      unitsSubmitted: submittedLeaves.get(k.code) ?? 0,
      unitsExpected: leaves.get(k.code) ?? 0,
    };
  });

  return {
    unit: unitRef(unit),
    period,
    rulebook: { id: inp.rulebook.id, version: inp.rulebook.version },
    rollup,
    children,
    timeliness: {
      dueAt: iso(inp.dueAt),
      late: children.filter((c) => c.late === true).map((c) => c.unit.code),
      onTime: children.filter((c) => c.late === false).map((c) => c.unit.code),
      missing: children.filter((c) => c.status === 'missing').map((c) => c.unit.code),
    },
    trend: previous
      ? [
          {
            periodKey: previous.period.key,
            summary: previous.rollup.summary.unitsIncluded > 0 ? previous.rollup.summary : null,
          },
          { periodKey: period.key, summary: rollup.summary },
        ]
      : [],
    key,
    computedAt: new Date().toISOString(),
    cached: false,
  };
}

function emptySummary(unit: ReturnType<typeof unitRef>, period: Period, rulebook: Rulebook): UnitSummary {
  return aggregate([], { parent: unit, period, rulebook, expected: [unit] }).summary;
}
