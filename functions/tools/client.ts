/**
 * Talking to the local stack the way a real client does: accounts in the Auth emulator,
 * sign-in over its REST API, and callables over the callable protocol (POST {data} with a
 * Bearer ID token). firebase-admin here is the functions' own copy, pointed at the emulators.
 */
import { deleteApp, getApps, initializeApp, type App } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';
import { getFirestore, type Firestore } from 'firebase-admin/firestore';
import type { Role } from '../src/config.ts';
import type { FirebaseEmulators } from './emulators.ts';

export interface CallError {
  status: string;
  message: string;
  details?: { vi?: string; en?: string; [k: string]: unknown };
}

export type CallResult<T> =
  { ok: true; result: T; ms: number } | { ok: false; error: CallError; httpStatus: number; ms: number };

export class StackClient {
  readonly app: App;
  readonly db: Firestore;

  constructor(readonly emulators: FirebaseEmulators) {
    process.env.FIREBASE_AUTH_EMULATOR_HOST = `127.0.0.1:${emulators.ports.auth}`;
    process.env.FIRESTORE_EMULATOR_HOST = `127.0.0.1:${emulators.ports.firestore}`;
    const name = `kiemtra-${emulators.projectId}`;
    this.app =
      getApps().find((a) => a.name === name) ?? initializeApp({ projectId: emulators.projectId }, name);
    this.db = getFirestore(this.app);
  }

  /** Points at a restarted emulator process (same ports). */
  use(emulators: FirebaseEmulators): void {
    (this as { emulators: FirebaseEmulators }).emulators = emulators;
  }

  /** Creates (or updates) an account with a role and a unit in custom claims. */
  async createUser(u: {
    uid: string;
    email: string;
    password: string;
    role?: Role;
    scope?: string;
  }): Promise<void> {
    const auth = getAuth(this.app);
    try {
      await auth.createUser({ uid: u.uid, email: u.email, password: u.password });
    } catch (e) {
      if ((e as { code?: string }).code !== 'auth/uid-already-exists') throw e;
      await auth.updateUser(u.uid, { email: u.email, password: u.password });
    }
    if (u.role && u.scope) await auth.setCustomUserClaims(u.uid, { role: u.role, scope: u.scope });
  }

  /** The Auth emulator's signInWithPassword: returns a fresh ID token. */
  async signIn(email: string, password: string): Promise<string> {
    const url = `http://127.0.0.1:${this.emulators.ports.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake-api-key`;
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email, password, returnSecureToken: true }),
    });
    const body = (await res.json()) as { idToken?: string; error?: unknown };
    if (!body.idToken) throw new Error(`sign-in of ${email} failed: ${JSON.stringify(body.error)}`);
    return body.idToken;
  }

  /** One callable call, as the Firebase client SDKs make it. */
  async call<T = unknown>(
    name: string,
    data: unknown,
    token?: string,
    opts: { timeoutMs?: number } = {},
  ): Promise<CallResult<T>> {
    const started = performance.now();
    const res = await fetch(this.emulators.functionsUrl(name), {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ data }),
      signal: AbortSignal.timeout(opts.timeoutMs ?? 180_000),
    });
    const text = await res.text();
    const ms = performance.now() - started;
    let body: { result?: T; error?: CallError };
    try {
      body = JSON.parse(text) as typeof body;
    } catch {
      return {
        ok: false,
        httpStatus: res.status,
        ms,
        error: { status: 'UNPARSEABLE', message: text.slice(0, 500) },
      };
    }
    if (res.ok && body.error === undefined) return { ok: true, result: body.result as T, ms };
    return {
      ok: false,
      httpStatus: res.status,
      ms,
      error: body.error ?? { status: 'UNKNOWN', message: text.slice(0, 500) },
    };
  }

  /** Like call, but throws on an error: for steps that must succeed. */
  async must<T = unknown>(name: string, data: unknown, token: string): Promise<T> {
    const r = await this.call<T>(name, data, token);
    if (!r.ok)
      throw new Error(
        `${name} failed: ${r.error.status} ${r.error.message} ${JSON.stringify(r.error.details ?? {}).slice(0, 800)}`,
      );
    return r.result;
  }

  /** Like must, with the call's time. */
  async must2<T = unknown>(name: string, data: unknown, token: string): Promise<{ result: T; ms: number }> {
    const r = await this.call<T>(name, data, token);
    if (!r.ok) throw new Error(`${name} failed: ${r.error.status} ${r.error.message}`);
    return { result: r.result, ms: r.ms };
  }

  async count(collection: string): Promise<number> {
    return (await this.db.collection(collection).count().get()).data().count;
  }

  async close(): Promise<void> {
    await deleteApp(this.app);
  }
}
