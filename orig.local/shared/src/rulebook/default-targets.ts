import { bi } from '../i18n.ts';
import type { RulebookInput } from './schema.ts';

/** Sơn La Resolution 02-NQ/TU of 21/1/2021 (seed 000): targets for 2021–2025. */
const SON_LA_02 = bi(
  'Nghị quyết 02-NQ/TU ngày 21/1/2021 của Ban Chấp hành Đảng bộ tỉnh Sơn La',
  'Sơn La Provincial Party Committee Resolution 02-NQ/TU of 21 January 2021',
);

/** Targets from the seeds (DOMAIN.md "Targets and gaps"), each with its basis. */
export const DEFAULT_TARGETS: RulebookInput['targets'] = [
  {
    id: 'sonla02.communeOrgsGoodOrBetter',
    measure: 'communeOrgsGoodOrBetter',
    comparator: '>=',
    value: 0.9,
    levels: [],
    period: { kind: 'year', fromYear: 2021, toYear: 2025 },
    label: bi(
      'Hằng năm có từ 90% đảng bộ cấp xã hoàn thành tốt nhiệm vụ trở lên',
      'Each year at least 90% of commune-level committees rated good or better',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    id: 'sonla02.communeOrgsNotCompleted',
    measure: 'communeOrgsNotCompleted',
    comparator: '=',
    value: 0,
    levels: [],
    period: { kind: 'year', fromYear: 2021, toYear: 2025 },
    label: bi(
      'Không có đảng bộ cấp xã không hoàn thành nhiệm vụ',
      'No commune-level committee rated not completed',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    id: 'sonla02.membersGoodOrBetter',
    measure: 'membersGoodOrBetter',
    comparator: '>=',
    value: 0.85,
    levels: [],
    period: { kind: 'year', fromYear: 2021, toYear: 2025 },
    label: bi(
      'Hằng năm có từ 85% đảng viên hoàn thành tốt nhiệm vụ trở lên',
      'Each year at least 85% of members rated good or better',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    id: 'sonla02.residentialCellsWithCommittee',
    measure: 'residentialCellsWithCommittee',
    comparator: '>',
    value: 0.9,
    levels: [],
    period: { kind: 'by', toYear: 2025 },
    label: bi(
      'Đến năm 2025, trên 90% chi bộ bản, tiểu khu, tổ dân phố có chi ủy',
      'By 2025, over 90% of residential cells (hamlets, sub-areas, neighbourhoods) with a committee',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    id: 'sonla02.secretariesChairmenNotLocal',
    measure: 'secretariesChairmenNotLocal',
    comparator: '>=',
    value: 0.5,
    levels: [],
    period: { kind: 'by', toYear: 2025 },
    label: bi(
      'Đến năm 2025, có 50% trở lên bí thư đảng ủy, chủ tịch UBND cấp xã không phải là người địa phương',
      'By 2025, at least 50% of commune party secretaries and chairmen not local',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    id: 'sonla02.communeOfficialsStandard',
    measure: 'communeOfficialsStandard',
    comparator: '>=',
    value: 1,
    levels: [],
    period: { kind: 'by', toYear: 2025 },
    label: bi(
      'Đến năm 2025, 100% cán bộ, công chức cấp xã đạt chuẩn trở lên',
      'By 2025, 100% of commune officials meeting the standard',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    // A province-wide count over the term: a single commune or district cannot be held to it.
    id: 'sonla02.enterpriseOrgsFounded',
    measure: 'enterpriseOrgsFounded',
    comparator: '>=',
    value: 5,
    levels: ['province'],
    period: { kind: 'term', fromYear: 2020, toYear: 2025 },
    label: bi(
      'Có ít nhất 5 tổ chức đảng trong doanh nghiệp, HTX được thành lập',
      'At least 5 party organizations founded in enterprises and co-operatives',
    ),
    basis: SON_LA_02,
    precision: 2,
  },
  {
    // Sốp Cộp aimed at 580–600 new members; the upper end is the target that 746 reached at 124,3%.
    id: 'sopcop.membersAdmitted',
    measure: 'membersAdmitted',
    comparator: '>=',
    value: 600,
    levels: ['district'],
    period: { kind: 'term', fromYear: 2015, toYear: 2020 },
    label: bi(
      'Nhiệm kỳ 2015–2020 kết nạp từ 580–600 đảng viên mới',
      'Term 2015–2020: admit 580–600 new members',
    ),
    basis: bi(
      'Nghị quyết Đại hội Đảng bộ huyện Sốp Cộp nhiệm kỳ 2015–2020 (bài 000)',
      'Sốp Cộp district party congress resolution, term 2015–2020 (seed 000)',
    ),
    precision: 1,
  },
  {
    id: 'hamlets.independentCell',
    measure: 'hamletsWithIndependentCell',
    comparator: '>=',
    value: 1,
    levels: [],
    period: { kind: 'year' },
    label: bi('100% thôn, bản có chi bộ độc lập', '100% of hamlets with an independent cell'),
    basis: bi(
      'Sốp Cộp: phấn đấu 100% số bản có chi bộ độc lập (bài 000); Lào Cai: 100% thôn bản có chi bộ độc lập (bài 001)',
      'Sốp Cộp: every hamlet with its own cell (seed 000); Lào Cai: 100% of hamlets with an independent cell (seed 001)',
    ),
    precision: 2,
  },
  {
    id: 'hamlets.withMembers',
    measure: 'hamletsWithMembers',
    comparator: '>=',
    value: 1,
    levels: [],
    period: { kind: 'year' },
    label: bi(
      '100% thôn, bản có đảng viên (xóa bản trắng đảng viên)',
      '100% of hamlets with party members (no "white" hamlets)',
    ),
    basis: bi(
      'Sơn La: 100% số bản, tiểu khu, tổ dân phố có đảng viên, có chi bộ (bài 000); Lào Cai (bài 001)',
      'Sơn La: every hamlet, sub-area and neighbourhood with members and a cell (seed 000); Lào Cai (seed 001)',
    ),
    precision: 2,
  },
  {
    id: 'cells.secretaryIsHamletHead',
    measure: 'cellsSecretaryIsHamletHead',
    comparator: '>=',
    value: 1,
    levels: [],
    period: { kind: 'year' },
    label: bi('100% bí thư chi bộ đồng thời là trưởng bản', '100% of cell secretaries also hamlet heads'),
    basis: bi(
      'Nghị quyết 02-NQ/TU; Sốp Cộp bố trí 99/101 bí thư chi bộ đồng thời là trưởng bản (bài 003)',
      'Resolution 02-NQ/TU; Sốp Cộp reached 99/101 secretaries who are also hamlet heads (seed 003)',
    ),
    precision: 2,
  },
  {
    id: 'laocai.orgsGoodOrBetter',
    measure: 'orgsGoodOrBetter',
    comparator: '>',
    value: 0.9,
    levels: [],
    period: { kind: 'year' },
    label: bi(
      'Hằng năm trên 90% tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
      'Each year over 90% of grassroots organizations rated good or better',
    ),
    basis: bi(
      'Chỉ thị của Ban Thường vụ Tỉnh ủy Lào Cai về xây dựng tổ chức đảng, đảng viên (bài 001)',
      'Lào Cai Provincial Standing Committee directive on party organizations and members (seed 001)',
    ),
    precision: 2,
  },
  {
    id: 'cells.allRegularMeetings',
    measure: 'cellsAllRegularMeetings',
    comparator: '>=',
    value: 1,
    levels: [],
    period: { kind: 'year' },
    label: bi('100% chi bộ sinh hoạt đủ 12 kỳ/năm', '100% of cells holding all 12 regular meetings a year'),
    basis: bi(
      'Điều lệ Đảng: chi bộ sinh hoạt thường kỳ mỗi tháng một lần; Văn Lãng, Lạng Sơn (bài 002)',
      'Party Statute: one regular cell meeting a month; Văn Lãng, Lạng Sơn (seed 002)',
    ),
    precision: 2,
  },
];
