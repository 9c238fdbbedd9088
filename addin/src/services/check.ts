/**
 * One click of "Kiểm tra": read the workbook, find its tables, check it on the server (names
 * removed first) or with the bundled engine when offline or signed out, then write the
 * results back. Each stage is reported so the pane can name it; Cancel stops between syncs.
 */
import type { CheckReport, WorkbookData, WorkbookGrid } from '@kiemtra/shared';
import { REPORT_SCHEMA_VERSION, buildReport, evaluate, readWorkbook, redactPersonal } from '@kiemtra/shared';
import type { ApplyStats } from '../excel/apply.ts';
import { applyWritePlan } from '../excel/apply.ts';
import type { ExcelCapabilities } from '../excel/capabilities.ts';
import { throwIfCancelled } from '../excel/cancel.ts';
import type { ReadStats } from '../excel/read.ts';
import { readWorkbookGrid } from '../excel/read.ts';
import type { Backend } from './backend.ts';
import { isRetryable } from './backend.ts';

export type CheckStage = 'reading' | 'detecting' | 'checking' | 'writing' | 'done';

/** Which engine produced the results, and why the bundled one ran when it did. */
export type EngineUsed = { where: 'server' } | { where: 'local'; reason: LocalReason };

/** Why the bundled engine ran: no network, not signed in, no answer, or an answer of another version. */
type LocalReason = 'offline' | 'signedOut' | 'unreachable' | 'serverVersion';

export interface CheckRun {
  report: CheckReport;
  data: WorkbookData;
  grid: WorkbookGrid;
  engine: EngineUsed;
  read: ReadStats;
  apply: ApplyStats;
}

export interface CheckDeps {
  excelRun: typeof Excel.run;
  caps: ExcelCapabilities;
  backend?: Backend | undefined;
  /** navigator.onLine in the pane. */
  online: () => boolean;
  workbookName?: string;
}

export interface CheckOptions {
  signal?: AbortSignal;
  onStage?: (stage: CheckStage, detail?: { done: number; total: number }) => void;
  /** Skip writing back (the pane always writes; the benchmark measures stages separately). */
  write?: boolean;
}

export async function runCheck(deps: CheckDeps, options: CheckOptions = {}): Promise<CheckRun> {
  const { signal, onStage } = options;
  onStage?.('reading');
  const { grid, stats: read } = await deps.excelRun((ctx) =>
    readWorkbookGrid(ctx, {
      caps: deps.caps,
      ...(signal ? { signal } : {}),
      ...(deps.workbookName ? { workbookName: deps.workbookName } : {}),
      onProgress: (p) => onStage?.('reading', { done: p.rowsRead, total: p.rowsTotal }),
    }),
  );
  throwIfCancelled(signal);

  onStage?.('detecting');
  await yieldToPane();
  const data = readWorkbook(grid);
  throwIfCancelled(signal);

  onStage?.('checking');
  await yieldToPane();
  const { report, engine } = await checkData(data, deps);
  throwIfCancelled(signal);

  onStage?.('writing');
  const apply =
    options.write === false
      ? { syncs: 0, largestRequestEstimate: 0, notesSkipped: 0, blocksSkipped: 0 }
      : await deps.excelRun((ctx) =>
          applyWritePlan(ctx, report.plan, { caps: deps.caps, grid, ...(signal ? { signal } : {}) }),
        );
  onStage?.('done');
  return { report, data, grid, engine, read, apply };
}

async function checkData(
  data: WorkbookData,
  deps: CheckDeps,
): Promise<{ report: CheckReport; engine: EngineUsed }> {
  const local = (reason: LocalReason) => ({
    report: buildReport(data, evaluate(data)),
    engine: { where: 'local', reason } as const,
  });
  if (!deps.backend?.currentUser()) return local('signedOut');
  if (!deps.online()) return local('offline');
  try {
    const user = deps.backend.currentUser();
    const report = await deps.backend.validate({
      data: redactPersonal(data),
      ...(user?.unit ? { unit: user.unit } : {}),
      ...(data.period ? { period: data.period.key } : {}),
    });
    // A report of another version (the functions deployed before or after this add-in) may
    // describe its write plan differently: the bundled engine checks instead.
    if (report.schemaVersion !== REPORT_SCHEMA_VERSION) return local('serverVersion');
    return { report, engine: { where: 'server' } };
  } catch (e) {
    if (isRetryable(e)) return local('unreachable');
    throw e;
  }
}

/** Lets React paint the stage name before a long synchronous engine step. */
function yieldToPane(): Promise<void> {
  return new Promise((r) => setTimeout(r, 0));
}
