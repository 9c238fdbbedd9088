/**
 * Checks on the member list (đảng viên). Messages name the row and the cell, never the
 * person, and never quote a birth date: both are personal data.
 */
import { bi } from '../i18n.ts';
import { BASIS } from './basis.ts';
import { rowRule, type RuleDef } from './types.ts';

/** "2016-03-05" → "05/03/2016", the way officials write dates. */
function viDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** Whole years from one ISO date to another. */
function fullYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years--;
  return years;
}

const isIsoDate = (v: unknown): v is string => typeof v === 'string' && /^\d{4}-\d{2}-\d{2}/.test(v);

export const MEMBER_RULES: RuleDef[] = [
  rowRule({
    id: 'member.task.missing',
    severity: 'warning',
    title: bi('Đảng viên chưa được phân công nhiệm vụ', 'Member without an assigned task'),
    basis: BASIS.seedTasks,
    kinds: ['members'],
    needs: ['taskAssigned'],
    row(rec, h) {
      if (h.bool(rec, 'taskAssigned') !== false) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'taskAssigned',
        bi(`${l.vi}: chưa được phân công nhiệm vụ`, `${l.en}: no task assigned`),
        { taskAssigned: false },
        bi(
          'Chi bộ phân công nhiệm vụ cụ thể cho đảng viên.',
          'The cell should assign the member a specific task.',
        ),
      );
    },
  }),
  rowRule({
    id: 'member.dates.order',
    severity: 'error',
    title: bi(
      'Ngày sinh, ngày vào Đảng, ngày chính thức không theo thứ tự',
      'Birth, admission and official dates out of order',
    ),
    basis: BASIS.consistency,
    kinds: ['members'],
    needs: [],
    when: (rec) =>
      [rec.values['birthDate'], rec.values['admissionDate'], rec.values['officialDate']].filter(isIsoDate)
        .length >= 2,
    row(rec, h) {
      const birth = rec.values['birthDate'];
      const admission = rec.values['admissionDate'];
      const official = rec.values['officialDate'];
      const l = h.label(rec);
      const out = [];
      if (isIsoDate(birth) && isIsoDate(admission) && admission <= birth) {
        out.push(
          h.finding(
            rec,
            'admissionDate',
            bi(
              `${l.vi}: ngày vào Đảng ${viDate(admission)} không sau ngày sinh`,
              `${l.en}: admission date ${admission} is not after the date of birth`,
            ),
            { admissionDate: admission },
            bi('Kiểm tra lại ngày sinh và ngày vào Đảng.', 'Check the dates of birth and admission.'),
          ),
        );
      }
      if (isIsoDate(admission) && isIsoDate(official) && official < admission) {
        out.push(
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
      } else if (isIsoDate(birth) && isIsoDate(official) && !isIsoDate(admission) && official <= birth) {
        out.push(
          h.finding(
            rec,
            'officialDate',
            bi(
              `${l.vi}: ngày chính thức ${viDate(official)} không sau ngày sinh`,
              `${l.en}: official date ${official} is not after the date of birth`,
            ),
            { officialDate: official },
            bi('Kiểm tra lại ngày sinh và ngày chính thức.', 'Check the dates of birth and official status.'),
          ),
        );
      }
      return out;
    },
  }),
  rowRule({
    id: 'member.age.atAdmission',
    severity: 'error',
    title: bi('Chưa đủ tuổi khi vào Đảng', 'Under the minimum age at admission'),
    basis: BASIS.statuteAge,
    kinds: ['members'],
    needs: ['birthDate', 'admissionDate'],
    // Admission before birth is member.dates.order's finding; no minimum in the rulebook: no check.
    when: (rec, h) =>
      h.thresholds.minAdmissionAge !== undefined &&
      isIsoDate(rec.values['birthDate']) &&
      isIsoDate(rec.values['admissionDate']) &&
      rec.values['birthDate'] < rec.values['admissionDate'],
    row(rec, h) {
      const age = fullYears(rec.values['birthDate'] as string, rec.values['admissionDate'] as string);
      const minimum = h.thresholds.minAdmissionAge!;
      if (age >= minimum) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'admissionDate',
        bi(
          `${l.vi}: ${age} tuổi khi vào Đảng (tối thiểu ${minimum} tuổi)`,
          `${l.en}: ${age} years old when admitted (minimum ${minimum})`,
        ),
        { age, minimum },
        bi('Kiểm tra lại ngày sinh và ngày vào Đảng.', 'Check the dates of birth and admission.'),
      );
    },
  }),
];
