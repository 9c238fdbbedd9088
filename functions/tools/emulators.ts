/**
 * Starting and stopping the local stack: the Node reimplementation of Firestore
 * (@firestore-emulator/server) in this process, and firebase-tools' Auth and Functions
 * emulators (offline) in a child process group that can be killed and restarted on its own.
 * Used by `npm run stack`, the tests in tests/functions and `npm run bench:functions`.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FirestoreServer } from '@firestore-emulator/server';
import { REGION } from '../src/config.ts';

export const REPO_ROOT = dirname(dirname(dirname(fileURLToPath(import.meta.url))));
const FUNCTIONS_DIR = join(REPO_ROOT, 'functions');

export interface Ports {
  auth: number;
  functions: number;
  firestore: number;
  hub: number;
  logging: number;
}

/** The stack's ports: firebase.json's, each overridable, e.g. KIEMTRA_PORT_AUTH=9400. */
export function portsFromEnv(defaults: Ports, env: NodeJS.ProcessEnv = process.env): Ports {
  const pick = (name: keyof Ports) => Number(env[`KIEMTRA_PORT_${name.toUpperCase()}`] ?? defaults[name]);
  return {
    auth: pick('auth'),
    functions: pick('functions'),
    firestore: pick('firestore'),
    hub: pick('hub'),
    logging: pick('logging'),
  };
}

/** A port block: base, base+1, … — used by tests so that each suite has its own. */
export function portBlock(base: number): Ports {
  return { auth: base, functions: base + 1, firestore: base + 2, hub: base + 3, logging: base + 4 };
}

export async function buildFunctions(): Promise<void> {
  await run(process.execPath, [join(FUNCTIONS_DIR, 'scripts/build.mjs')], REPO_ROOT);
}

export async function startFirestore(port: number): Promise<FirestoreServer> {
  const server = new FirestoreServer();
  await server.start(port);
  return server;
}

export interface FirebaseEmulators {
  projectId: string;
  ports: Ports;
  functionsUrl(name: string): string;
  /** Kills the whole process group (emulators and function workers) at once. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Output so far, for diagnosing a failed start. */
  output(): string;
}

/**
 * Starts `firebase emulators:start --only auth,functions` with a config holding these ports,
 * in a temporary project directory whose "functions" links to the real one. Resolves when
 * the functions answer.
 */
export async function startFirebaseEmulators(opts: {
  projectId: string;
  ports: Ports;
  echo?: boolean;
}): Promise<FirebaseEmulators> {
  const { projectId, ports } = opts;
  // Inside the repository (in the git-ignored .emulator-data/), so that packages resolve
  // from the linked source the way they do from functions/ itself.
  mkdirSync(join(REPO_ROOT, '.emulator-data'), { recursive: true });
  const dir = mkdtempSync(join(REPO_ROOT, '.emulator-data', `${projectId}-`));
  symlinkSync(FUNCTIONS_DIR, join(dir, 'functions'));
  const config = {
    functions: [{ source: 'functions', codebase: 'default', runtime: 'nodejs20' }],
    emulators: {
      singleProjectMode: true,
      auth: { host: '127.0.0.1', port: ports.auth },
      functions: { host: '127.0.0.1', port: ports.functions },
      hub: { host: '127.0.0.1', port: ports.hub },
      logging: { host: '127.0.0.1', port: ports.logging },
      ui: { enabled: false },
    },
  };
  writeFileSync(join(dir, 'firebase.json'), JSON.stringify(config, null, 2));
  writeFileSync(join(dir, '.firebaserc'), JSON.stringify({ projects: { default: projectId } }));

  const bin = join(REPO_ROOT, 'node_modules/firebase-tools/lib/bin/firebase.js');
  const child: ChildProcess = spawn(
    process.execPath,
    [
      bin,
      'emulators:start',
      '--only',
      'auth,functions',
      '--project',
      projectId,
      '--config',
      join(dir, 'firebase.json'),
    ],
    {
      cwd: dir,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        FIRESTORE_EMULATOR_HOST: `127.0.0.1:${ports.firestore}`,
        GCLOUD_PROJECT: projectId,
        // Offline: no update check, no message of the day, no analytics prompt.
        CI: 'true',
        NO_UPDATE_NOTIFIER: '1',
        FIREBASE_CLI_EXPERIMENTS: '',
      },
    },
  );
  let out = '';
  const onData = (b: Buffer) => {
    out += b.toString();
    if (out.length > 400_000) out = out.slice(-200_000);
    if (opts.echo) process.stdout.write(b);
  };
  child.stdout?.on('data', onData);
  child.stderr?.on('data', onData);
  let exited = false;
  // If this process ends first, the emulators must not outlive it.
  const killOnExit = () => {
    try {
      if (!exited && child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      /* already gone */
    }
  };
  process.on('exit', killOnExit);
  const exit = new Promise<void>((resolve) =>
    child.on('exit', () => {
      exited = true;
      process.off('exit', killOnExit);
      resolve();
    }),
  );

  const emulators: FirebaseEmulators = {
    projectId,
    ports,
    functionsUrl: (name) => `http://127.0.0.1:${ports.functions}/${projectId}/${REGION}/${name}`,
    output: () => out,
    async kill(signal = 'SIGTERM') {
      if (!exited && child.pid) {
        try {
          process.kill(-child.pid, signal);
        } catch {
          /* already gone */
        }
        const timer = setTimeout(() => {
          try {
            if (child.pid) process.kill(-child.pid, 'SIGKILL');
          } catch {
            /* already gone */
          }
        }, 8_000);
        await exit;
        clearTimeout(timer);
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };

  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`firebase emulators exited during start:\n${out.slice(-4000)}`);
    if (Date.now() > deadline) {
      await emulators.kill('SIGKILL');
      throw new Error(`firebase emulators not ready in 90 s:\n${out.slice(-4000)}`);
    }
    if (/All emulators ready/.test(out) && (await functionsAnswer(emulators.functionsUrl('rollup'))))
      return emulators;
    await sleep(250);
  }
}

/** A call without a token must come back as the callable protocol's UNAUTHENTICATED. */
async function functionsAnswer(url: string): Promise<boolean> {
  try {
    const res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"data":{}}',
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await res.json()) as { error?: { status?: string } };
    return body.error?.status === 'UNAUTHENTICATED';
  } catch {
    return false;
  }
}

export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

function run(cmd: string, args: string[], cwd: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const p = spawn(cmd, args, { cwd, stdio: 'inherit' });
    p.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}`)),
    );
  });
}
