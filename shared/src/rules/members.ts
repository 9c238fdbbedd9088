/**
 * Checks on the member list (đảng viên). Messages name the row and the cell, never the
 * person, and never quote a birth date or year: both are personal data.
 */
import { bi } from '../i18n.ts';
import { BASIS } from './basis.ts';
import type { Finding, RuleDef } from './types.ts';
import type { FieldValue } from '../table.ts';
import type { RuleHelpers } from './helpers.ts';

/** "2016-03-05" → "05/03/2016", the way officials write dates. */
function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/**
 * The year of birth where no full date of birth is given: a "Ngày sinh" cell holding only the
 * year ("00/00/1950"), or a list giving only the year ("Năm sinh").
 */
function birthYearOnly(birth: FieldValue | undefined, year: FieldValue | undefined): number | undefined {
  if (typeof birth === 'number') return birth;
  return birth === undefined && typeof year === 'number' ? year : undefined;
}

/**
 * A member's dates, from the member columns: the rules on dates visit all 100,000 rows of a
 * province, and compare them as yyyymmdd numbers; the texts are read for messages only.
 */
interface MemberDates {
  births: readonly (FieldValue | undefined)[];
  birthYears: readonly (FieldValue | undefined)[];
  admissions: readonly (FieldValue | undefined)[];
  officials: readonly (FieldValue | undefined)[];
  birthDays: Int32Array;
  admissionDays: Int32Array;
  officialDays: Int32Array;
}

function memberDates(h: RuleHelpers): MemberDates {
  return {
    births: h.column('members', 'birthDate'),
    birthYears: h.column('members', 'birthYear'),
    admissions: h.column('members', 'admissionDate'),
    officials: h.column('members', 'officialDate'),
    birthDays: h.days('members', 'birthDate'),
    admissionDays: h.days('members', 'admissionDate'),
    officialDays: h.days('members', 'officialDate'),
  };
}

/** The year of a yyyymmdd day number. */
const yearOf = (day: number): number => Math.floor(day / 10_000);

/** The birth an admission is checked against, and what to check when the check fails. */
const BIRTH_DATE = {
  what: bi('ngày sinh', 'date of birth'),
  check: bi('Kiểm tra lại ngày sinh và ngày vào Đảng.', 'Check the dates of birth and admission.'),
};
const BIRTH_YEAR = {
  what: bi('năm sinh', 'year of birth'),
  check: bi('Kiểm tra lại năm sinh và ngày vào Đảng.', 'Check the year of birth and the admission date.'),
};

/**
 * What an admission date fails to come after, if it does: the date of birth, or the year of
 * birth where only the year is given (admitted in that year or before it is certainly wrong).
 * Dates as yyyymmdd numbers, 0 for none.
 */
function notAfterBirth(admission: number, birth: number, birthYear: number | undefined) {
  if (birth !== 0) return admission <= birth ? BIRTH_DATE : undefined;
  return birthYear !== undefined && yearOf(admission) <= birthYear ? BIRTH_YEAR : undefined;
}

export const MEMBER_RULES: RuleDef[] = [
  {
    id: 'member.task.missing',
    severity: 'warning',
    title: bi('Đảng viên chưa được phân công nhiệm vụ', 'Member without an assigned task'),
    basis: BASIS.seedTasks,
    kinds: ['members'],
    // Read by column: a row counts as checked when it says whether the member has a task, and
    // only a member without one is visited.
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      const records = h.records('members');
      const tasks = h.column('members', 'taskAssigned');
      for (let i = 0; i < tasks.length; i++) {
        const task = tasks[i];
        if (task === undefined) continue;
        checked++;
        if (task !== false) continue;
        const rec = records[i]!;
        const l = h.label(rec);
        findings.push(
          h.finding(
            rec,
            'taskAssigned',
            bi(`${l.vi}: chưa được phân công nhiệm vụ`, `${l.en}: no task assigned`),
            { taskAssigned: false },
            bi(
              'Chi bộ phân công nhiệm vụ cụ thể cho đảng viên.',
              'The cell should assign the member a specific task.',
            ),
          ),
        );
      }
      return { findings, checked };
    },
  },
  {
    id: 'member.dates.order',
    severity: 'error',
    title: bi(
      'Ngày sinh, ngày vào Đảng, ngày chính thức không theo thứ tự',
      'Birth, admission and official dates out of order',
    ),
    basis: BASIS.consistency,
    kinds: ['members'],
    // A row counts as checked when it has two of the three dates (a year of birth counts).
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      const records = h.records('members');
      const { births, birthYears, admissions, officials, birthDays, admissionDays, officialDays } =
        memberDates(h);
      for (let i = 0; i < records.length; i++) {
        const birthDay = birthDays[i]!;
        const admissionDay = admissionDays[i]!;
        const officialDay = officialDays[i]!;
        const hasBirth = birthDay !== 0;
        const hasAdmission = admissionDay !== 0;
        const hasOfficial = officialDay !== 0;
        const birthYear = hasBirth ? undefined : birthYearOnly(births[i], birthYears[i]);
        const dates =
          (hasBirth || birthYear !== undefined ? 1 : 0) + (hasAdmission ? 1 : 0) + (hasOfficial ? 1 : 0);
        if (dates < 2) continue;
        checked++;
        const rec = records[i]!;
        const born = hasAdmission ? notAfterBirth(admissionDay, birthDay, birthYear) : undefined;
        // The dates' texts are read for messages only: a date with a day number is a text.
        if (hasAdmission && born) {
          const admission = admissions[i] as string;
          const l = h.label(rec);
          findings.push(
            h.finding(
              rec,
              'admissionDate',
              bi(
                `${l.vi}: ngày vào Đảng ${viDate(admission)} không sau ${born.what.vi}`,
                `${l.en}: admission date ${admission} is not after the ${born.what.en}`,
              ),
              { admissionDate: admission },
              born.check,
            ),
          );
        }
        if (hasAdmission && hasOfficial && officialDay < admissionDay) {
          const admission = admissions[i] as string;
          const official = officials[i] as string;
          const l = h.label(rec);
          findings.push(
            h.finding(
              rec,
              'officialDate',
              bi(
                `${l.vi}: ngày chính thức ${viDate(official)} trước ngày vào Đảng ${viDate(admission)}`,
                `${l.en}: official date ${official} is before the admission date ${admission}`,
              ),
              { admissionDate: admission, officialDate: official },
              bi('Kiểm tra lại ngày vào Đảng và ngày chính thức.', 'Check the admission and official dates.'),
            ),
          );
        } else if (hasBirth && hasOfficial && !hasAdmission && officialDay <= birthDay) {
          const official = officials[i] as string;
          const l = h.label(rec);
          findings.push(
            h.finding(
              rec,
              'officialDate',
              bi(
                `${l.vi}: ngày chính thức ${viDate(official)} không sau ngày sinh`,
                `${l.en}: official date ${official} is not after the date of birth`,
              ),
              { officialDate: official },
              bi(
                'Kiểm tra lại ngày sinh và ngày chính thức.',
                'Check the dates of birth and official status.',
              ),
            ),
          );
        }
      }
      return { findings, checked };
    },
  },
  {
    id: 'member.age.atAdmission',
    severity: 'error',
    title: bi('Chưa đủ tuổi khi vào Đảng', 'Under the minimum age at admission'),
    basis: BASIS.statuteAge,
    kinds: ['members'],
    // Checked: rows with an admission date after a birth (date or year). Admission before birth
    // is member.dates.order's finding; no minimum in the rulebook: no check.
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      const minimum = h.thresholds.minAdmissionAge;
      if (minimum === undefined) return { findings, checked };
      const records = h.records('members');
      const { births, birthYears, birthDays, admissionDays } = memberDates(h);
      for (let i = 0; i < records.length; i++) {
        const admission = admissionDays[i]!;
        if (admission === 0) continue;
        const birth = birthDays[i]!;
        // With only the year of birth, the oldest the member can have been: under the minimum
        // even so, certainly too young; otherwise the year alone cannot tell.
        const exact = birth !== 0;
        let age: number;
        if (exact) {
          if (!(birth < admission)) continue;
          // yyyymmdd numbers: their difference counts whole years in its ten-thousands.
          age = Math.floor((admission - birth) / 10_000);
        } else {
          const year = birthYearOnly(births[i], birthYears[i]);
          if (year === undefined || !(year < yearOf(admission))) continue;
          age = yearOf(admission) - year;
        }
        checked++;
        if (age >= minimum) continue;
        const rec = records[i]!;
        const l = h.label(rec);
        const said = exact
          ? bi(`${age} tuổi`, `${age} years old`)
          : bi(`nhiều nhất ${age} tuổi`, `at most ${age} years old`);
        findings.push(
          h.finding(
            rec,
            'admissionDate',
            bi(
              `${l.vi}: ${said.vi} khi vào Đảng (tối thiểu ${minimum} tuổi)`,
              `${l.en}: ${said.en} when admitted (minimum ${minimum})`,
            ),
            exact ? { age, minimum } : { ageAtMost: age, minimum },
            (exact ? BIRTH_DATE : BIRTH_YEAR).check,
          ),
        );
      }
      return { findings, checked };
    },
  },
];
