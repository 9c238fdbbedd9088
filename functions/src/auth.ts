/**
 * Who is calling. The ID token is verified here, whatever the hosting layer did before: the
 * Functions emulator skips verification entirely, and on real Firebase a token keeps the
 * claims it was minted with until it is refreshed. The account's current custom claims are
 * the authority; a token whose claims differ from them (edited, or stale after a role change)
 * is refused.
 */
import type { CallableRequest } from 'firebase-functions/v2/https';
import { GLOBAL_SCOPE, ROLES, type Role } from './config.ts';
import { fail } from './errors.ts';
import { auth } from './firebase.ts';

export interface Caller {
  uid: string;
  email?: string;
  role: Role;
  /** A unit code, or GLOBAL_SCOPE for an admin of everything. */
  scope: string;
}

const SIGN_IN = {
  vi: 'Cần đăng nhập: yêu cầu không có mã đăng nhập (ID token).',
  en: 'Sign-in required: the request carries no ID token.',
};

export async function authenticate(request: CallableRequest<unknown>): Promise<Caller> {
  const header = request.rawRequest?.headers?.authorization ?? '';
  const match = /^Bearer\s+(\S+)$/i.exec(Array.isArray(header) ? (header[0] ?? '') : header);
  const token = match?.[1];
  if (!token) fail('unauthenticated', SIGN_IN.vi, SIGN_IN.en);

  let decoded: Awaited<ReturnType<ReturnType<typeof auth>['verifyIdToken']>>;
  try {
    // checkRevoked: also refuses disabled accounts and tokens issued before a revocation.
    decoded = await auth().verifyIdToken(token, true);
  } catch (e) {
    const reason = (e as { code?: string }).code ?? 'auth/invalid-id-token';
    fail(
      'unauthenticated',
      'Mã đăng nhập không hợp lệ, đã hết hạn hoặc đã bị thu hồi; hãy đăng nhập lại.',
      'The ID token is invalid, expired or revoked; sign in again.',
      { reason },
    );
  }

  let claims: Record<string, unknown>;
  let email: string | undefined;
  try {
    const user = await auth().getUser(decoded.uid);
    claims = user.customClaims ?? {};
    email = user.email;
  } catch {
    fail('unauthenticated', 'Tài khoản không tồn tại.', 'The account does not exist.');
  }

  if (decoded['role'] !== claims['role'] || decoded['scope'] !== claims['scope']) {
    fail(
      'unauthenticated',
      'Quyền ghi trong mã đăng nhập không khớp với tài khoản (mã bị sửa hoặc đã cũ); hãy đăng nhập lại.',
      "The token's claims do not match the account (edited or stale); sign in again.",
      { reason: 'claims-mismatch' },
    );
  }

  const role = claims['role'];
  const scope = claims['scope'];
  if (
    typeof role !== 'string' ||
    !(ROLES as readonly string[]).includes(role) ||
    typeof scope !== 'string' ||
    !scope
  ) {
    fail(
      'permission-denied',
      'Tài khoản chưa được cấp quyền (vai trò và đơn vị).',
      'The account has not been granted a role and a unit.',
    );
  }
  return { uid: decoded.uid, ...(email ? { email } : {}), role: role as Role, scope };
}

export function requireRole(caller: Caller, roles: readonly Role[]): void {
  if (!roles.includes(caller.role)) {
    fail(
      'permission-denied',
      `Vai trò "${caller.role}" không được thực hiện việc này (cần: ${roles.join(', ')}).`,
      `Role "${caller.role}" may not do this (needs: ${roles.join(', ')}).`,
    );
  }
}

export function isGlobal(caller: Caller): boolean {
  return caller.role === 'admin' && caller.scope === GLOBAL_SCOPE;
}
