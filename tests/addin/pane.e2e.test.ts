/**
 * The built task pane in headless chromium with the Excel double holding the sample commune
 * workbook: click "Kiểm tra", and the double must receive exactly the writes the host makes
 * for the engine's plan (the same run in Node is the reference), with nothing written over a
 * typed cell; issues are listed, clicking one selects its cell, a justification lands in the
 * "Giải trình" sheet and the next check counts it as justified. Screenshots at 320 px go to
 * test-artifacts/addin/.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Server } from 'node:http';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkbookGrid } from '@kiemtra/shared';
import { RESULT_SHEETS } from '@kiemtra/shared';
import { communeWorkbook } from '@kiemtra/shared/samples';
import { detectCapabilities } from '../../addin/src/excel/capabilities.ts';
import { JUSTIFICATION_SHEET } from '../../addin/src/excel/justifications.ts';
import { runCheck } from '../../addin/src/services/check.ts';
import type { WriteRecord } from '../../addin/src/testing/excel-double.ts';
import { ExcelDouble } from '../../addin/src/testing/excel-double.ts';
import { WorkbookModel } from '../../addin/src/testing/workbook-model.ts';
import { buildPane, doubleScript, launch, layoutProblems, openPane, serve, shoot } from './pane-harness.ts';

let out: string;
let url: string;
let server: Server;
let browser: Browser;
let script: string;
const grid: WorkbookGrid = communeWorkbook();

beforeAll(async () => {
  [out, script] = await Promise.all([buildPane(), doubleScript()]);
  ({ url, server } = await serve(out));
  browser = await launch();
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

const writesOf = (page: Page) => page.evaluate(() => window.__kiemtraDouble!.writes);
const snapshotOf = (page: Page) => page.evaluate(() => window.__kiemtraDouble!.model.snapshot());

describe('the built pane', () => {
  it('names only files that exist in the build: every manifest URL, icon and the pane page', () => {
    const manifest = readFileSync(join(out, 'manifest.xml'), 'utf8');
    const urls = [
      ...new Set([...manifest.matchAll(/https:\/\/localhost:3000(\/[^"<\s]*)?/g)].map((m) => m[1] ?? '/')),
    ];
    const files = urls.filter((u) => u !== '/');
    expect(files).toEqual(
      expect.arrayContaining([
        '/taskpane.html',
        '/assets/icon-16.png',
        '/assets/icon-32.png',
        '/assets/icon-80.png',
      ]),
    );
    for (const f of files) expect(existsSync(join(out, f)), f).toBe(true);
    for (const size of [16, 32, 64, 80]) {
      const png = readFileSync(join(out, `assets/icon-${size}.png`));
      expect(png.readUInt32BE(16)).toBe(size);
      expect(png.readUInt32BE(20)).toBe(size);
    }
    const html = readFileSync(join(out, 'taskpane.html'), 'utf8');
    for (const [, src] of html.matchAll(/<script[^>]+src="([^"]+)"/g)) {
      if (src!.startsWith('https://appsforoffice.microsoft.com/')) continue;
      expect(existsSync(join(out, src!)), src).toBe(true);
    }
  });

  it('Kiểm tra: the double receives exactly the expected writes, and the pane says which engine ran', async () => {
    const reference = new ExcelDouble(WorkbookModel.fromGrid(grid));
    const ref = await runCheck({
      excelRun: reference.run as unknown as typeof Excel.run,
      caps: detectCapabilities(() => true),
      online: () => true,
      workbookName: 'Workbook',
    });

    const page = await openPane(browser, url, script, { grid });
    await expect(page.getByRole('tablist')).toBeDefined();
    const button = page.getByTestId('run-check');
    await button.waitFor();
    await shoot(page, '01-check-start-vi');
    await button.click();
    await page.getByTestId('run-summary').waitFor({ timeout: 60_000 });
    await shoot(page, '02-check-done-vi');

    const writes: WriteRecord[] = await writesOf(page);
    expect(writes.length).toBeGreaterThan(50);
    expect(writes).toEqual(reference.writes);
    expect(await snapshotOf(page)).toEqual(reference.model.snapshot());

    // Nothing typed by the official changed: every original value is where it was.
    const finalValues = await page.evaluate(() =>
      window.__kiemtraDouble!.model.sheets.map((s) => ({ name: s.name, values: s.values })),
    );
    for (const s of grid.sheets) {
      const got = finalValues.find((x) => x.name === s.name)!;
      const r0 = s.origin?.row ?? 0;
      const c0 = s.origin?.col ?? 0;
      s.rows.forEach((row, r) =>
        row.forEach((v, c) => {
          if (v === null) return;
          expect(got.values[r0 + r]?.[c0 + c], `${s.name} ${r0 + r},${c0 + c}`).toEqual(
            typeof v === 'object' ? v.error : v,
          );
        }),
      );
    }
    expect(finalValues.map((s) => s.name)).toContain(RESULT_SHEETS.issues);

    await expect
      .poll(() => page.getByTestId('engine-used').textContent())
      .toBe('Kiểm tra ngay trong add-in (chưa đăng nhập)');
    expect(await page.getByTestId('rulebook-version').textContent()).toBe(
      `Bộ quy tắc: ${ref.report.rulebook.id} ${ref.report.rulebook.version}`,
    );
    const totals = ref.report.totals;
    expect(await page.getByTestId('run-summary').textContent()).toContain(
      `${totals.error} lỗi · ${totals.warning} cảnh báo`,
    );
    expect(await layoutProblems(page)).toEqual([]);

    // Running again replaces the earlier results: the workbook is the same afterwards.
    const once = await snapshotOf(page);
    await button.click();
    await page.getByTestId('run-summary').waitFor();
    await expect
      .poll(() =>
        page.evaluate(() => window.__kiemtraDouble!.writes.filter((w) => w.op === 'calculationMode').length),
      )
      .toBe(4);
    expect(await snapshotOf(page)).toEqual(once);
    await page.context().close();
  });

  it('issues: grouped by severity and sheet; clicking selects the cell; "next issue"; a justification is stored and counted', async () => {
    const page = await openPane(browser, url, script, { grid });
    await page.getByTestId('run-check').click();
    await page.getByTestId('run-summary').waitFor({ timeout: 60_000 });
    await page.getByRole('tab', { name: 'Vấn đề' }).click();
    const items = page.getByTestId('issue');
    await items.first().waitFor();
    await shoot(page, '03-issues-vi');
    expect(await layoutProblems(page)).toEqual([]);
    const headings = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(headings[0]).toMatch(/^(Lỗi|Cảnh báo|Lưu ý) \(\d+\)$/);

    const first = items.first().getByRole('button').first();
    const label = (await first.getAttribute('aria-label'))!;
    const cell = /^Đến ô ([A-Z]+\d+)/.exec(label)![1];
    await first.click();
    await expect.poll(() => page.evaluate(() => window.__kiemtraDouble!.model.selection?.address)).toBe(cell);

    await page.getByTestId('next-issue').click();
    const selected = await page.evaluate(() => window.__kiemtraDouble!.model.selection);
    expect(selected).not.toBeNull();
    const focused = await page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');
    expect(focused).toContain(`Đến ô ${selected!.address}`);

    // Justify the first warning.
    const warning = page.locator('section[aria-labelledby="sev-warning"] [data-testid="issue"]').first();
    const wLabel = (await warning.getByRole('button').first().getAttribute('aria-label'))!;
    await warning.getByRole('button', { name: 'Giải trình' }).click();
    await warning.getByRole('textbox').fill('Chi bộ ở bản xa, mùa mưa lũ không họp được');
    await shoot(page, '04-justify-vi');
    await warning.getByRole('button', { name: 'Lưu giải trình' }).click();
    await warning.getByTestId('justified').waitFor();
    const sheet = await page.evaluate(
      (name) => window.__kiemtraDouble!.model.sheets.find((s) => s.name === name)?.values,
      JUSTIFICATION_SHEET,
    );
    expect(sheet![0]).toEqual(['Mã quy tắc', 'Trang tính', 'Ô / dòng', 'Nội dung giải trình']);
    expect(sheet![1]![2]).toBe(/^Đến ô ([A-Z]+\d+)/.exec(wLabel)![1]);
    expect(sheet![1]![3]).toBe('Chi bộ ở bản xa, mùa mưa lũ không họp được');

    // The next check reads the sheet: the issue is justified and no longer open.
    await page.getByRole('tab', { name: 'Kiểm tra' }).click();
    await page.getByTestId('run-check').click();
    await page.getByTestId('run-summary').waitFor();
    await expect.poll(() => page.getByTestId('run-summary').textContent()).toMatch(/[1-9]\d* đã giải trình/);
    await page.context().close();
  });

  it('Gửi and Tổng hợp without a session: a sign-in form with labelled fields', async () => {
    const page = await openPane(browser, url, script, { grid });
    await page.getByRole('tab', { name: 'Gửi' }).click();
    await page.getByRole('textbox', { name: 'Thư điện tử' }).waitFor();
    expect(await page.getByLabel('Mật khẩu').count()).toBe(1);
    await shoot(page, '05-submit-signin-vi');
    expect(await layoutProblems(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Tổng hợp' }).click();
    await page.getByTestId('pull-rollup').waitFor();
    expect(await page.getByTestId('pull-rollup').isDisabled()).toBe(true);
    await shoot(page, '06-rollup-vi');
    expect(await layoutProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('speaks English when Office does, and warns in reduced mode on older Excel', async () => {
    const page = await openPane(browser, url, script, { grid, displayLanguage: 'en-US', apiMinor: 8 });
    await page.getByRole('button', { name: 'Check' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByText('This Excel is older').waitFor();
    await page.getByTestId('run-check').click();
    await page.getByTestId('run-summary').waitFor({ timeout: 60_000 });
    expect(await page.getByTestId('engine-used').textContent()).toBe(
      'Checked inside the add-in (not signed in)',
    );
    const ops = await writesOf(page);
    expect(ops.some((w) => w.op === 'note' || w.op === 'comment')).toBe(false);
    await shoot(page, '07-check-done-en-reduced');
    expect(await layoutProblems(page)).toEqual([]);
    await page.context().close();
  });

  it('Cancel stops between syncs and says so; progress is announced', async () => {
    const page = await openPane(browser, url, script, { grid, latencyMs: 250 });
    await page.getByTestId('run-check').click();
    const bar = page.getByRole('progressbar');
    await bar.waitFor();
    expect(await bar.getAttribute('aria-valuetext')).toMatch(/^Đang đọc bảng tính/);
    await shoot(page, '08-progress-vi');
    await page.getByTestId('cancel-check').click();
    await page.getByText('Đã hủy. Chạy lại để có kết quả đầy đủ.').waitFor();
    const names = await page.evaluate(() => window.__kiemtraDouble!.model.sheets.map((s) => s.name));
    expect(names).not.toContain(RESULT_SHEETS.issues);
    await page.context().close();
  });
});
