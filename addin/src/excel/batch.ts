/**
 * Queues writes and syncs only when the queued request nears the write budget, so that a plan
 * of any size goes out in a few requests each under Excel on the web's 5 MB limit. Screen
 * updating is suspended once per request, not per operation.
 */
import type { ExcelCapabilities } from './capabilities.ts';
import { throwIfCancelled } from './cancel.ts';
import { WRITE_BUDGET_BYTES } from './limits.ts';

/** An Office.js action plus the object path it runs on, serialized. */
export const OP_OVERHEAD_BYTES = 220;

export class WriteBatch {
  private queued = 0;
  private suspended = false;
  syncs = 0;
  largestEstimate = 0;

  constructor(
    private context: Excel.RequestContext,
    private caps: ExcelCapabilities,
    private signal?: AbortSignal,
    private budget = WRITE_BUDGET_BYTES,
    private onSync?: (syncs: number) => void,
  ) {}

  /** Call before queueing an operation of about `bytes` payload; may sync first. */
  async reserve(bytes: number): Promise<void> {
    const cost = bytes + OP_OVERHEAD_BYTES;
    if (this.queued > 0 && this.queued + cost > this.budget) await this.flush();
    if (!this.suspended && this.caps.suspendScreenUpdating) {
      this.context.workbook.application.suspendScreenUpdatingUntilNextSync();
      this.suspended = true;
    }
    this.queued += cost;
  }

  async flush(): Promise<void> {
    if (this.queued === 0) return;
    this.largestEstimate = Math.max(this.largestEstimate, this.queued);
    await this.context.sync();
    this.syncs++;
    this.queued = 0;
    this.suspended = false;
    this.onSync?.(this.syncs);
    throwIfCancelled(this.signal);
  }

  /** Bytes a rows × cols block of `bytesPerCell` takes; helps split big value writes. */
  rowsThatFit(cols: number, bytesPerCell: number): number {
    return Math.max(1, Math.floor((this.budget - OP_OVERHEAD_BYTES) / Math.max(1, cols * bytesPerCell)));
  }
}
