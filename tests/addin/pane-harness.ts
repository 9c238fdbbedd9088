/**
 * Builds the task pane with webpack, serves it on localhost, and opens it in Debian's
 * chromium (playwright-core) at a 320 px pane width with the Excel double installed before
 * the page's scripts run. office.js from Microsoft's CDN is answered with an empty script;
 * every other request off localhost is refused.
 */
import { build } from 'esbuild';
import { existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize } from 'node:path';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type Page } from 'playwright-core';
import webpack from 'webpack';
import type { WorkbookGrid } from '@kiemtra/shared';
import makeConfig from '../../addin/webpack.config.js';

export const ROOT = join(import.meta.dirname, '..', '..');
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'addin');
export const PANE_WIDTH = 320;

export async function buildPane(env: Record<string, string> = {}): Promise<string> {
  const out = mkdtempSync(join(tmpdir(), 'kt-pane-'));
  const saved = { ...process.env };
  Object.assign(process.env, { KIEMTRA_ADDIN_OUT: out, ...env });
  try {
    const config = await makeConfig({}, { mode: 'development' });
    await new Promise<void>((resolve, reject) =>
      webpack(config as webpack.Configuration, (err, stats) => {
        if (err) return reject(err);
        if (stats?.hasErrors()) return reject(new Error(stats.toString('errors-only')));
        resolve();
      }),
    );
  } finally {
    process.env = saved;
  }
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.png': 'image/png',
  '.xml': 'application/xml',
};

export async function serve(dir: string): Promise<{ url: string; server: Server }> {
  const server = createServer((req, res) => {
    const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)).replace(
      /^(\.\.[/\\])+/,
      '',
    );
    const file = join(dir, path);
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res
      .writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
      .end(readFileSync(file));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server };
}

/** The double as one script for addInitScript. */
export async function doubleScript(): Promise<string> {
  const result = await build({
    entryPoints: [join(ROOT, 'addin/src/testing/browser.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

export async function launch(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

export interface PaneOptions {
  grid: WorkbookGrid;
  displayLanguage?: string;
  apiMinor?: number;
  latencyMs?: number;
  /** Origins besides the pane's own that the page may reach (the local emulators). */
  allow?: string[];
}

export async function openPane(
  browser: Browser,
  baseUrl: string,
  script: string,
  opts: PaneOptions,
): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: PANE_WIDTH, height: 900 },
    deviceScaleFactor: 1,
  });
  const page = await context.newPage();
  const allowed = [baseUrl, ...(opts.allow ?? [])];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.endsWith('/office.js'))
      return route.fulfill({ status: 200, contentType: 'text/javascript', body: '' });
    if (allowed.some((a) => url.startsWith(a))) return route.continue();
    return route.abort();
  });
  await page.addInitScript({ content: script });
  await page.addInitScript(([grid, options]) => window.__kiemtraInstallDouble!(grid, options), [
    opts.grid,
    {
      displayLanguage: opts.displayLanguage ?? 'vi-VN',
      apiMinor: opts.apiMinor ?? 18,
      latencyMs: opts.latencyMs ?? 0,
    },
  ] as const);
  await page.goto(`${baseUrl}/taskpane.html`);
  return page;
}

export async function shoot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
  return file;
}

/** Elements whose text is cut off (wider content than box) or that stick out of the pane. */
export async function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate((width) => {
    const out: string[] = [];
    if (document.documentElement.scrollWidth > width)
      out.push(`page is ${document.documentElement.scrollWidth}px wide`);
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const text = Array.from(el.childNodes).some(
        (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '',
      );
      if (!text) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.right > width + 0.5)
        out.push(`"${el.textContent!.trim().slice(0, 40)}" ends at ${Math.round(r.right)}px`);
      const style = getComputedStyle(el);
      if (
        el.scrollWidth > el.clientWidth + 1 &&
        style.overflowX !== 'visible' &&
        style.overflowX !== 'auto'
      ) {
        out.push(`"${el.textContent!.trim().slice(0, 40)}" is clipped`);
      }
    }
    return out;
  }, PANE_WIDTH);
}

/** What a sheet of the double shows: values, fills, bold cells and number formats. */
export interface SheetView {
  name: string;
  values: (string | number | boolean)[][];
  fills: [string, string][];
  bold: string[];
  numberFormats: [string, string][];
  columnWidths: [number, number][];
  /** "A1:P1" */
  merges: string[];
}

/**
 * A picture of a sheet as the double holds it (Excel's grid drawn as an HTML table, widths
 * in points, percent formats applied), so its layout can be looked at beside the pane's.
 */
export async function shootSheet(browser: Browser, view: SheetView, name: string): Promise<string> {
  const fills = new Map(view.fills);
  const formats = new Map(view.numberFormats);
  const bold = new Set(view.bold);
  const widths = new Map(view.columnWidths);
  const cols = Math.max(1, ...view.values.map((r) => r.length));
  const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const letters = (c: number): string =>
    (c >= 26 ? letters(Math.floor(c / 26) - 1) : '') + String.fromCharCode(65 + (c % 26));
  const shown = (v: string | number | boolean, format: string | undefined) =>
    typeof v === 'number' && format?.endsWith('%') ? `${(v * 100).toFixed(2)}%` : String(v);
  // Merged areas: the top-left cell spans them, the others are not drawn.
  const spans = new Map<string, { rows: number; cols: number }>();
  const hidden = new Set<string>();
  for (const m of view.merges) {
    const [from = '', to = from] = m.split(':');
    const at = (a: string) => {
      const [, l, n] = /^([A-Z]+)(\d+)$/.exec(a)!;
      return { col: [...l!].reduce((x, ch) => x * 26 + ch.charCodeAt(0) - 64, 0) - 1, row: Number(n) - 1 };
    };
    const a = at(from);
    const b = at(to);
    spans.set(from, { rows: b.row - a.row + 1, cols: b.col - a.col + 1 });
    for (let r = a.row; r <= b.row; r++)
      for (let c = a.col; c <= b.col; c++)
        if (r !== a.row || c !== a.col) hidden.add(`${letters(c)}${r + 1}`);
  }
  const rows = view.values
    .map((row, r) => {
      const cells = Array.from({ length: cols }, (_, c) => {
        const at = `${letters(c)}${r + 1}`;
        if (hidden.has(at)) return '';
        const span = spans.get(at);
        const attrs = span ? ` colspan="${span.cols}" rowspan="${span.rows}"` : '';
        const v = row[c] ?? '';
        const style = [
          fills.has(at) ? `background:${fills.get(at)}` : '',
          bold.has(at) ? 'font-weight:bold' : '',
          typeof v === 'number' ? 'text-align:right' : '',
        ].join(';');
        return `<td${attrs} style="${style}">${esc(shown(v, formats.get(at)))}</td>`;
      });
      return `<tr><th>${r + 1}</th>${cells.join('')}</tr>`;
    })
    .join('');
  const colgroup = Array.from(
    { length: cols },
    (_, c) => `<col style="width:${Math.round(((widths.get(c) ?? 48) * 4) / 3)}px">`,
  ).join('');
  const html = `<!doctype html><meta charset="utf-8"><style>
    body{font:11pt Calibri,Carlito,sans-serif;margin:8px}
    table{border-collapse:collapse;table-layout:fixed}
    td,th{border:1px solid #d4d4d4;padding:1px 4px;vertical-align:top;overflow:hidden;word-wrap:break-word}
    th{background:#f3f3f3;font-weight:normal;color:#666;width:32px}
    caption{text-align:left;color:#217346;padding:4px 0}
  </style><table><caption>${esc(view.name)}</caption><colgroup><col style="width:32px">${colgroup}</colgroup>${rows}</table>`;
  const context = await browser.newContext({ viewport: { width: 1400, height: 400 }, deviceScaleFactor: 1 });
  const page = await context.newPage();
  await page.route('**/*', (route) => route.abort());
  await page.setContent(html);
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  await context.close();
  return file;
}
