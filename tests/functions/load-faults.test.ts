/**
 * Load and faults against the real emulators: 300 sibling units submitting 20 at a time, and
 * the emulators killed in the middle of a run of submissions and started again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { aggregate, evaluate, type Rulebook, type UnitRef, type WorkbookData } from '@kiemtra/shared';
import { COLLECTIONS } from '../../functions/src/config.ts';
import type { RollupResult } from '../../functions/src/handlers/rollup.ts';
import { DEMO_PASSWORD } from '../../functions/tools/seed.ts';
import { sleep } from '../../functions/tools/emulators.ts';
import { startStack, type Stack } from './harness.ts';

const PERIOD = '2023';
const period = { kind: 'year' as const, key: PERIOD, fromYear: 2023, toYear: 2023, months: 12 };
const LOAD = Number(process.env.KIEMTRA_LOAD ?? 300);
const FAULT = 48;

type Ref = UnitRef & { code: string };
const district = (code: string, name: string): Ref => ({ code, name, level: 'Huyện', parentCode: 'SL' });
const communes = (parent: string, n: number): Ref[] =>
  Array.from({ length: n }, (_, i) => ({
    code: `${parent}${String(i + 1).padStart(3, '0')}`,
    name: `Đảng bộ xã ${parent} ${i + 1}`,
    level: 'Xã',
    parentCode: parent,
  }));
const LD = district('LD', 'Đảng bộ huyện Tải');
const FD = district('FD', 'Đảng bộ huyện Sự Cố');
const LD_UNITS = communes('LD', LOAD);
const FD_UNITS = communes('FD', FAULT);

let stack: Stack;
let clean: WorkbookData[];
let rulebook: Rulebook;

const toRow = (u: Ref) => ({
  code: u.code,
  name: u.name,
  parentCode: u.parentCode ?? null,
  level: u.level ?? '',
});

beforeAll(async () => {
  stack = await startStack({
    portOffset: 10,
    projectId: 'demo-kiemtra-load',
    extraUnits: [LD, FD, ...LD_UNITS, ...FD_UNITS].map(toRow),
  });
  await stack.createUser({
    uid: 'editor-ld',
    email: 'nhaplieu.ld@kiemtra.test',
    role: 'editor',
    scope: 'LD',
  });
  await stack.createUser({
    uid: 'editor-fd',
    email: 'nhaplieu.fd@kiemtra.test',
    role: 'editor',
    scope: 'FD',
  });
  clean = stack.sample.workbooks.filter((w) => w.clean).map((w) => w.data);
  rulebook = (
    await stack.client.must<{ rulebook: Rulebook }>(
      'rulebook',
      { action: 'get', unit: 'LD', period: PERIOD },
      stack.adminToken,
    )
  ).rulebook;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

function localSummary(parent: Ref, units: Ref[]) {
  const summaries = units.map(
    (u, i) => evaluate({ ...clean[i % clean.length]!, unit: u, period }, { rulebook }).summary,
  );
  return JSON.parse(
    JSON.stringify(aggregate(summaries, { parent, period, rulebook, expected: units })),
  ) as ReturnType<typeof aggregate>;
}

async function versionsUnder(parent: string) {
  const snap = await stack.client.db.collection(COLLECTIONS.versions).where('parentCode', '==', parent).get();
  return snap.docs.map((d) => d.data() as { id: string; unit: string; seq: number });
}

/** Runs tasks with at most `width` in flight. */
async function pool<T>(items: T[], width: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await task(items[next++]!);
    }),
  );
}

describe('load', () => {
  it(`${LOAD} submissions from sibling units, 20 at a time: every one stored, rollup exact`, async () => {
    const token = await stack.token('nhaplieu.ld@kiemtra.test');
    const times: number[] = [];
    const started = performance.now();
    const statuses: string[] = [];
    let retries = 0;
    await pool(
      LD_UNITS.map((u, i) => ({ u, i })),
      20,
      async ({ u, i }) => {
        // A submission is idempotent (its version id derives from unit, period and content), so
        // a client that hears nothing within a minute sends it again, as the add-in does. The
        // emulator occasionally loses one request of a burst; a retry must not store it twice.
        let r: Awaited<ReturnType<typeof stack.client.call<{ status: string }>>> | undefined;
        for (let attempt = 0; attempt < 3 && !r?.ok; attempt++) {
          if (attempt > 0) retries++;
          try {
            r = await stack.client.call<{ status: string }>(
              'submit',
              { unit: u.code, period: PERIOD, data: clean[i % clean.length] },
              token,
              { timeoutMs: 60_000 },
            );
          } catch (e) {
            if (!(e instanceof Error && e.name === 'TimeoutError')) throw e;
          }
        }
        if (!r?.ok) throw new Error(`${u.code}: ${r ? `${r.error.status} ${r.error.message}` : 'no answer'}`);
        statuses.push(r.result.status);
        if (statuses.length % 50 === 0)
          console.log(
            `load: ${statuses.length} stored after ${((performance.now() - started) / 1000).toFixed(1)} s`,
          );
        times.push(r.ms);
      },
    );
    const wall = (performance.now() - started) / 1000;
    times.sort((a, b) => a - b);
    console.log(
      `load: ${LOAD} submissions in ${wall.toFixed(1)} s (${(LOAD / wall).toFixed(1)}/s), ` +
        `p50 ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, p95 ${times[Math.floor(times.length * 0.95)]!.toFixed(0)} ms`,
    );
    console.log(`load: ${retries} calls sent again after a minute without an answer`);
    // A retried call may find its first attempt already stored: "unchanged", never a second copy.
    expect(statuses).toHaveLength(LOAD);
    expect(statuses.filter((s) => s !== 'created' && s !== 'unchanged')).toEqual([]);
    expect(statuses.filter((s) => s === 'unchanged').length).toBeLessThanOrEqual(retries);

    const stored = await versionsUnder('LD');
    expect(new Set(stored.map((v) => v.unit)).size).toBe(LOAD);
    expect(stored).toHaveLength(LOAD);

    const r0 = performance.now();
    const server = await stack.client.must<RollupResult>('rollup', { unit: 'LD', period: PERIOD }, token);
    console.log(`load: rollup of ${LOAD} units ${(performance.now() - r0).toFixed(0)} ms`);
    const local = localSummary(LD, LD_UNITS);
    expect(server.rollup.summary.unitsIncluded).toBe(LOAD);
    expect(server.rollup.summary).toEqual(local.summary);
    expect(server.rollup.targets).toEqual(local.targets);
    expect(server.rollup.completeness.missing).toEqual([]);
  }, 600_000);
});

describe('faults', () => {
  it('emulators killed mid-run and restarted: acknowledged submissions stored, nothing half-written, retries succeed', async () => {
    const acked = new Map<string, string>();
    let token = await stack.token('nhaplieu.fd@kiemtra.test');
    let killed = false;
    let killing: Promise<void> | undefined;
    let failures = 0;

    const submitUntilStored = async ({ u, i }: { u: Ref; i: number }) => {
      let last = '';
      for (let attempt = 0; attempt < 240; attempt++) {
        try {
          const r = await stack.client.call<{ status: string; version: { id: string } }>(
            'submit',
            { unit: u.code, period: PERIOD, data: clean[i % clean.length] },
            token,
          );
          if (r.ok) {
            acked.set(u.code, r.result.version.id);
            if (!killed && acked.size >= 12) {
              killed = true;
              killing = stack.restartEmulators();
            }
            return;
          }
          failures++;
          last = `${r.error.status} ${r.error.message} ${JSON.stringify(r.error.details)}`;
          if (r.error.status === 'UNAUTHENTICATED') {
            token = await stack.client.signIn('nhaplieu.fd@kiemtra.test', DEMO_PASSWORD).catch(() => token);
          } else if (!['INTERNAL', 'UNAVAILABLE', 'UNPARSEABLE', 'UNKNOWN'].includes(r.error.status)) {
            throw new Error(`${u.code}: ${r.error.status} ${r.error.message}`);
          }
        } catch (e) {
          if (String(e).includes(u.code)) throw e;
          failures++; // connection refused or reset while the emulators are down
          last = String(e);
        }
        await sleep(500);
      }
      throw new Error(`${u.code}: never stored (${last})`);
    };

    await pool(
      FD_UNITS.map((u, i) => ({ u, i })),
      6,
      submitUntilStored,
    );
    await killing;
    console.log(`faults: ${FAULT} units, ${failures} failed attempts retried across the restart`);
    expect(killed).toBe(true);
    expect(failures).toBeGreaterThan(0);
    expect(acked.size).toBe(FAULT);

    // Every acknowledged version is stored, once per unit, whole (content and audit beside it).
    const stored = await versionsUnder('FD');
    expect(stored).toHaveLength(FAULT);
    const byUnit = new Map(stored.map((v) => [v.unit, v]));
    for (const [code, id] of acked) {
      expect(byUnit.get(code)?.id).toBe(id);
      expect(byUnit.get(code)?.seq).toBe(1);
    }
    const ids = stored.map((v) => v.id);
    const db = stack.client.db;
    const contents = await db.getAll(...ids.map((id) => db.collection(COLLECTIONS.contents).doc(id)));
    const audits = await db.getAll(...ids.map((id) => db.collection(COLLECTIONS.audit).doc(`submit__${id}`)));
    expect(contents.every((s) => s.exists)).toBe(true);
    expect(audits.every((s) => s.exists)).toBe(true);

    // A retry after the restart lands on the same version and changes nothing.
    const token2 = await stack.client.signIn('nhaplieu.fd@kiemtra.test', DEMO_PASSWORD);
    const retry = await stack.client.must<{ status: string; version: { id: string } }>(
      'submit',
      { unit: FD_UNITS[0]!.code, period: PERIOD, data: clean[0] },
      token2,
    );
    expect(retry.status).toBe('unchanged');
    expect(retry.version.id).toBe(acked.get(FD_UNITS[0]!.code));

    const server = await stack.client.must<RollupResult>('rollup', { unit: 'FD', period: PERIOD }, token2);
    expect(server.rollup.summary).toEqual(localSummary(FD, FD_UNITS).summary);
  }, 300_000);
});
