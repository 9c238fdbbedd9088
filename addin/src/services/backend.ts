/**
 * The backend as the pane sees it: sign-in and three callables. The Firebase implementation
 * loads the SDK only when first needed, so the offline path never waits for it.
 */
import type { CheckReport, Period, Rollup, UnitRef, UnitSummary, WorkbookData } from '@kiemtra/shared';

export interface SignedInUser {
  email: string;
  /** Unit code from the user's custom claims (scope); the unit they submit for. */
  unit?: string;
  role?: string;
}

export interface SubmitResult {
  status: 'created' | 'unchanged';
  version: { id: string; seq: number; contentHash: string; createdAt: string };
  totals?: CheckReport['totals'];
}

export interface RollupChild {
  unit: UnitRef;
  status: 'approved' | 'returned' | 'submitted' | 'missing';
  late: boolean | null;
  lastSubmittedAt: string | null;
  unitsSubmitted: number;
  unitsExpected: number;
}

/** What the `rollup` callable returns (the parts the pane shows). */
export interface RollupResult {
  unit: UnitRef;
  period: Period;
  rulebook: { id: string; version: string };
  rollup: Rollup;
  children: RollupChild[];
  timeliness: { dueAt: string | null; late: string[]; onTime: string[]; missing: string[] };
  trend?: { periodKey: string; summary: UnitSummary | null }[];
  computedAt?: string;
}

export interface Backend {
  currentUser(): SignedInUser | null;
  /** Resolves once a remembered session (if any) is restored. */
  ready(): Promise<SignedInUser | null>;
  signIn(email: string, password: string): Promise<SignedInUser>;
  signOut(): Promise<void>;
  validate(input: { data: WorkbookData; unit?: string; period?: string }): Promise<CheckReport>;
  submit(input: { data: WorkbookData; unit: string; period: string }): Promise<SubmitResult>;
  rollup(input: { unit: string; period: string }): Promise<RollupResult>;
}

export interface BackendConfig {
  firebase: { apiKey: string; authDomain?: string; projectId: string; appId?: string };
  region: string;
  /** Local emulators in development: Auth URL and Functions host/port. */
  emulators?: { auth: string; functionsHost: string; functionsPort: number };
}

/**
 * Failures worth retrying later, as opposed to refusals. The Functions SDK reports a request
 * that got no answer at all (no network, server down, or a crash without CORS headers) as
 * "internal" with HTTP status 0; an expired session comes back as "unauthenticated" and
 * succeeds after signing in again.
 */
export function isRetryable(e: unknown): boolean {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    const bare = code.replace(/^(functions|auth)\//, '');
    return [
      'internal',
      'unavailable',
      'deadline-exceeded',
      'unknown',
      'cancelled',
      'unauthenticated',
      'network-request-failed',
    ].includes(bare);
  }
  return e instanceof TypeError && /fetch|network/i.test(e.message);
}

/** A refusal from the server, with its Vietnamese and English message when it sent them. */
export function serverMessage(e: unknown): { vi: string; en: string } {
  const err = e as {
    message?: string;
    details?: { vi?: string; en?: string; message?: { vi?: string; en?: string } };
  };
  const d = err?.details;
  const vi = d?.vi ?? d?.message?.vi;
  const en = d?.en ?? d?.message?.en;
  const msg = err?.message ?? String(e);
  return { vi: vi ?? msg, en: en ?? msg };
}

export class FirebaseBackend implements Backend {
  private user: SignedInUser | null = null;
  private sdk: Promise<Sdk> | undefined;
  private restored: Promise<SignedInUser | null> | undefined;

  constructor(private config: BackendConfig) {}

  currentUser(): SignedInUser | null {
    return this.user;
  }

  ready(): Promise<SignedInUser | null> {
    // The remembered session is restored once; later calls answer with whoever is signed in now.
    this.restored ??= this.load().then(
      (sdk) =>
        new Promise<SignedInUser | null>((resolve) => {
          const stop = sdk.auth.onAuthStateChanged(sdk.authInstance, async (u) => {
            stop();
            if (u && !this.user) this.user = await describe(sdk, u);
            resolve(this.user);
          });
        }),
    );
    return this.restored.then(() => this.user);
  }

  async signIn(email: string, password: string): Promise<SignedInUser> {
    const sdk = await this.load();
    const cred = await sdk.auth.signInWithEmailAndPassword(sdk.authInstance, email, password);
    this.user = await describe(sdk, cred.user);
    return this.user;
  }

  async signOut(): Promise<void> {
    const sdk = await this.load();
    await sdk.auth.signOut(sdk.authInstance);
    this.user = null;
  }

  validate(input: { data: WorkbookData; unit?: string; period?: string }): Promise<CheckReport> {
    return this.call('validate', input);
  }

  submit(input: { data: WorkbookData; unit: string; period: string }): Promise<SubmitResult> {
    return this.call('submit', input);
  }

  rollup(input: { unit: string; period: string }): Promise<RollupResult> {
    return this.call('rollup', input);
  }

  private async call<T>(name: string, input: unknown): Promise<T> {
    const sdk = await this.load();
    const fn = sdk.functions.httpsCallable<unknown, T>(sdk.functionsInstance, name, { timeout: 120_000 });
    return (await fn(input)).data;
  }

  private load(): Promise<Sdk> {
    this.sdk ??= (async () => {
      const [app, auth, functions] = await Promise.all([
        import('firebase/app'),
        import('firebase/auth'),
        import('firebase/functions'),
      ]);
      const appInstance = app.initializeApp(this.config.firebase);
      const authInstance = auth.getAuth(appInstance);
      const functionsInstance = functions.getFunctions(appInstance, this.config.region);
      if (this.config.emulators) {
        auth.connectAuthEmulator(authInstance, this.config.emulators.auth, { disableWarnings: true });
        functions.connectFunctionsEmulator(
          functionsInstance,
          this.config.emulators.functionsHost,
          this.config.emulators.functionsPort,
        );
      }
      return { auth, functions, authInstance, functionsInstance };
    })();
    return this.sdk;
  }
}

type Sdk = {
  auth: typeof import('firebase/auth');
  functions: typeof import('firebase/functions');
  authInstance: import('firebase/auth').Auth;
  functionsInstance: import('firebase/functions').Functions;
};

async function describe(sdk: Sdk, u: import('firebase/auth').User): Promise<SignedInUser> {
  const token = await u.getIdTokenResult();
  const scope = token.claims['scope'];
  const role = token.claims['role'];
  return {
    email: u.email ?? '',
    ...(typeof scope === 'string' ? { unit: scope } : {}),
    ...(typeof role === 'string' ? { role } : {}),
  };
}
