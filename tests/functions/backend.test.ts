/**
 * The Firebase backend end to end against the real emulators: sample workbooks submitted,
 * rolled up and compared with the engine's local aggregation; versions, review and locks;
 * access for every role; refused tokens; bad input that stores nothing.
 */
import { createSign, generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  aggregate,
  evaluate,
  readWorkbook,
  type Rulebook,
  type UnitRef,
  type WorkbookData,
} from '@kiemtra/shared';
import { COLLECTIONS, LIMITS } from '../../functions/src/config.ts';
import type { RollupResult } from '../../functions/src/handlers/rollup.ts';
import { startStack, type Stack } from './harness.ts';

const PERIOD = '2023';
const TD: UnitRef & { code: string } = {
  code: 'TD',
  name: 'Đảng bộ huyện Thử Nghiệm',
  level: 'Huyện',
  parentCode: 'SL',
};
const TD_COMMUNES = ['TD1', 'TD2', 'TD3'].map((code, i) => ({
  code,
  name: `Đảng bộ xã Thử ${i + 1}`,
  level: 'Xã',
  parentCode: 'TD',
}));

let stack: Stack;
let workbooks: WorkbookData[];
let rulebook: Rulebook;
const T: Record<string, string> = {};

type SubmitResult = {
  status: 'created' | 'unchanged';
  version: { id: string; seq: number; contentHash: string };
};

async function counts() {
  const c = stack.client;
  return {
    versions: await c.count(COLLECTIONS.versions),
    contents: await c.count(COLLECTIONS.contents),
    audit: await c.count(COLLECTIONS.audit),
    locks: await c.count(COLLECTIONS.locks),
    reviews: await c.count(COLLECTIONS.reviews),
  };
}

function localRollup(datas: WorkbookData[], units: (UnitRef & { code: string })[]) {
  const period = { kind: 'year' as const, key: PERIOD, fromYear: 2023, toYear: 2023, months: 12 };
  const summaries = datas.map((d, i) => evaluate({ ...d, unit: units[i]!, period }, { rulebook }).summary);
  const r = aggregate(summaries, { parent: TD, period, rulebook, expected: TD_COMMUNES });
  return JSON.parse(JSON.stringify(r)) as typeof r;
}

/** An ID token with its payload changed and no signature, as the Auth emulator mints them. */
function editToken(token: string, edit: (p: Record<string, unknown>) => void): string {
  const [h, p] = token.split('.');
  const payload = JSON.parse(Buffer.from(p!, 'base64url').toString()) as Record<string, unknown>;
  edit(payload);
  return `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.`;
}

beforeAll(async () => {
  stack = await startStack({
    portOffset: 0,
    projectId: 'demo-kiemtra-test',
    extraUnits: [
      { code: 'TD', name: TD.name, parentCode: 'SL', level: 'Huyện' },
      ...TD_COMMUNES.map((u) => ({ code: u.code, name: u.name, parentCode: 'TD', level: u.level })),
    ],
  });
  const extra = [
    { uid: 'editor-td', email: 'nhaplieu.td@kiemtra.test', role: 'editor' as const, scope: 'TD' },
    { uid: 'reviewer-td', email: 'duyet.td@kiemtra.test', role: 'reviewer' as const, scope: 'TD' },
    { uid: 'viewer-td2', email: 'xem.td2@kiemtra.test', role: 'viewer' as const, scope: 'TD2' },
    { uid: 'noclaims', email: 'chua.cap.quyen@kiemtra.test' },
  ];
  for (const u of extra) await stack.createUser(u);
  for (const email of [
    'nhaplieu.td@kiemtra.test',
    'duyet.td@kiemtra.test',
    'xem.td2@kiemtra.test',
    'duyet.sonla@kiemtra.test',
    'xem.sopcop@kiemtra.test',
    'xem.maison@kiemtra.test',
    'nhaplieu.sc03@kiemtra.test',
    'chua.cap.quyen@kiemtra.test',
  ]) {
    T[email] = await stack.token(email);
  }
  workbooks = stack.sample.workbooks.filter((w) => w.clean).map((w) => w.data);
  rulebook = (
    await stack.client.must<{ rulebook: Rulebook }>(
      'rulebook',
      { action: 'get', unit: 'TD', period: PERIOD },
      stack.adminToken,
    )
  ).rulebook;
}, 240_000);

afterAll(async () => {
  await stack?.stop();
});

describe('end to end: three communes, rollup, versions, review and locks', () => {
  it('stores each commune once and the district rollup equals the engine run locally', async () => {
    expect(workbooks).toHaveLength(3);
    const editor = T['nhaplieu.td@kiemtra.test']!;
    for (let i = 0; i < 3; i++) {
      const r = await stack.client.must<SubmitResult>(
        'submit',
        { unit: TD_COMMUNES[i]!.code, period: PERIOD, data: workbooks[i] },
        editor,
      );
      expect(r.status).toBe('created');
      expect(r.version.seq).toBe(1);
    }
    const viewer = T['duyet.td@kiemtra.test']!;
    const server = await stack.client.must<RollupResult>('rollup', { unit: 'TD', period: PERIOD }, viewer);
    const local = localRollup(workbooks, TD_COMMUNES);
    expect(server.rollup.summary.counts.members).toBeGreaterThan(0);
    expect(server.rollup.summary).toEqual(local.summary);
    expect(server.rollup.targets).toEqual(local.targets);
    expect(server.rollup.weakest).toEqual(local.weakest);
    expect(server.rollup.completeness.missing).toEqual([]);
    expect(server.children.map((c) => c.status)).toEqual(['submitted', 'submitted', 'submitted']);
    expect(server.cached).toBe(false);
    const again = await stack.client.must<RollupResult>('rollup', { unit: 'TD', period: PERIOD }, viewer);
    expect(again.cached).toBe(true);
    expect(again.key).toBe(server.key);
  });

  it('a changed resubmission makes a new version and the rollup follows; an identical one changes nothing', async () => {
    const editor = T['nhaplieu.td@kiemtra.test']!;
    const changed = structuredClone(workbooks[0]!);
    const rec = changed.records.find((r) => r.kind === 'partyCells' && r.values['meetingsRegular'] === 12)!;
    rec.values['meetingsRegular'] = 9;
    rec.cells['meetingsRegular'] = { ...rec.cells['meetingsRegular']!, raw: 9 };
    const before = await counts();
    const r = await stack.client.must<SubmitResult>(
      'submit',
      { unit: 'TD1', period: PERIOD, data: changed },
      editor,
    );
    expect(r.status).toBe('created');
    expect(r.version.seq).toBe(2);
    const after = await counts();
    expect(after.versions - before.versions).toBe(1);
    expect(after.audit - before.audit).toBe(1);

    const server = await stack.client.must<RollupResult>('rollup', { unit: 'TD', period: PERIOD }, editor);
    const local = localRollup([changed, workbooks[1]!, workbooks[2]!], TD_COMMUNES);
    expect(server.cached).toBe(false);
    expect(server.rollup.summary).toEqual(local.summary);
    const old = localRollup(workbooks, TD_COMMUNES);
    expect(server.rollup.summary.counts.cellsAllRegularMeetings).toBe(
      old.summary.counts.cellsAllRegularMeetings - 1,
    );

    const same = await stack.client.must<SubmitResult>(
      'submit',
      { unit: 'TD1', period: PERIOD, data: changed },
      editor,
    );
    expect(same.status).toBe('unchanged');
    expect(same.version.id).toBe(r.version.id);
    expect(await counts()).toEqual(after);
    workbooks[0] = changed;
  });

  it('review: return with a comment, approve, lock; a parent waits for all its children', async () => {
    const reviewer = T['duyet.td@kiemtra.test']!;
    const province = T['duyet.sonla@kiemtra.test']!;
    const returned = await stack.client.call(
      'review',
      { unit: 'TD2', period: PERIOD, decision: 'return' },
      reviewer,
    );
    expect(returned.ok).toBe(false);
    must(
      await stack.client.call(
        'review',
        { unit: 'TD2', period: PERIOD, decision: 'return', comment: 'Bổ sung giải trình' },
        reviewer,
      ),
    );
    let pic = await stack.client.must<RollupResult>('rollup', { unit: 'TD', period: PERIOD }, reviewer);
    expect(pic.children.find((c) => c.unit.code === 'TD2')!.status).toBe('returned');

    for (const code of ['TD1', 'TD2']) {
      expect(
        must(
          await stack.client.call<{ status: string }>(
            'review',
            { unit: code, period: PERIOD, decision: 'approve' },
            reviewer,
          ),
        ).status,
      ).toBe('approved');
    }
    const early = await stack.client.call(
      'review',
      { unit: 'TD', period: PERIOD, decision: 'approve' },
      province,
    );
    expect(early.ok).toBe(false);
    if (!early.ok) {
      expect(early.error.status).toBe('FAILED_PRECONDITION');
      expect(early.error.details?.['unapproved']).toEqual(['TD3']);
      expect(early.error.details?.en).toContain('TD3');
    }
    must(await stack.client.call('review', { unit: 'TD3', period: PERIOD, decision: 'approve' }, reviewer));
    must(await stack.client.call('review', { unit: 'TD', period: PERIOD, decision: 'approve' }, province));

    pic = await stack.client.must<RollupResult>('rollup', { unit: 'TD', period: PERIOD }, reviewer);
    expect(pic.children.map((c) => c.status)).toEqual(['approved', 'approved', 'approved']);

    const before = await counts();
    const locked = await stack.client.call(
      'submit',
      { unit: 'TD1', period: PERIOD, data: workbooks[1] },
      T['nhaplieu.td@kiemtra.test']!,
    );
    expect(locked.ok).toBe(false);
    if (!locked.ok) {
      expect(locked.error.status).toBe('FAILED_PRECONDITION');
      expect(locked.error.message).toContain('khóa');
      expect(locked.error.details?.en).toContain('locked');
    }
    expect(await counts()).toEqual(before);
  });
});

describe('access', () => {
  const deny = async (name: string, data: unknown, email: string) => {
    const r = await stack.client.call(name, data, T[email] ?? (await stack.token(email)));
    expect(r.ok, `${email} → ${name} ${JSON.stringify(data).slice(0, 80)}`).toBe(false);
    if (!r.ok) expect(r.error.status).toBe('PERMISSION_DENIED');
  };
  const allow = async (name: string, data: unknown, email: string) => {
    const r = await stack.client.call(name, data, T[email] ?? (await stack.token(email)));
    expect(r.ok, `${email} → ${name}: ${r.ok ? '' : r.error.message}`).toBe(true);
  };

  it('viewer reads its subtree only; another unit is never readable', async () => {
    await allow('rollup', { unit: 'TD2', period: PERIOD }, 'xem.td2@kiemtra.test');
    await deny('rollup', { unit: 'TD1', period: PERIOD }, 'xem.td2@kiemtra.test');
    await deny('rollup', { unit: 'TD', period: PERIOD }, 'xem.td2@kiemtra.test');
    await allow('rollup', { unit: 'SC', period: PERIOD }, 'xem.sopcop@kiemtra.test');
    await deny('rollup', { unit: 'TD', period: PERIOD }, 'xem.sopcop@kiemtra.test');
    await deny('rollup', { unit: 'SL', period: PERIOD }, 'xem.sopcop@kiemtra.test');
    await deny('rollup', { unit: 'SC01', period: PERIOD }, 'xem.maison@kiemtra.test');
    await deny('units', { action: 'list', unit: 'TD' }, 'xem.maison@kiemtra.test');
    await deny('rulebook', { action: 'get', unit: 'TD', period: PERIOD }, 'xem.maison@kiemtra.test');
    await deny('validate', { unit: 'TD1', period: PERIOD, data: workbooks[0] }, 'xem.maison@kiemtra.test');
    await deny(
      'submit',
      { unit: 'TD2', period: '2024', data: { ...workbooks[1]!, period: undefined } },
      'xem.td2@kiemtra.test',
    );
  });

  it('editor submits within its subtree only; reviewer reviews direct children only', async () => {
    const data = stack.sample.workbooks.find((w) => w.code === 'SC03')!.data;
    await deny('submit', { unit: 'SC06', period: PERIOD, data }, 'nhaplieu.sc03@kiemtra.test');
    await deny(
      'submit',
      { unit: 'TD2', period: '2024', data: { ...data, period: undefined } },
      'nhaplieu.sc03@kiemtra.test',
    );
    await allow('submit', { unit: 'SC03', period: PERIOD, data }, 'nhaplieu.sc03@kiemtra.test');
    await allow('rollup', { unit: 'SC03', period: PERIOD }, 'nhaplieu.sc03@kiemtra.test');
    await deny('rollup', { unit: 'SC', period: PERIOD }, 'nhaplieu.sc03@kiemtra.test');
    await deny('review', { unit: 'SC03', period: PERIOD, decision: 'approve' }, 'nhaplieu.sc03@kiemtra.test');
    await deny('review', { unit: 'SC03', period: PERIOD, decision: 'approve' }, 'duyet.td@kiemtra.test');
    await deny('review', { unit: 'SC03', period: PERIOD, decision: 'approve' }, 'duyet.sonla@kiemtra.test');
    await deny('review', { unit: 'SC03', period: PERIOD, decision: 'approve' }, 'xem.sopcop@kiemtra.test');
  });

  it('admin callables refuse other roles; an account without a role can do nothing', async () => {
    await deny(
      'units',
      { action: 'import', rows: [{ code: 'X1', name: 'X', parentCode: 'TD' }] },
      'duyet.td@kiemtra.test',
    );
    await deny(
      'users',
      { action: 'grant', email: 'xem.td2@kiemtra.test', role: 'admin', scope: '*' },
      'nhaplieu.td@kiemtra.test',
    );
    await deny('rulebook', { action: 'put', scope: 'SL', rulebook }, 'duyet.sonla@kiemtra.test');
    await deny('rollup', { unit: 'TD2', period: PERIOD }, 'chua.cap.quyen@kiemtra.test');
    // A province admin manages its province only.
    await deny(
      'users',
      { action: 'grant', email: 'xem.td2@kiemtra.test', role: 'admin', scope: '*' },
      'quantri.sonla@kiemtra.test',
    );
    await allow(
      'users',
      {
        action: 'grant',
        email: 'moi.td3@kiemtra.test',
        password: 'mat-khau-moi',
        role: 'viewer',
        scope: 'TD3',
      },
      'quantri.sonla@kiemtra.test',
    );
    const t = await stack.client.signIn('moi.td3@kiemtra.test', 'mat-khau-moi');
    expect((await stack.client.call('rollup', { unit: 'TD3', period: PERIOD }, t)).ok).toBe(true);
    expect((await stack.client.call('rollup', { unit: 'TD2', period: PERIOD }, t)).ok).toBe(false);
  });

  it('missing, expired and forged tokens are refused; the genuine token is accepted', async () => {
    const genuine = T['xem.td2@kiemtra.test']!;
    const call = (token?: string) => stack.client.call('rollup', { unit: 'TD2', period: PERIOD }, token);
    expect((await call(genuine)).ok).toBe(true);

    const refused = async (token: string | undefined, what: string) => {
      const r = await call(token);
      expect(r.ok, what).toBe(false);
      if (!r.ok) {
        expect(r.error.status, what).toBe('UNAUTHENTICATED');
        expect(r.error.details?.en, what).toBeTruthy();
      }
    };
    await refused(undefined, 'missing');
    await refused('not-a-jwt', 'garbage');
    const now = Math.floor(Date.now() / 1000);
    await refused(
      editToken(genuine, (p) =>
        Object.assign(p, { iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }),
      ),
      'expired',
    );
    await refused(
      editToken(genuine, (p) => Object.assign(p, { role: 'admin', scope: '*' })),
      'claims edited to admin',
    );
    await refused(
      editToken(genuine, (p) => Object.assign(p, { scope: 'TD' })),
      'scope widened',
    );
    await refused(
      editToken(genuine, (p) => Object.assign(p, { sub: 'nobody', user_id: 'nobody' })),
      'unknown account',
    );
    await refused(
      editToken(genuine, (p) => Object.assign(p, { aud: 'another-project' })),
      'another project',
    );

    // Signed, but with a key that is not Google's.
    const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const [, payload] = genuine.split('.');
    const header = Buffer.from(JSON.stringify({ alg: 'RS256', kid: 'forged', typ: 'JWT' })).toString(
      'base64url',
    );
    const sign = createSign('RSA-SHA256');
    sign.update(`${header}.${payload}`);
    await refused(`${header}.${payload}.${sign.sign(privateKey).toString('base64url')}`, 'wrong key');
  });
});

describe('bad input: a clear error and nothing stored', () => {
  const expectRefused = async (
    data: unknown,
    status: string,
    words: RegExp,
    email = 'nhaplieu.sopcop@kiemtra.test',
  ) => {
    const before = await counts();
    const r = await stack.client.call('submit', data, await stack.token(email));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.status).toBe(status);
      expect(r.error.message).toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i);
      expect(r.error.details?.en).toMatch(words);
    }
    expect(await counts()).toEqual(before);
    return r;
  };
  const fresh = () => structuredClone(stack.sample.workbooks.find((w) => w.code === 'SC06')!.data);

  it('malformed', async () => {
    await expectRefused(
      { unit: 'SC06', period: PERIOD, data: 'không phải dữ liệu' },
      'INVALID_ARGUMENT',
      /malformed/,
    );
    await expectRefused(
      { unit: 'SC06', period: PERIOD, data: { ...fresh(), records: 'x' } },
      'INVALID_ARGUMENT',
      /records/,
    );
    await expectRefused({ unit: 'SC06', period: 'năm 2023', data: fresh() }, 'INVALID_ARGUMENT', /Period/);
  });

  it('oversized', async () => {
    const big = fresh();
    const rec = big.records[0]!;
    big.records = Array.from(
      { length: Math.ceil((LIMITS.payloadBytes * 1.2) / JSON.stringify(rec).length) },
      () => rec,
    );
    const r = await expectRefused(
      { unit: 'SC06', period: PERIOD, data: big },
      'INVALID_ARGUMENT',
      /too large/,
    );
    if (!r.ok) expect(r.error.details?.['limit']).toBe(LIMITS.payloadBytes);
    const many = fresh();
    many.records = Array.from({ length: LIMITS.records + 1 }, (_, i) => ({
      tableId: 't',
      kind: 'members' as const,
      sheet: 'S',
      row: i,
      values: {},
      cells: {},
      groups: [],
      ref: `r${i}`,
    }));
    await expectRefused({ unit: 'SC06', period: PERIOD, data: many }, 'INVALID_ARGUMENT', /records/);
  });

  it('unknown unit, wrong period, unjustified errors, personal data', async () => {
    await expectRefused({ unit: 'KHONGCO', period: PERIOD, data: fresh() }, 'NOT_FOUND', /KHONGCO/);
    await expectRefused({ unit: 'SC06', period: '2024', data: fresh() }, 'FAILED_PRECONDITION', /2023.*2024/);
    const dirty = stack.sample.workbooks.find((w) => !w.clean && w.code.startsWith('SC'))!;
    const r = await expectRefused(
      { unit: dirty.code, period: PERIOD, data: dirty.data },
      'FAILED_PRECONDITION',
      /unjustified errors/,
    );
    if (!r.ok) expect((r.error.details?.['errors'] as { cell: string }[]).length).toBeGreaterThan(0);
    const personal = fresh();
    const m = personal.records.find((x) => x.kind === 'members')!;
    m.values['fullName'] = 'Lò Văn A';
    await expectRefused({ unit: 'SC06', period: PERIOD, data: personal }, 'INVALID_ARGUMENT', /personal/);
  });

  it('locked period', async () => {
    await expectRefused(
      { unit: 'TD3', period: PERIOD, data: workbooks[2] },
      'FAILED_PRECONDITION',
      /locked/,
      'nhaplieu.td@kiemtra.test',
    );
  });
});

describe('unit tree import from a "Đơn vị" sheet', () => {
  /** The sheet as the add-in sends it: read by the engine, then serialized. */
  const sheetData = (rows: (string | number | null)[][]): WorkbookData =>
    JSON.parse(
      JSON.stringify(
        readWorkbook({
          name: 'don-vi.xlsx',
          sheets: [
            {
              name: 'Đơn vị',
              rows: [['STT', 'Mã đơn vị', 'Tên đơn vị', 'Mã đơn vị cấp trên', 'Cấp'], ...rows],
            },
          ],
        }),
      ),
    ) as WorkbookData;

  it('refuses a row without a name by its code, then imports the corrected sheet', async () => {
    const refused = await stack.client.call(
      'units',
      {
        action: 'import',
        data: sheetData([
          [1, 'ZZ', 'Đảng bộ thử nghiệm', null, 'Huyện'],
          [2, 'ZZ1', null, 'ZZ', 'Xã'],
        ]),
      },
      stack.adminToken,
    );
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.status).toBe('INVALID_ARGUMENT');
      expect(refused.error.message).toContain('ZZ1: thiếu tên');
      expect(refused.error.details?.en).toContain('ZZ1: name missing');
    }

    const rows = [
      [1, 'ZZ', 'Đảng bộ thử nghiệm', null, 'Huyện'],
      [2, 'ZZ1', ' Đảng bộ xã Thử ', 'ZZ', 'Xã'],
    ];
    expect(
      (await stack.client.call('units', { action: 'import', data: sheetData(rows) }, stack.adminToken)).ok,
    ).toBe(true);
    const listed = await stack.client.must<{
      units: { code: string; name: string; parentCode: string | null; path: string[] }[];
    }>('units', { action: 'list', unit: 'ZZ' }, stack.adminToken);
    expect(listed.units.map((u) => [u.code, u.name, u.parentCode, u.path.join('/')])).toEqual([
      ['ZZ', 'Đảng bộ thử nghiệm', null, 'ZZ'],
      ['ZZ1', 'Đảng bộ xã Thử', 'ZZ', 'ZZ/ZZ1'],
    ]);
  });
});

function must<T>(r: { ok: true; result: T } | { ok: false; error: { status: string; message: string } }): T {
  if (!r.ok) throw new Error(`call failed: ${r.error.status} ${r.error.message}`);
  return r.result;
}
