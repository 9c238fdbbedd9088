/** Flags on party cells (chi bộ trực thuộc): committee, size, meetings, admissions, roles. */
import { bi } from '../i18n.ts';
import type { RowRecord } from '../table.ts';
import { BASIS } from './basis.ts';
import type { RuleHelpers } from './helpers.ts';
import { hamletHeadNotMember } from './hamlets.ts';
import { rowRule, type RuleDef } from './types.ts';

/** Whether a cell has a committee (chi ủy): the yes/no column, else a committee size above 0. */
function hasCommittee(rec: RowRecord, h: RuleHelpers): boolean | undefined {
  const yes = h.bool(rec, 'hasCommittee');
  if (yes !== undefined) return yes;
  const size = h.num(rec, 'committeeSize');
  return size === undefined ? undefined : size > 0;
}

/** " (3 tháng)" / " (3 months)" when the period is not a year: the requirement was prorated. */
function periodNote(h: RuleHelpers): { vi: string; en: string } {
  return h.months === 12 ? { vi: '', en: '' } : { vi: ` (${h.months} tháng)`, en: ` (${h.months} months)` };
}

const JUSTIFY_VI = 'nếu có lý do, ghi vào cột Giải trình.';
const JUSTIFY_EN = 'if there is a reason, write it in the Justification column.';

export const CELL_RULES: RuleDef[] = [
  rowRule({
    id: 'cell.committee.missing',
    severity: 'warning',
    title: bi('Chi bộ đủ điều kiện nhưng chưa có chi ủy', 'Cell eligible for a committee has none'),
    basis: BASIS.statuteCommittee,
    kinds: ['partyCells'],
    needs: [],
    when: (rec, h) => h.official(rec) !== undefined && hasCommittee(rec, h) !== undefined,
    row(rec, h) {
      const official = h.official(rec)!;
      const min = h.thresholds.committeeMinOfficialMembers;
      if (official < min || hasCommittee(rec, h)) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        ['hasCommittee', 'committeeSize'],
        bi(
          `${l.vi}: ${official} đảng viên chính thức (từ ${min} đảng viên chính thức thì bầu chi ủy) nhưng chưa có chi ủy`,
          `${l.en}: ${official} official members (${min} or more elect a committee) but no committee`,
        ),
        { official, required: min },
        bi(
          `Kiện toàn, bầu chi ủy cho chi bộ; ${JUSTIFY_VI}`,
          `Elect a committee for the cell; ${JUSTIFY_EN}`,
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.committee.belowMinimum',
    severity: 'warning',
    title: bi(
      'Chi bộ dưới mức bầu chi ủy nhưng có chi ủy',
      'Cell below the committee threshold has a committee',
    ),
    basis: BASIS.statuteCommittee,
    kinds: ['partyCells'],
    needs: [],
    when: (rec, h) => h.official(rec) !== undefined && hasCommittee(rec, h) !== undefined,
    row(rec, h) {
      const official = h.official(rec)!;
      const min = h.thresholds.committeeMinOfficialMembers;
      if (official >= min || !hasCommittee(rec, h)) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        ['hasCommittee', 'committeeSize'],
        bi(
          `${l.vi}: có chi ủy nhưng chỉ có ${official} đảng viên chính thức (cần từ ${min})`,
          `${l.en}: has a committee but only ${official} official members (${min} needed)`,
        ),
        { official, required: min },
        bi(
          'Kiểm tra lại số đảng viên chính thức hoặc cơ cấu chi ủy (dưới mức này chỉ bầu bí thư, phó bí thư).',
          'Check the official member count or the committee (below this only a secretary and deputy are elected).',
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.members.few',
    severity: 'info',
    title: bi('Chi bộ ít đảng viên', 'Cell with few members'),
    basis: BASIS.seedFewMembers,
    kinds: ['partyCells'],
    needs: ['membersTotal'],
    row(rec, h) {
      const members = h.num(rec, 'membersTotal')!;
      const { fewMembersWarning: under, fewMembersSevere: severe } = h.thresholds;
      // Below the severe threshold the stronger flag (cell.members.veryFew) speaks instead.
      if (members >= under || members < severe) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersTotal',
        bi(`${l.vi}: ${members} đảng viên (dưới ${under})`, `${l.en}: ${members} members (under ${under})`),
        { members, threshold: under },
        bi(
          'Chú trọng phát triển đảng viên ở chi bộ ít đảng viên.',
          'Focus member recruitment on cells with few members.',
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.members.veryFew',
    severity: 'warning',
    title: bi('Chi bộ rất ít đảng viên', 'Cell with very few members'),
    basis: BASIS.seedFewMembers,
    kinds: ['partyCells'],
    needs: ['membersTotal'],
    row(rec, h) {
      const members = h.num(rec, 'membersTotal')!;
      const severe = h.thresholds.fewMembersSevere;
      if (members >= severe) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersTotal',
        bi(
          `${l.vi}: chỉ ${members} đảng viên (dưới ${severe})`,
          `${l.en}: only ${members} members (under ${severe})`,
        ),
        { members, threshold: severe },
        bi(
          'Có kế hoạch bồi dưỡng, kết nạp đảng viên cho chi bộ.',
          'Plan training and admissions for this cell.',
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.members.belowMinimum',
    severity: 'warning',
    title: bi(
      'Chi bộ dưới 3 đảng viên chính thức (phải ghép)',
      'Cell below the minimum of official members (merge)',
    ),
    basis: BASIS.statuteMinMembers,
    kinds: ['partyCells'],
    needs: [],
    when: (rec, h) => h.official(rec) !== undefined,
    row(rec, h) {
      const official = h.official(rec)!;
      const min = h.thresholds.minOfficialMembers;
      if (official >= min) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        ['membersOfficial', 'membersTotal'],
        bi(
          `${l.vi}: ${official} đảng viên chính thức, dưới mức tối thiểu ${min}`,
          `${l.en}: ${official} official members, below the minimum of ${min}`,
        ),
        { official, required: min },
        bi(
          'Ghép với chi bộ khác cho đến khi đủ số đảng viên chính thức.',
          'Merge (ghép) it with another cell until it has enough official members.',
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.meetings.regular',
    severity: 'warning',
    title: bi('Chi bộ sinh hoạt thường kỳ chưa đủ số kỳ', 'Cell held fewer regular meetings than required'),
    basis: BASIS.seedRegularMeetings,
    kinds: ['partyCells'],
    needs: ['meetingsRegular'],
    when: (_rec, h) => h.requiredRegular > 0,
    row(rec, h) {
      const held = h.num(rec, 'meetingsRegular')!;
      const required = h.requiredRegular;
      if (held >= required) return undefined;
      const l = h.label(rec);
      const p = periodNote(h);
      return h.finding(
        rec,
        'meetingsRegular',
        bi(
          `${l.vi}: ${held} kỳ sinh hoạt / ${required} kỳ yêu cầu${p.vi}`,
          `${l.en}: ${held} regular meetings / ${required} required${p.en}`,
        ),
        { held, required, months: h.months },
        bi(
          `Duy trì sinh hoạt chi bộ mỗi tháng một lần; ${JUSTIFY_VI}`,
          `Hold the cell meeting every month; ${JUSTIFY_EN}`,
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.meetings.thematic',
    severity: 'warning',
    title: bi('Chi bộ ít sinh hoạt chuyên đề', 'Cell held too few thematic meetings'),
    basis: BASIS.seedThematicMeetings,
    kinds: ['partyCells'],
    needs: ['meetingsThematic'],
    when: (_rec, h) => h.requiredThematic > 0,
    row(rec, h) {
      const held = h.num(rec, 'meetingsThematic')!;
      const required = h.requiredThematic;
      if (held >= required) return undefined;
      const l = h.label(rec);
      const p = periodNote(h);
      return h.finding(
        rec,
        'meetingsThematic',
        bi(
          `${l.vi}: ${held} kỳ sinh hoạt chuyên đề / ${required} kỳ yêu cầu${p.vi}`,
          `${l.en}: ${held} thematic meetings / ${required} required${p.en}`,
        ),
        { held, required, months: h.months },
        bi(
          `Tổ chức sinh hoạt chuyên đề ít nhất mỗi quý một lần; ${JUSTIFY_VI}`,
          `Hold a thematic meeting at least once a quarter; ${JUSTIFY_EN}`,
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.admission.stalled',
    severity: 'warning',
    title: bi('Chi bộ nhiều năm không kết nạp đảng viên', 'Cell has admitted nobody for years'),
    basis: BASIS.seedAdmission,
    kinds: ['partyCells'],
    needs: ['lastAdmissionYear'],
    // Without the period's year the gap cannot be measured.
    when: (rec, h) => h.year !== undefined && h.num(rec, 'lastAdmissionYear')! <= h.year,
    row(rec, h) {
      const admitted = h.num(rec, 'admitted');
      if (admitted !== undefined && admitted > 0) return undefined;
      const last = h.num(rec, 'lastAdmissionYear')!;
      const years = h.year! - last;
      const threshold = h.thresholds.yearsWithoutAdmission;
      if (years < threshold) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'lastAdmissionYear',
        bi(
          `${l.vi}: ${years} năm không kết nạp đảng viên (lần gần nhất năm ${last}; ngưỡng ${threshold} năm)`,
          `${l.en}: ${years} years without admitting a member (last in ${last}; threshold ${threshold} years)`,
        ),
        { years, lastAdmissionYear: last, threshold },
        bi(
          'Rà soát nguồn quần chúng ưu tú, có kế hoạch bồi dưỡng kết nạp (mỗi nhiệm kỳ kết nạp ít nhất 1 đảng viên).',
          'Review candidates and plan admissions (at least one admission per term).',
        ),
      );
    },
  }),
  rowRule({
    id: 'cell.secretary.notHamletHead',
    severity: 'warning',
    title: bi(
      'Bí thư chi bộ chưa đồng thời là trưởng thôn/bản',
      'Cell secretary is not also the hamlet head',
    ),
    basis: BASIS.seedSecretaryHamletHead,
    kinds: ['partyCells'],
    needs: ['secretaryIsHamletHead'],
    row(rec, h) {
      if (h.bool(rec, 'secretaryIsHamletHead') !== false) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'secretaryIsHamletHead',
        bi(
          `${l.vi}: bí thư chi bộ chưa đồng thời là trưởng thôn/bản`,
          `${l.en}: the secretary is not also the hamlet head`,
        ),
        { secretaryIsHamletHead: false },
        bi(
          `Giới thiệu bí thư chi bộ để nhân dân bầu làm trưởng thôn/bản; ${JUSTIFY_VI}`,
          `Put the secretary forward for election as hamlet head; ${JUSTIFY_EN}`,
        ),
      );
    },
  }),
  hamletHeadNotMember('cell.hamletHead.notMember', 'partyCells'),
  rowRule({
    id: 'cell.members.withoutTask',
    severity: 'warning',
    title: bi(
      'Chi bộ còn đảng viên chưa được phân công nhiệm vụ',
      'Cell has members without an assigned task',
    ),
    basis: BASIS.seedTasks,
    kinds: ['partyCells'],
    needs: ['membersWithTask', 'membersTotal'],
    // More members with a task than members is a data error (data.range.tasks), not this flag.
    when: (rec, h) => h.num(rec, 'membersWithTask')! <= h.num(rec, 'membersTotal')!,
    row(rec, h) {
      const withTask = h.num(rec, 'membersWithTask')!;
      const total = h.num(rec, 'membersTotal')!;
      if (withTask >= total) return undefined;
      const without = total - withTask;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersWithTask',
        bi(
          `${l.vi}: ${without} đảng viên chưa được phân công nhiệm vụ (${withTask}/${total} được phân công)`,
          `${l.en}: ${without} members without an assigned task (${withTask}/${total} assigned)`,
        ),
        { withTask, total, without },
        bi(
          'Phân công nhiệm vụ cụ thể cho mọi đảng viên, đánh giá hằng tháng tại kỳ sinh hoạt.',
          'Assign every member a specific task and review it at the monthly meeting.',
        ),
      );
    },
  }),
];
