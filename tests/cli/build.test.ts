/**
 * The bin runs the bundled command line (cli/dist) and rebuilds it first when a source file
 * of the command line or of the engine is newer, so that it always runs the code in the tree.
 */
import { statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildCli, DIST_ENTRY, isStale } from '../../cli/scripts/build.mjs';
import { ROOT, runCli } from './helpers.ts';

/** Sets a file's modification time, restoring it after `fn`. */
async function touched<T>(path: string, at: Date, fn: () => Promise<T>): Promise<T> {
  const before = statSync(path);
  utimesSync(path, at, at);
  try {
    return await fn();
  } finally {
    utimesSync(path, before.atime, before.mtime);
  }
}

describe('the bundled command line', () => {
  it('is stale when an engine or command-line source is newer, and fresh once rebuilt', async () => {
    await buildCli();
    expect(isStale()).toBe(false);
    const later = new Date(statSync(DIST_ENTRY).mtimeMs + 60_000);
    for (const source of ['shared/src/rules/data.ts', 'cli/src/main.ts']) {
      await touched(join(ROOT, source), later, async () => {
        expect(isStale(), source).toBe(true);
      });
    }
  });

  it('is rebuilt by the bin before it runs', async () => {
    await buildCli();
    const built = statSync(DIST_ENTRY).mtimeMs;
    const later = new Date(built + 60_000);
    const run = await touched(join(ROOT, 'cli/src/main.ts'), later, () => runCli(['--help']));
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('kiemtra check');
    expect(statSync(DIST_ENTRY).mtimeMs).toBeGreaterThan(built);
  });
});
