/**
 * The Office.js host under office-addin-mock (see office-mock.ts): reading messy sheets,
 * chunking, applying a write plan, idempotence, the offline path and the pending-submission
 * path. A property read without load + sync throws here, as in Excel.
 */
import { describe, expect, it } from 'vitest';
import type { CheckReport, WorkbookData } from '@kiemtra/shared';
import { NOTE_PREFIX, REPORT_SCHEMA_VERSION, RESULT_SHEETS, STATE_SHEET, cellAt } from '@kiemtra/shared';
import { communeWorkbook } from '@kiemtra/shared/samples';
import { applyWritePlan } from '../../addin/src/excel/apply.ts';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { PENDING_SHEET, WorkbookPendingStore } from '../../addin/src/excel/pending.ts';
import { readWorkbookGrid } from '../../addin/src/excel/read.ts';
import type { Backend, SubmitResult } from '../../addin/src/services/backend.ts';
import { runCheck } from '../../addin/src/services/check.ts';
import { retryPending, submitReport } from '../../addin/src/services/submit.ts';
import { WorkbookModel } from '../../addin/src/testing/workbook-model.ts';
import { bigGrid, messyGrid, messyPlan } from './fixtures.ts';
import { createMockExcel } from './office-mock.ts';

type Ctx = Excel.RequestContext;

function setup(model: WorkbookModel, apiMinor = 18) {
  const mock = createMockExcel(model, { apiMinor });
  const office = mock.Office as {
    context: { requirements: { isSetSupported: (n: string, v?: string) => boolean } };
  };
  const caps = detectCapabilities((n, v) => office.context.requirements.isSetSupported(n, v));
  return { mock, caps, run: mock.Excel.run as unknown as typeof Excel.run };
}

describe('office-addin-mock: reading', () => {
  it('reads a messy sheet: origin from the used range, blanks, error values, merges, number formats', async () => {
    const { mock, caps } = setup(WorkbookModel.fromGrid(messyGrid()));
    const { grid } = await mock.Excel.run((ctx: Ctx) => readWorkbookGrid(ctx, { caps }));
    const [cells, hamlets, empty] = grid.sheets;
    expect(cellAt(cells!, 8, 1)).toBe('Chi bộ bản Nà Mò');
    expect(cellAt(cells!, 9, 2)).toBe('1.922');
    expect(cellAt(cells!, 9, 3)).toEqual({ error: '#REF!' });
    expect(cellAt(cells!, 12, 0)).toBeNull();
    expect(cells!.merges).toEqual([
      { top: 4, left: 0, bottom: 5, right: 0 },
      { top: 4, left: 1, bottom: 5, right: 1 },
      { top: 4, left: 2, bottom: 4, right: 4 },
      { top: 4, left: 5, bottom: 5, right: 5 },
    ]);
    expect(hamlets!.origin).toEqual({ row: 2, col: 1 });
    expect(hamlets!.numberFormats?.[1]?.[2]).toBe('dd/mm/yyyy');
    expect(empty!.rows).toEqual([]);
    // One sync for the sheet list, one for used ranges, one for merges, one for the cells.
    expect(mock.syncs).toBe(4);
  });

  it('reads a 60,000-row used range in several chunks with one sync each', async () => {
    const source = bigGrid(60_000);
    const { mock, caps } = setup(WorkbookModel.fromGrid(source));
    const { grid, stats } = await mock.Excel.run((ctx: Ctx) =>
      readWorkbookGrid(ctx, { caps, budgetBytes: 1024 * 1024 }),
    );
    expect(grid.sheets[0]!.rows).toHaveLength(60_001);
    expect(grid.sheets[0]!.rows[60_000]).toEqual(source.sheets[0]!.rows[60_000]);
    expect(stats.chunks).toBeGreaterThanOrEqual(10);
    expect(mock.syncs).toBe(3 + stats.chunks);
  });
});

describe('office-addin-mock: applying a write plan', () => {
  it('writes results, fills and notes, then the issues sheet, in that order, without touching typed cells', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    const { mock, caps } = setup(model);
    const { grid } = await mock.Excel.run((ctx: Ctx) => readWorkbookGrid(ctx, { caps }));
    await mock.Excel.run((ctx: Ctx) => applyWritePlan(ctx, messyPlan(), { caps, grid }));
    const s = model.sheet('Chi bộ')!;
    expect(s.get(5, 6)).toBe('');
    expect(s.get(4, 7)).toBe('[KT] Ghi chú');
    expect(s.get(10, 6)).toBe('Cảnh báo');
    expect(s.get(9, 3)).toBe('#REF!');
    expect(s.get(13, 4)).toBe('T/M ĐẢNG ỦY');
    expect(s.notes.get('C11')).toBe(`${NOTE_PREFIX} 4 đảng viên, dưới 5`);
    expect(model.sheet(RESULT_SHEETS.issues)!.get(2, 3)).toBe('6 kỳ sinh hoạt / 12 kỳ yêu cầu');
    expect(model.sheet(STATE_SHEET)!.visibility).toBe('VeryHidden');
    const order = (prefix: string) => mock.log.findIndex((l) => l.startsWith(prefix));
    expect(order('calculationMode Manual')).toBeGreaterThanOrEqual(0);
    expect(order('values Chi bộ!G5:H5')).toBeLessThan(order('note Chi bộ!F10'));
    expect(order('note Chi bộ!F10')).toBeLessThan(order(`add ${RESULT_SHEETS.issues}`));
    expect(mock.log[mock.log.length - 1]).toBe('calculationMode Automatic');
  });

  it('is idempotent: a second application leaves the same workbook', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    const { mock, caps } = setup(model);
    const once = async () => {
      const { grid } = await mock.Excel.run((ctx: Ctx) => readWorkbookGrid(ctx, { caps }));
      await mock.Excel.run((ctx: Ctx) => applyWritePlan(ctx, messyPlan(), { caps, grid }));
    };
    await once();
    const first = model.snapshot();
    await once();
    expect(model.snapshot()).toEqual(first);
  });
});

/** A backend whose network is down, up, or refusing, counting what it was sent. */
function fakeBackend(mode: { network: boolean; refuse?: boolean }): Backend & { sent: unknown[] } {
  const sent: unknown[] = [];
  const offline = () => Object.assign(new Error('Failed to fetch'), { code: 'functions/unavailable' });
  return {
    sent,
    currentUser: () => ({ email: 'canbo@namlanh.vn', unit: 'NL' }),
    ready: async () => ({ email: 'canbo@namlanh.vn', unit: 'NL' }),
    signIn: async () => ({ email: 'canbo@namlanh.vn', unit: 'NL' }),
    signOut: async () => undefined,
    validate: async () => {
      if (!mode.network) throw offline();
      throw new Error('validate is not used here');
    },
    submit: async (input): Promise<SubmitResult> => {
      if (!mode.network) throw offline();
      if (mode.refuse) {
        throw Object.assign(new Error('refused'), {
          code: 'functions/failed-precondition',
          details: { vi: 'Kỳ 2023 đã khóa', en: 'Period 2023 is locked' },
        });
      }
      sent.push(input);
      return {
        status: 'created',
        version: { id: 'NL__2023__x', seq: sent.length, contentHash: 'h', createdAt: '2024-01-10T00:00:00Z' },
      };
    },
    rollup: async () => {
      throw new Error('not used');
    },
  };
}

describe('office-addin-mock: the offline path', () => {
  it('runs the bundled engine when signed out, and says so', async () => {
    const model = WorkbookModel.fromGrid(communeWorkbook());
    const { caps, run } = setup(model);
    const result = await runCheck({ excelRun: run, caps, online: () => true });
    expect(result.engine).toEqual({ where: 'local', reason: 'signedOut' });
    expect(result.report.rulebook.version).toBeTruthy();
    expect(model.sheet(RESULT_SHEETS.issues)).toBeDefined();
  });

  it('runs the bundled engine when the pane is offline, or when the server cannot be reached', async () => {
    const model = WorkbookModel.fromGrid(communeWorkbook());
    const { caps, run } = setup(model);
    const backend = fakeBackend({ network: false });
    expect((await runCheck({ excelRun: run, caps, backend, online: () => false })).engine).toEqual({
      where: 'local',
      reason: 'offline',
    });
    expect((await runCheck({ excelRun: run, caps, backend, online: () => true })).engine).toEqual({
      where: 'local',
      reason: 'unreachable',
    });
  });

  it('sends the server the tables without members’ names when online and signed in', async () => {
    const model = WorkbookModel.fromGrid(communeWorkbook());
    const { caps, run } = setup(model);
    let seen: WorkbookData | undefined;
    const local = await runCheck({ excelRun: run, caps, online: () => false });
    const backend: Backend = {
      ...fakeBackend({ network: true }),
      validate: async (input) => {
        seen = input.data;
        return { ...local.report, rulebook: { id: 'son-la', version: '2024.1' } } as CheckReport;
      },
    };
    const result = await runCheck({ excelRun: run, caps, backend, online: () => true });
    expect(result.engine).toEqual({ where: 'server' });
    expect(result.report.rulebook.version).toBe('2024.1');
    const members = seen!.records.filter((r) => r.kind === 'members');
    expect(members.length).toBeGreaterThan(0);
    for (const r of members) {
      expect(r.values['fullName']).toBeUndefined();
      expect(r.cells['fullName']).toBeUndefined();
    }
  });

  it('checks with the bundled engine when the server answers in another report version', async () => {
    const model = WorkbookModel.fromGrid(communeWorkbook());
    const { caps, run } = setup(model);
    const local = await runCheck({ excelRun: run, caps, online: () => false });
    const backend: Backend = {
      ...fakeBackend({ network: true }),
      validate: async () =>
        ({
          ...local.report,
          schemaVersion: 1,
          rulebook: { id: 'son-la', version: '2024.1' },
        }) as unknown as CheckReport,
    };
    const result = await runCheck({ excelRun: run, caps, backend, online: () => true });
    expect(result.engine).toEqual({ where: 'local', reason: 'serverVersion' });
    expect(result.report.schemaVersion).toBe(REPORT_SCHEMA_VERSION);
    expect(result.report.rulebook.version).toBe(local.report.rulebook.version);
  });
});

describe('office-addin-mock: the pending-submission path', () => {
  it('keeps a submission that could not be sent in a very hidden sheet, and sends it on retry', async () => {
    const model = WorkbookModel.fromGrid(communeWorkbook());
    const { caps, run } = setup(model);
    const checked = await runCheck({ excelRun: run, caps, online: () => false });
    const store = new WorkbookPendingStore(run);
    const down = fakeBackend({ network: false });
    const outcome = await submitReport(
      down,
      store,
      { unit: 'NL', period: '2023', data: checked.data },
      () => '2024-01-09T08:00:00Z',
    );
    expect(outcome.status).toBe('pending');
    expect(model.sheet(PENDING_SHEET)!.visibility).toBe('VeryHidden');
    const waiting = await store.list();
    expect(waiting).toHaveLength(1);
    expect(waiting[0]!.attempts).toBe(1);
    const names = checked.data.records
      .filter((r) => r.kind === 'members')
      .map((r) => String(r.values['fullName']));
    expect(names.length).toBeGreaterThan(10);
    const kept = JSON.stringify(waiting[0]!.payload);
    for (const name of names) expect(kept).not.toContain(name);
    expect((waiting[0]!.payload as { data: WorkbookData }).data.records.length).toBe(
      checked.data.records.length,
    );

    // Still offline: nothing lost, one more attempt counted.
    await retryPending(down, store);
    expect((await store.list())[0]!.attempts).toBe(2);

    const up = fakeBackend({ network: true });
    const results = await retryPending(up, store);
    expect(results.map((r) => r.outcome.status)).toEqual(['sent']);
    expect(up.sent).toHaveLength(1);
    expect((up.sent[0] as { unit: string; period: string }).period).toBe('2023');
    expect(await store.list()).toEqual([]);
  });

  it('does not keep a submission the server refused, and gives its message', async () => {
    const model = WorkbookModel.fromGrid(messyGrid());
    const { run } = setup(model);
    const store = new WorkbookPendingStore(run);
    const data: WorkbookData = { workbook: 'x', sheetNames: [], tables: [], records: [], issues: [] };
    const outcome = await submitReport(fakeBackend({ network: true, refuse: true }), store, {
      unit: 'NL',
      period: '2023',
      data,
    });
    expect(outcome).toEqual({
      status: 'refused',
      message: { vi: 'Kỳ 2023 đã khóa', en: 'Period 2023 is locked' },
    });
    expect(await store.list()).toEqual([]);
  });
});
