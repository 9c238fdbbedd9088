/**
 * `npm run stack`: the whole backend on this machine, offline. The Node Firestore server
 * (@firestore-emulator/server) runs in this process; firebase-tools runs the Auth and
 * Functions emulators and passes FIRESTORE_EMULATOR_HOST on to the functions. The stack is
 * seeded with a sample province, its rulebook and one demo account per role.
 * Ports are firebase.json's; override with KIEMTRA_PORT_AUTH / _FUNCTIONS / _FIRESTORE / _HUB / _LOGGING.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION } from '../functions/src/config.ts';
import { StackClient } from '../functions/tools/client.ts';
import {
  buildFunctions,
  portsFromEnv,
  REPO_ROOT,
  startFirebaseEmulators,
  startFirestore,
} from '../functions/tools/emulators.ts';
import {
  DEMO_PASSWORD,
  demoUsers,
  sampleDistrict,
  seedProvince,
  seedUsers,
} from '../functions/tools/seed.ts';

const PROJECT = process.env.KIEMTRA_PROJECT ?? 'demo-kiemtra';
const firebaseJson = JSON.parse(readFileSync(join(REPO_ROOT, 'firebase.json'), 'utf8')) as {
  emulators: Record<string, { port?: number }>;
};
const e = firebaseJson.emulators;
const ports = portsFromEnv({
  auth: e['auth']!.port!,
  functions: e['functions']!.port!,
  firestore: e['firestore']!.port!,
  hub: e['hub']!.port!,
  logging: e['logging']!.port!,
});

console.log('Đang dựng gói hàm / building the functions bundle…');
await buildFunctions();
const firestore = await startFirestore(ports.firestore);
console.log(`Firestore (Node, @firestore-emulator/server): 127.0.0.1:${ports.firestore}`);
const emulators = await startFirebaseEmulators({
  projectId: PROJECT,
  ports,
  echo: process.env.KIEMTRA_STACK_VERBOSE === '1',
});
const client = new StackClient(emulators);
await seedUsers(client, demoUsers());
const sample = sampleDistrict(9);
await seedProvince(client, sample.units);

const users = demoUsers();
console.log(`
Kiểm tra TCCSĐ — máy chủ thử đang chạy / local stack running (project ${PROJECT})

  Functions:  http://127.0.0.1:${ports.functions}/${PROJECT}/${REGION}/<validate|submit|review|rollup|units|rulebook|users>
  Auth:       http://127.0.0.1:${ports.auth}   (FIREBASE_AUTH_EMULATOR_HOST=127.0.0.1:${ports.auth})
  Firestore:  127.0.0.1:${ports.firestore}     (FIRESTORE_EMULATOR_HOST=127.0.0.1:${ports.firestore})

Đơn vị mẫu / sample units: ${sample.units.map((u) => u.code).join(', ')}
Tài khoản thử (mật khẩu "${DEMO_PASSWORD}") / demo accounts (password "${DEMO_PASSWORD}"):
${users.map((u) => `  ${u.email.padEnd(32)} ${u.role.padEnd(9)} ${u.scope.padEnd(5)} ${u.what}`).join('\n')}

Đăng nhập lấy mã / get an ID token:
  curl -s -X POST 'http://127.0.0.1:${ports.auth}/identitytoolkit.googleapis.com/v1/accounts:signInWithPassword?key=fake' \\
    -H 'content-type: application/json' \\
    -d '{"email":"xem.sopcop@kiemtra.test","password":"${DEMO_PASSWORD}","returnSecureToken":true}'
Gọi hàm / call a function:
  curl -s -X POST http://127.0.0.1:${ports.functions}/${PROJECT}/${REGION}/rollup \\
    -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\
    -d '{"data":{"unit":"SC","period":"2023"}}'

Ctrl+C để dừng / to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  console.log('\nĐang dừng / stopping…');
  await emulators.kill();
  await client.close();
  firestore.stop();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
