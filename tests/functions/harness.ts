/**
 * One real stack per test file: the Node Firestore server in this process, firebase-tools'
 * Auth and Functions emulators in a child process group, seeded with the sample province.
 * Each file has its own ports (KIEMTRA_TEST_PORT_BASE, default 7210, plus the file's offset)
 * and its own demo project id, so files and a developer's `npm run stack` do not collide.
 */
import type { FirestoreServer } from '@firestore-emulator/server';
import {
  buildFunctions,
  portBlock,
  startFirebaseEmulators,
  startFirestore,
  type FirebaseEmulators,
} from '../../functions/tools/emulators.ts';
import { StackClient } from '../../functions/tools/client.ts';
import type { Role } from '../../functions/src/config.ts';
import {
  DEMO_PASSWORD,
  demoUsers,
  sampleDistrict,
  seedProvince,
  seedUsers,
  type UnitRow,
} from '../../functions/tools/seed.ts';

export interface Stack {
  firestore: FirestoreServer;
  emulators: FirebaseEmulators;
  client: StackClient;
  adminToken: string;
  sample: ReturnType<typeof sampleDistrict>;
  token(email: string): Promise<string>;
  /** An extra account, created again whenever the emulators restart. */
  createUser(u: { uid: string; email: string; role?: Role; scope?: string }): Promise<void>;
  /** Kills the emulators' process group with SIGKILL and starts them again on the same ports. */
  restartEmulators(): Promise<void>;
  stop(): Promise<void>;
}

export async function startStack(opts: {
  portOffset: number;
  projectId: string;
  extraUnits?: UnitRow[];
}): Promise<Stack> {
  const ports = portBlock((Number(process.env.KIEMTRA_TEST_PORT_BASE ?? 0) || 7210) + opts.portOffset);
  await buildFunctions();
  const firestore = await startFirestore(ports.firestore);
  let emulators = await startFirebaseEmulators({ projectId: opts.projectId, ports });
  const client = new StackClient(emulators);
  await seedUsers(client, demoUsers());
  const sample = sampleDistrict(9);
  const adminToken = await seedProvince(client, [...sample.units, ...(opts.extraUnits ?? [])]);
  const tokens = new Map<string, string>();
  const extraUsers: { uid: string; email: string; role?: Role; scope?: string }[] = [];
  const stack: Stack = {
    firestore,
    get emulators() {
      return emulators;
    },
    client,
    adminToken,
    sample,
    async token(email) {
      const known = tokens.get(email);
      if (known) return known;
      const t = await client.signIn(email, DEMO_PASSWORD);
      tokens.set(email, t);
      return t;
    },
    async createUser(u) {
      extraUsers.push(u);
      await client.createUser({ ...u, password: DEMO_PASSWORD });
    },
    async restartEmulators() {
      await emulators.kill('SIGKILL');
      emulators = await startFirebaseEmulators({ projectId: opts.projectId, ports });
      client.use(emulators);
      // The Auth emulator keeps accounts in memory: the restarted one gets them again.
      await seedUsers(client, demoUsers());
      for (const u of extraUsers) await client.createUser({ ...u, password: DEMO_PASSWORD });
      tokens.clear();
    },
    async stop() {
      await emulators.kill();
      await client.close();
      firestore.stop();
    },
  };
  return stack;
}

export function must<T>(
  r: { ok: true; result: T } | { ok: false; error: { status: string; message: string } },
): T {
  if (!r.ok) throw new Error(`call failed: ${r.error.status} ${r.error.message}`);
  return r.result;
}
