/** users (admin): grant a role and a unit to an account, revoke it, list accounts in scope. */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { authenticate, isGlobal, requireRole, type Caller } from '../auth.ts';
import { GLOBAL_SCOPE } from '../config.ts';
import { fail } from '../errors.ts';
import { auth } from '../firebase.ts';
import { hashOf } from '../hash.ts';
import { parseInput, usersInput } from '../schemas.ts';
import { auditDoc, auditRef } from '../store.ts';
import { getUnit } from '../units.ts';

export async function handleUsers(request: CallableRequest<unknown>) {
  const caller = await authenticate(request);
  requireRole(caller, ['admin']);
  const input = parseInput(usersInput, request.data);

  if (input.action === 'list') {
    const out: { uid: string; email?: string; role?: unknown; scope?: unknown }[] = [];
    let pageToken: string | undefined;
    do {
      const page = await auth().listUsers(1000, pageToken);
      for (const u of page.users) {
        const scope = u.customClaims?.['scope'];
        if (typeof scope === 'string' && (await allowed(caller, scope))) {
          out.push({
            uid: u.uid,
            ...(u.email ? { email: u.email } : {}),
            role: u.customClaims?.['role'],
            scope,
          });
        }
      }
      pageToken = page.pageToken;
    } while (pageToken);
    return { users: out };
  }

  const existing = await auth()
    .getUserByEmail(input.email)
    .catch(() => undefined);

  if (input.action === 'revoke') {
    if (!existing) fail('not-found', `Không có tài khoản ${input.email}.`, `No account ${input.email}.`);
    const scope = existing.customClaims?.['scope'];
    if (typeof scope === 'string' && !(await allowed(caller, scope))) denyScope(scope);
    await auth().setCustomUserClaims(existing.uid, null);
    await auth().revokeRefreshTokens(existing.uid);
    await audit(caller, 'users.revoke', existing.uid, {});
    return { uid: existing.uid, role: null };
  }

  if (input.scope !== GLOBAL_SCOPE) await getUnit(input.scope);
  if (!(await allowed(caller, input.scope))) denyScope(input.scope);
  if (input.role === 'admin' && input.scope === GLOBAL_SCOPE && !isGlobal(caller)) denyScope(input.scope);
  const user =
    existing ??
    (input.password
      ? await auth().createUser({
          email: input.email,
          password: input.password,
          ...(input.displayName ? { displayName: input.displayName } : {}),
        })
      : fail(
          'not-found',
          `Không có tài khoản ${input.email}; gửi kèm mật khẩu để tạo.`,
          `No account ${input.email}; send a password to create it.`,
        ));
  await auth().setCustomUserClaims(user.uid, { role: input.role, scope: input.scope });
  await audit(caller, 'users.grant', user.uid, { email: input.email, role: input.role, scope: input.scope });
  return { uid: user.uid, role: input.role, scope: input.scope };
}

/** An admin manages accounts whose unit lies in the admin's subtree. */
async function allowed(caller: Caller, scope: string): Promise<boolean> {
  if (isGlobal(caller)) return true;
  if (scope === GLOBAL_SCOPE) return false;
  const unit = await getUnit(scope).catch(() => undefined);
  return !!unit && unit.path.includes(caller.scope);
}

function denyScope(scope: string): never {
  fail(
    'permission-denied',
    `Không có quyền quản lý tài khoản thuộc "${scope}".`,
    `You may not manage accounts of "${scope}".`,
  );
}

async function audit(caller: Caller, action: string, target: string, details: Record<string, unknown>) {
  await auditRef(`${action}__${target}__${hashOf([details, Date.now()]).slice(0, 12)}`).create(
    auditDoc(caller, action, target, details),
  );
}
