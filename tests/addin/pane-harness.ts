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
