/**
 * Every error a caller sees is an HttpsError: the message in Vietnamese, the English text in
 * `details.en`, and any data the caller can act on beside it.
 */
import { HttpsError, type FunctionsErrorCode } from 'firebase-functions/v2/https';

export type ErrorDetails = Record<string, unknown>;

export function fail(code: FunctionsErrorCode, vi: string, en: string, details: ErrorDetails = {}): never {
  throw new HttpsError(code, vi, { vi, en, ...details });
}

/** Firestore's gRPC status for ALREADY_EXISTS, as firebase-admin reports it. */
export function isAlreadyExists(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 6 || code === 'already-exists' || code === 'ALREADY_EXISTS';
}
