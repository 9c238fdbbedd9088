/**
 * `npm run bench:functions`: latency of validate, submit and rollup through the callable
 * protocol against the local emulators, and the roll-up of a 700-unit province against
 * reading those 700 version documents alone (a ratio, since this machine is noisy).
 */
import { Timestamp } from 'firebase-admin/firestore';
import { evaluate, type Rulebook } from '@kiemtra/shared';
import { COLLECTIONS } from '../functions/src/config.ts';
import { StackClient } from '../functions/tools/client.ts';
import {
  buildFunctions,
  portBlock,
  startFirebaseEmulators,
  startFirestore,
} from '../functions/tools/emulators.ts';
import { sampleDistrict, seedProvince, seedUsers, demoUsers, type UnitRow } from '../functions/tools/seed.ts';

const PERIOD = '2023';
const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const ports = portBlock(Number(process.env.KIEMTRA_BENCH_PORT_BASE ?? 7290));

function pct(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(s.length * p))]!;
}
const fmt = (xs: number[]) =>
  `p50 ${pct(xs, 0.5).toFixed(0)} ms, p95 ${pct(xs, 0.95).toFixed(0)} ms (n=${xs.length})`;

// The bench province: 20 districts × 35 communes = 700 units that report.
const BP = { code: 'BP', name: 'Đảng bộ tỉnh Đo Thử', parentCode: null, level: 'Tỉnh' };
const districts: UnitRow[] = Array.from({ length: 20 }, (_, d) => ({
  code: `BP${String(d + 1).padStart(2, '0')}`,
  name: `Đảng bộ huyện ${d + 1}`,
  parentCode: 'BP',
  level: 'Huyện',
}));
const communes: UnitRow[] = districts.flatMap((d) =>
  Array.from({ length: 35 }, (_, c) => ({
    code: `${d.code}${String(c + 1).padStart(2, '0')}`,
    name: `Đảng bộ xã ${d.code}-${c + 1}`,
    parentCode: d.code,
    level: 'Xã',
  })),
);
const benchUnits: UnitRow[] = [
  ...Array.from({ length: RUNS }, (_, i) => ({
    code: `BS${String(i + 1).padStart(3, '0')}`,
    name: `Xã đo ${i + 1}`,
    parentCode: 'SC',
    level: 'Xã',
  })),
];

const firestore = await startFirestore(ports.firestore);
await buildFunctions();
const emulators = await startFirebaseEmulators({ projectId: 'demo-kiemtra-bench', ports });
const client = new StackClient(emulators);
try {
  await seedUsers(client, demoUsers());
  const sample = sampleDistrict(9);
  const token = await seedProvince(client, [...sample.units, ...benchUnits, BP, ...districts, ...communes]);
  const clean = sample.workbooks.filter((w) => w.clean).map((w) => w.data);

  // Warm the function workers once each.
  for (const name of ['validate', 'submit', 'rollup'] as const) {
    await client.call(
      name,
      name === 'rollup' ? { unit: 'SC', period: PERIOD } : { unit: 'SC03', period: PERIOD, data: clean[0] },
      token,
    );
  }

  const validate: number[] = [];
  for (let i = 0; i < RUNS; i++)
    validate.push(
      (await client.must2('validate', { unit: 'SC03', period: PERIOD, data: clean[i % 3] }, token)).ms,
    );
  const submit: number[] = [];
  for (let i = 0; i < RUNS; i++)
    submit.push(
      (await client.must2('submit', { unit: benchUnits[i]!.code, period: PERIOD, data: clean[i % 3] }, token))
        .ms,
    );
  const rollupHit: number[] = [];
  const rollupMiss: number[] = [];
  const cacheRef = client.db.collection(COLLECTIONS.rollups).doc(`SC__${PERIOD}`);
  for (let i = 0; i < RUNS; i++) {
    await cacheRef.delete();
    rollupMiss.push((await client.must2('rollup', { unit: 'SC', period: PERIOD }, token)).ms);
    rollupHit.push((await client.must2('rollup', { unit: 'SC', period: PERIOD }, token)).ms);
  }

  // The 700-unit province: versions stored the way submit stores them.
  const rulebook = (
    await client.must<{ rulebook: Rulebook }>(
      'rulebook',
      { action: 'get', unit: 'BP', period: PERIOD },
      token,
    )
  ).rulebook;
  const period = { kind: 'year' as const, key: PERIOD, fromYear: 2023, toYear: 2023, months: 12 };
  const summaries = clean.map((d) => evaluate({ ...d, period }, { rulebook }));
  const ids: string[] = [];
  for (let i = 0; i < communes.length; i += 350) {
    const batch = client.db.batch();
    for (const [j, u] of communes.slice(i, i + 350).entries()) {
      const ev = summaries[(i + j) % 3]!;
      const ref = { code: u.code, name: u.name, level: u.level, parentCode: u.parentCode! };
      const id = `${u.code}__${PERIOD}__bench`;
      ids.push(id);
      batch.create(client.db.collection(COLLECTIONS.versions).doc(id), {
        id,
        unit: u.code,
        parentCode: u.parentCode,
        ancestors: ['BP', u.parentCode, u.code],
        period: PERIOD,
        seq: 1,
        previousVersion: null,
        contentHash: id,
        createdAt: Timestamp.now(),
        by: { uid: 'bench', role: 'editor' },
        rulebook: { id: rulebook.id, version: rulebook.version },
        summary: JSON.parse(JSON.stringify({ ...ev.summary, unit: ref })),
        totals: { error: 0, warning: 0, info: 0, justified: 0 },
        resultJson: JSON.stringify({
          targets: ev.targets,
          justified: [],
          issueCount: ev.issues.length,
          issues: [],
        }),
        dataBytes: 0,
      });
    }
    await batch.commit();
  }
  const provinceCache = client.db.collection(COLLECTIONS.rollups);
  const readAlone: number[] = [];
  const provinceMiss: number[] = [];
  const provinceHit: number[] = [];
  const refs = ids.map((id) => client.db.collection(COLLECTIONS.versions).doc(id));
  let unitsIncluded = 0;
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    const snaps = await client.db.getAll(...refs);
    readAlone.push(performance.now() - t0);
    if (snaps.filter((s) => s.exists).length !== 700) throw new Error('province not stored');
    for (const key of [PERIOD, '2022']) await provinceCache.doc(`BP__${key}`).delete();
    const miss = await client.must2<{ rollup: { summary: { unitsIncluded: number } } }>(
      'rollup',
      { unit: 'BP', period: PERIOD },
      token,
    );
    provinceMiss.push(miss.ms);
    unitsIncluded = miss.result.rollup.summary.unitsIncluded;
    provinceHit.push((await client.must2('rollup', { unit: 'BP', period: PERIOD }, token)).ms);
  }

  const base = pct(readAlone, 0.5);
  console.log(`
kiemtra functions benchmark (local emulators, ${RUNS} calls each, sample commune workbook ≈ ${Math.round(JSON.stringify(clean[0]).length / 1024)} KB)
  validate                       ${fmt(validate)}
  submit                         ${fmt(submit)}
  rollup, district (cache miss)  ${fmt(rollupMiss)}
  rollup, district (cache hit)   ${fmt(rollupHit)}
Province of ${communes.length} units (20 districts × 35 communes; ${unitsIncluded} units in the roll-up):
  reading the 700 versions alone ${fmt(readAlone)}
  rollup (cache miss)            ${fmt(provinceMiss)}  → ${(pct(provinceMiss, 0.5) / base).toFixed(1)}× the read alone
  rollup (cache hit)             ${fmt(provinceHit)}  → ${(pct(provinceHit, 0.5) / base).toFixed(1)}× the read alone`);
} finally {
  await emulators.kill();
  await client.close();
  firestore.stop();
}
