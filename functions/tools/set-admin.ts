/**
 * Makes an existing account an admin: the first admin of a real project, set with the
 * project's credentials (GOOGLE_APPLICATION_CREDENTIALS or application-default login).
 *   npx tsx functions/tools/set-admin.ts --project <id> --email <email> [--scope '*'|<unit code>]
 */
import { parseArgs } from 'node:util';
import { initializeApp } from 'firebase-admin/app';
import { getAuth } from 'firebase-admin/auth';

const { values } = parseArgs({
  options: {
    project: { type: 'string' },
    email: { type: 'string' },
    scope: { type: 'string', default: '*' },
  },
});
if (!values.project || !values.email) {
  console.error("Cách dùng / usage: set-admin.ts --project <id> --email <email> [--scope '*'|<mã đơn vị>]");
  process.exit(2);
}
initializeApp({ projectId: values.project });
const auth = getAuth();
const user = await auth.getUserByEmail(values.email);
await auth.setCustomUserClaims(user.uid, {
  ...(user.customClaims ?? {}),
  role: 'admin',
  scope: values.scope,
});
console.log(
  `${values.email} (${user.uid}): admin, scope ${values.scope}. Đăng nhập lại để nhận quyền / sign in again to pick up the role.`,
);
