/**
 * The built pane against the local stack (the backend's emulators, seeded with the sample
 * province): sign in through the Auth emulator, check on the server, submit, lose the
 * network and see the submission kept in the workbook and resent, then pull the district
 * roll-up into the engine's roll-up sheets ("Kết quả tổng hợp" with its chart, the targets per level,
 * the completeness list, the weakest units).
 */
import type { Server } from 'node:http';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_RULEBOOK, RESULT_SHEETS, planRollup } from '@kiemtra/shared';
import { PENDING_SHEET } from '../../addin/src/excel/pending.ts';
import type { RollupResult } from '../../addin/src/services/backend.ts';
import { districtWorkbooks } from '@kiemtra/shared/samples';
import { must, startStack, type Stack } from '../functions/harness.ts';
import { toExcelValue } from '../../addin/src/testing/workbook-model.ts';
import {
  buildPane,
  doubleScript,
  launch,
  layoutProblems,
  openPane,
  serve,
  shoot,
  shootSheet,
  type SheetView,
} from './pane-harness.ts';

const ROLLUP_SHEETS = [
  RESULT_SHEETS.rollup,
  RESULT_SHEETS.rollupTargets,
  RESULT_SHEETS.rollupCompleteness,
  RESULT_SHEETS.rollupWeakest,
] as const;
import { DEMO_PASSWORD } from '../../functions/tools/seed.ts';

const PROJECT = 'demo-kiemtra-addin';
let stack: Stack;
let url: string;
let server: Server;
let browser: Browser;
let script: string;

beforeAll(async () => {
  stack = await startStack({ portOffset: 20, projectId: PROJECT });
  const { ports } = stack.emulators;
  const out = await buildPane({
    KIEMTRA_FIREBASE_PROJECT: PROJECT,
    KIEMTRA_EMULATORS: '1',
    KIEMTRA_AUTH_PORT: String(ports.auth),
    KIEMTRA_FUNCTIONS_PORT: String(ports.functions),
  });
  script = await doubleScript();
  ({ url, server } = await serve(out));
  browser = await launch();
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
  await stack?.stop();
}, 60_000);

async function signIn(page: Page, email: string): Promise<void> {
  await page.getByRole('tab', { name: 'Gửi' }).click();
  await page.getByRole('textbox', { name: 'Thư điện tử' }).fill(email);
  await page.getByLabel('Mật khẩu').fill(DEMO_PASSWORD);
  await page.getByTestId('sign-in').click();
  await page.getByTestId('signed-in').waitFor({ timeout: 30_000 });
}

describe('the pane with the local stack', () => {
  it('signs in, checks on the server, submits, keeps a submission through a network failure, and pulls the roll-up', async () => {
    const { ports } = stack.emulators;
    const commune = districtWorkbooks(9).communes[2]!; // SC03, a clean commune
    const emulators = [`http://127.0.0.1:${ports.auth}`, `http://127.0.0.1:${ports.functions}`];
    const page = await openPane(browser, url, script, { grid: commune.grid, allow: emulators });
    page.on('console', (m) => {
      if (m.type() === 'error') console.log('pane:', m.text());
    });

    await signIn(page, 'nhaplieu.sc03@kiemtra.test');
    expect(await page.getByTestId('signed-in').textContent()).toBe(
      'Đã đăng nhập: nhaplieu.sc03@kiemtra.test',
    );

    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByTestId('run-check').click();
    await page.getByTestId('run-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('engine-used').textContent()).toBe('Kiểm tra trên máy chủ');
    expect(await page.getByTestId('rulebook-version').textContent()).toMatch(/^Bộ quy tắc: \S+ \S+$/);
    await shoot(page, '11-stack-check-server-vi');

    await page.getByRole('tab', { name: 'Gửi' }).click();
    await page.getByTestId('submit-report').click();
    const status = page.getByTestId('submit-status');
    await expect
      .poll(() => status.textContent(), { timeout: 30_000 })
      .toMatch(/^Đã gửi: phiên bản 1 \(2023\)\.$/);
    await shoot(page, '12-stack-submitted-vi');
    const reviewer = await stack.token('duyet.sopcop@kiemtra.test');
    const before = must(
      await stack.client.call<RollupResult>('rollup', { unit: 'SC', period: '2023' }, reviewer),
    );
    expect(before.children.find((c) => c.unit.code === 'SC03')?.status).toBe('submitted');

    // The functions are unreachable: the submission stays in the workbook and the pane says so.
    await page.route(`http://127.0.0.1:${ports.functions}/**`, (route) =>
      route.abort('internetdisconnected'),
    );
    await page.getByTestId('submit-report').click();
    await page.getByText(/^Chưa gửi được \(mất kết nối\)/).waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pending-count').textContent()).toBe(
      '1 báo cáo đang chờ gửi lại (lưu trong sổ tính)',
    );
    const hidden = await page.evaluate(
      (n) => window.__kiemtraDouble!.model.sheets.find((s) => s.name === n)?.visibility,
      PENDING_SHEET,
    );
    expect(hidden).toBe('VeryHidden');
    await shoot(page, '13-stack-pending-vi');
    expect(await layoutProblems(page)).toEqual([]);

    // Network back: resending empties the queue; identical content makes no new version.
    await page.unroute(`http://127.0.0.1:${ports.functions}/**`);
    await page.getByRole('button', { name: 'Gửi lại ngay' }).click();
    await page
      .getByText('Nội dung không đổi so với lần gửi trước; không tạo phiên bản mới.')
      .waitFor({ timeout: 30_000 });
    expect(await page.getByTestId('pending-count').count()).toBe(0);

    // A district viewer pulls the roll-up into the workbook.
    await page.getByRole('button', { name: 'Đăng xuất' }).click();
    await signIn(page, 'xem.sopcop@kiemtra.test');
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.getByTestId('pull-rollup').click();
    await page
      .getByText(/^Đã ghi trang "Kết quả tổng hợp": 1\/9 đơn vị đã nộp\.$/)
      .waitFor({ timeout: 60_000 });
    await shoot(page, '14-stack-rollup-vi');
    const sheets = await page.evaluate(
      (names) =>
        names.map((n) => {
          const s = window.__kiemtraDouble!.model.sheets.find((x) => x.name === n)!;
          const snap = (window.__kiemtraDouble!.model.snapshot() as SheetView[]).find((x) => x.name === n)!;
          return { ...snap, charts: s.charts };
        }),
      [...ROLLUP_SHEETS],
    );
    await shootSheet(browser, sheets[0]!, '15-stack-rollup-sheet-vi');
    const expected = must(
      await stack.client.call<RollupResult>(
        'rollup',
        { unit: 'SC', period: '2023' },
        await stack.token('xem.sopcop@kiemtra.test'),
      ),
    );
    // The engine's planned sheets, as the command line writes them: the add-in adds no figures.
    const planned = planRollup(expected.rollup, DEFAULT_RULEBOOK);
    expect(planned.map((p) => p.name)).toEqual([...ROLLUP_SHEETS]);
    planned.forEach((p, i) => {
      const values = sheets[i]!.values;
      expect(values[0]![0]).toBe(p.title);
      expect(values[1]!.slice(0, p.columns.length)).toEqual(p.columns.map((c) => c.header));
      p.rows.forEach((row, r) =>
        row.forEach((v, c) =>
          expect(values[2 + r]?.[c] ?? '', `${p.name} ${2 + r},${c}`).toEqual(toExcelValue(v)),
        ),
      );
    });
    expect(sheets[0]!.values[0]![0]).toMatch(
      new RegExp(`^TỔNG HỢP — ${expected.unit.name} — .*\\(đã nộp 1/9\\)$`),
    );
    const units = sheets[0]!.values.slice(2, 2 + expected.rollup.children.length).map((r) => r[1]);
    const sc03 = expected.rollup.children.find((c) => c.summary.unit.code === 'SC03');
    expect(units).toEqual([sc03!.summary.unit.name]);
    const percent = planned[0]!.columns.filter((c) => c.kind === 'percent').map((c) => c.header);
    expect(sheets[0]!.charts).toHaveLength(1);
    expect(sheets[0]!.charts[0]!.type).toBe('ColumnClustered');
    expect(sheets[0]!.charts[0]!.series.map((x) => x.name)).toEqual(percent);
    const missing = sheets[2]!.values.slice(2).filter((r) => r[0] === 'Chưa nộp');
    expect(missing).toHaveLength(expected.rollup.completeness.missing.length);
    expect(missing).toHaveLength(8);
    await page.context().close();
  }, 240_000);
});
