/**
 * Sending a report. The submission is written into the workbook before the call, and removed
 * only when the server acknowledged it, so a failed network, a closed pane or a crash loses
 * nothing; the next attempt (or the pane opening again) sends what is waiting.
 */
import type { WorkbookData } from '@kiemtra/shared';
import { redactPersonal } from '@kiemtra/shared';
import type { PendingStore, PendingSubmission } from '../excel/pending.ts';
import type { Backend, SubmitResult } from './backend.ts';
import { isRetryable, serverMessage } from './backend.ts';

export interface SubmitPayload {
  unit: string;
  period: string;
  data: WorkbookData;
}

export type SubmitOutcome =
  | { status: 'sent'; result: SubmitResult }
  | { status: 'pending'; error: string }
  | { status: 'refused'; message: { vi: string; en: string } };

export function pendingId(unit: string, period: string): string {
  return `${unit}|${period}`;
}

export async function submitReport(
  backend: Backend,
  store: PendingStore,
  input: { unit: string; period: string; data: WorkbookData },
  now: () => string = () => new Date().toISOString(),
): Promise<SubmitOutcome> {
  const payload: SubmitPayload = { unit: input.unit, period: input.period, data: redactPersonal(input.data) };
  const entry: PendingSubmission = {
    id: pendingId(input.unit, input.period),
    createdAt: now(),
    attempts: 0,
    payload,
  };
  await store.put(entry);
  return attempt(backend, store, entry);
}

/** Sends every waiting submission; returns what happened to each. */
export async function retryPending(
  backend: Backend,
  store: PendingStore,
): Promise<{ id: string; outcome: SubmitOutcome }[]> {
  const out = [];
  for (const entry of await store.list())
    out.push({ id: entry.id, outcome: await attempt(backend, store, entry) });
  return out;
}

async function attempt(
  backend: Backend,
  store: PendingStore,
  entry: PendingSubmission,
): Promise<SubmitOutcome> {
  try {
    const result = await backend.submit(entry.payload as SubmitPayload);
    await store.remove(entry.id);
    return { status: 'sent', result };
  } catch (e) {
    if (isRetryable(e)) {
      const error = e instanceof Error ? e.message : String(e);
      await store.put({ ...entry, attempts: entry.attempts + 1, lastError: error });
      return { status: 'pending', error };
    }
    // A refusal (errors not justified, period locked, no right): resending would not help;
    // the report itself is still the workbook.
    await store.remove(entry.id);
    return { status: 'refused', message: serverMessage(e) };
  }
}
