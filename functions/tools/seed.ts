/**
 * A sample province for the local stack, the tests and the benchmark: the unit tree of
 * Sơn La → Sốp Cộp (the sample district's communes) and Mai Sơn, the default rulebook stored
 * as the province's own, and one demo account for each role.
 */
import { DEFAULT_RULEBOOK, readWorkbook, redactPersonal, type WorkbookData } from '@kiemtra/shared';
import { districtWorkbooks } from '@kiemtra/shared/samples';
import type { Role } from '../src/config.ts';
import type { StackClient } from './client.ts';

export const DEMO_PASSWORD = 'kiemtra-demo';

export interface DemoUser {
  uid: string;
  email: string;
  role: Role;
  scope: string;
  what: string;
}

export interface UnitRow {
  code: string;
  name: string;
  parentCode: string | null;
  level: string;
}

export const PROVINCE = {
  code: 'SL',
  name: 'Đảng bộ tỉnh Sơn La',
  parentCode: null,
  level: 'Tỉnh',
} satisfies UnitRow;

export function demoUsers(): DemoUser[] {
  return [
    {
      uid: 'admin',
      email: 'admin@kiemtra.test',
      role: 'admin',
      scope: '*',
      what: 'quản trị toàn hệ thống / global admin',
    },
    {
      uid: 'admin-sl',
      email: 'quantri.sonla@kiemtra.test',
      role: 'admin',
      scope: 'SL',
      what: 'quản trị tỉnh / province admin',
    },
    {
      uid: 'reviewer-sl',
      email: 'duyet.sonla@kiemtra.test',
      role: 'reviewer',
      scope: 'SL',
      what: 'duyệt các huyện / reviews districts',
    },
    {
      uid: 'reviewer-sc',
      email: 'duyet.sopcop@kiemtra.test',
      role: 'reviewer',
      scope: 'SC',
      what: 'duyệt các xã của Sốp Cộp / reviews Sốp Cộp communes',
    },
    {
      uid: 'editor-sc',
      email: 'nhaplieu.sopcop@kiemtra.test',
      role: 'editor',
      scope: 'SC',
      what: 'nộp báo cáo cho các xã Sốp Cộp / submits for Sốp Cộp communes',
    },
    {
      uid: 'editor-sc03',
      email: 'nhaplieu.sc03@kiemtra.test',
      role: 'editor',
      scope: 'SC03',
      what: 'nộp báo cáo cho một xã / submits for one commune',
    },
    {
      uid: 'viewer-sc',
      email: 'xem.sopcop@kiemtra.test',
      role: 'viewer',
      scope: 'SC',
      what: 'xem Sốp Cộp / reads Sốp Cộp',
    },
    {
      uid: 'viewer-ms',
      email: 'xem.maison@kiemtra.test',
      role: 'viewer',
      scope: 'MS',
      what: 'xem Mai Sơn / reads Mai Sơn',
    },
  ];
}

/** The sample district's communes, read and redacted the way the add-in sends them. */
export function sampleDistrict(n = 9): {
  units: UnitRow[];
  workbooks: { code: string; data: WorkbookData; clean: boolean }[];
} {
  const d = districtWorkbooks(n);
  const units: UnitRow[] = [
    PROVINCE,
    ...d.units.map((u) => ({ code: u.code, name: u.name, parentCode: u.parentCode ?? null, level: u.level })),
    { code: 'MS', name: 'Đảng bộ huyện Mai Sơn', parentCode: 'SL', level: 'Huyện' },
    { code: 'MS01', name: 'Đảng bộ xã Chiềng Mung', parentCode: 'MS', level: 'Xã' },
    { code: 'MS02', name: 'Đảng bộ xã Hát Lót', parentCode: 'MS', level: 'Xã' },
  ];
  const communeCodes = d.units.filter((u) => u.parentCode === 'SC').map((u) => u.code);
  const workbooks = d.communes.map((c, i) => ({
    code: communeCodes[i]!,
    data: redactPersonal(readWorkbook(c.grid)),
    clean: i % 3 === 2,
  }));
  return { units, workbooks };
}

export async function seedUsers(client: StackClient, users: DemoUser[]): Promise<void> {
  for (const u of users) await client.createUser({ ...u, password: DEMO_PASSWORD });
}

/** Units through the `units` callable and the rulebook through `rulebook`, as an admin would. */
export async function seedProvince(client: StackClient, units: UnitRow[]): Promise<string> {
  const token = await client.signIn('admin@kiemtra.test', DEMO_PASSWORD);
  await client.must('units', { action: 'import', rows: units }, token);
  await client.must(
    'rulebook',
    { action: 'put', scope: PROVINCE.code, rulebook: { ...DEFAULT_RULEBOOK, effective: { fromYear: 2020 } } },
    token,
  );
  return token;
}
