/**
 * The canonical fields of every kind of table officials keep. Header texts map onto these
 * ids (see detect/aliases.ts); rules, summaries and write plans speak only in these ids.
 */
import { bi, type Bilingual } from './i18n.ts';

/** What a table is about. */
export type TableKind =
  | 'partyCells' // chi bộ trực thuộc
  | 'hamlets' // thôn, bản, tiểu khu, tổ dân phố
  | 'members' // đảng viên (personal data: stays in the workbook)
  | 'organizations' // tổ chức cơ sở đảng / đảng bộ xã
  | 'targets' // chỉ tiêu
  | 'units' // danh sách đơn vị (cây đơn vị)
  | 'justifications'; // giải trình

export const TABLE_KINDS: readonly TableKind[] = [
  'partyCells',
  'hamlets',
  'members',
  'organizations',
  'targets',
  'units',
  'justifications',
];

export const TABLE_KIND_LABELS: Record<TableKind, Bilingual> = {
  partyCells: bi('Chi bộ trực thuộc', 'Party cells'),
  hamlets: bi('Thôn, bản, tổ dân phố', 'Hamlets and residential areas'),
  members: bi('Đảng viên', 'Party members'),
  organizations: bi('Tổ chức cơ sở đảng', 'Grassroots party organizations'),
  targets: bi('Chỉ tiêu', 'Targets'),
  units: bi('Danh sách đơn vị', 'Unit list'),
  justifications: bi('Giải trình', 'Justifications'),
};

/** How a cell's value is read (see parse/). */
export type FieldType =
  | 'int' // a count: whole, ≥ 0
  | 'number' // any number (a score)
  | 'percent' // 6,8% → 0.068
  | 'quantity' // a target's value: "90%" → 0.9 when typed as a percentage, else the number (600)
  | 'text'
  | 'code' // identifiers: leading zeros kept, stored as text
  | 'bool' // x, Có, Không, ✓, TRUE
  | 'date' // dd/mm/yyyy or an Excel serial → ISO yyyy-mm-dd
  | 'year' // 4-digit year
  | 'birthDate' // a date of birth, or its year alone ("1950", "00/00/1950") when only that is known
  | 'birthYear' // a year of birth: 4 digits from 1900, or the year of a full date
  | 'rating' // HTXSNV | HTTNV | HTNV | KHTNV in any spelling
  | 'memberStatus'; // chính thức | dự bị

export interface FieldDef {
  id: string;
  type: FieldType;
  label: Bilingual;
  /** A table of this kind is incomplete without it. */
  required?: boolean;
  /** Personal data: read and checked locally, never sent anywhere. */
  personal?: boolean;
}

function f(id: string, type: FieldType, vi: string, en: string, extra: Partial<FieldDef> = {}): FieldDef {
  return { id, type, label: bi(vi, en), ...extra };
}

/** Fields shared by the kinds that describe a unit's work and quality (cells, organizations). */
const qualityFields: FieldDef[] = [
  f('score', 'number', 'Điểm tự chấm', 'Score'),
  f('tasksTotal', 'int', 'Số nhiệm vụ được giao', 'Tasks assigned'),
  f('tasksOnTime', 'int', 'Nhiệm vụ hoàn thành đúng hạn', 'Tasks done on time'),
  f('tasksLate', 'int', 'Nhiệm vụ hoàn thành chậm', 'Tasks done late'),
  f('tasksUndone', 'int', 'Nhiệm vụ chưa hoàn thành', 'Tasks not done'),
  f('tasksExceeded', 'int', 'Nhiệm vụ vượt', 'Tasks exceeded'),
  f('disciplinedLeaders', 'int', 'Cán bộ lãnh đạo bị kỷ luật', 'Disciplined members in the leadership'),
  f('proposedRating', 'rating', 'Tự xếp loại / đề nghị', 'Proposed rating'),
  f('membersExcellent', 'int', 'ĐV HTXSNV', 'Members rated excellent'),
  f('membersGood', 'int', 'ĐV HTTNV', 'Members rated good'),
  f('membersCompleted', 'int', 'ĐV HTNV', 'Members rated completed'),
  f('membersNotCompleted', 'int', 'ĐV KHTNV', 'Members rated not completed'),
  f('justification', 'text', 'Giải trình', 'Justification'),
];

/** Member balance over a period: start + admitted + in − out − deceased − removed = end. */
const balanceFields: FieldDef[] = [
  f('membersStart', 'int', 'Đảng viên đầu kỳ', 'Members at start of period'),
  f('transferredIn', 'int', 'Chuyển đến', 'Transferred in'),
  f('transferredOut', 'int', 'Chuyển đi', 'Transferred out'),
  f('deceased', 'int', 'Từ trần', 'Deceased'),
  f('removed', 'int', 'Xóa tên, khai trừ, cho ra', 'Removed from the party'),
  f('membersEnd', 'int', 'Đảng viên cuối kỳ', 'Members at end of period'),
];

export const FIELDS: Record<TableKind, FieldDef[]> = {
  partyCells: [
    f('order', 'text', 'STT', 'No.'),
    f('name', 'text', 'Tên chi bộ', 'Party cell', { required: true }),
    f('code', 'code', 'Mã chi bộ', 'Cell code'),
    f('cellType', 'text', 'Loại hình chi bộ', 'Kind of cell'),
    f('membersTotal', 'int', 'Tổng số đảng viên', 'Members, total', { required: true }),
    f('membersOfficial', 'int', 'Đảng viên chính thức', 'Official members'),
    f('membersProbationary', 'int', 'Đảng viên dự bị', 'Probationary members'),
    f('hasCommittee', 'bool', 'Có chi ủy', 'Has a committee'),
    f('committeeSize', 'int', 'Số chi ủy viên', 'Committee size'),
    f('meetingsRegular', 'int', 'Số kỳ sinh hoạt thường kỳ', 'Regular meetings held'),
    f('meetingsThematic', 'int', 'Số kỳ sinh hoạt chuyên đề', 'Thematic meetings held'),
    f('admitted', 'int', 'Kết nạp trong kỳ', 'Members admitted this period'),
    f('lastAdmissionYear', 'year', 'Năm kết nạp gần nhất', 'Year of last admission'),
    f(
      'secretaryIsHamletHead',
      'bool',
      'Bí thư đồng thời là trưởng thôn/bản',
      'Secretary is also hamlet head',
    ),
    f('hamletHeadIsMember', 'bool', 'Trưởng thôn/bản là đảng viên', 'Hamlet head is a party member'),
    f('membersWithTask', 'int', 'Đảng viên được phân công nhiệm vụ', 'Members assigned a task'),
    ...balanceFields,
    ...qualityFields,
  ],
  hamlets: [
    f('order', 'text', 'STT', 'No.'),
    f('name', 'text', 'Tên thôn, bản, tổ dân phố', 'Hamlet', { required: true }),
    f('code', 'code', 'Mã thôn', 'Hamlet code'),
    f('population', 'int', 'Dân số (người)', 'Population'),
    f('households', 'int', 'Số hộ', 'Households'),
    f('members', 'int', 'Số đảng viên', 'Party members', { required: true }),
    f('hasIndependentCell', 'bool', 'Có chi bộ độc lập', 'Has its own party cell'),
    f('hamletHeadIsMember', 'bool', 'Trưởng thôn là đảng viên', 'Hamlet head is a party member'),
    f('religious', 'bool', 'Có đồng bào theo tôn giáo', 'Religious community'),
    f('ethnicMinority', 'bool', 'Vùng đồng bào dân tộc thiểu số', 'Ethnic-minority community'),
    f('difficultArea', 'bool', 'Đặc biệt khó khăn', 'Especially difficult area'),
    f('justification', 'text', 'Giải trình', 'Justification'),
  ],
  members: [
    f('order', 'text', 'STT', 'No.'),
    f('fullName', 'text', 'Họ và tên', 'Full name', { required: true, personal: true }),
    f('birthDate', 'birthDate', 'Ngày sinh', 'Date of birth', { personal: true }),
    // Many member lists give only the year ("Năm sinh"): a year there is the whole answer.
    f('birthYear', 'birthYear', 'Năm sinh', 'Year of birth', { personal: true }),
    f('cell', 'text', 'Chi bộ', 'Party cell', { required: true }),
    f('admissionDate', 'date', 'Ngày vào Đảng', 'Date admitted'),
    f('officialDate', 'date', 'Ngày chính thức', 'Date made official'),
    f('status', 'memberStatus', 'Chính thức / dự bị', 'Official / probationary'),
    f('rating', 'rating', 'Xếp loại', 'Rating'),
    f('taskAssigned', 'bool', 'Được phân công nhiệm vụ', 'Task assigned'),
    f('disciplined', 'bool', 'Bị kỷ luật', 'Disciplined'),
    f('justification', 'text', 'Giải trình', 'Justification'),
  ],
  organizations: [
    f('order', 'text', 'STT', 'No.'),
    f('name', 'text', 'Tên tổ chức cơ sở đảng', 'Grassroots organization', { required: true }),
    f('code', 'code', 'Mã đơn vị', 'Unit code'),
    f('orgType', 'text', 'Loại hình', 'Kind of organization'),
    f('cells', 'int', 'Số chi bộ trực thuộc', 'Party cells'),
    f('membersTotal', 'int', 'Tổng số đảng viên', 'Members, total'),
    f('membersOfficial', 'int', 'Đảng viên chính thức', 'Official members'),
    f('membersProbationary', 'int', 'Đảng viên dự bị', 'Probationary members'),
    f('admitted', 'int', 'Kết nạp trong kỳ', 'Members admitted this period'),
    f('secretaryNotLocal', 'bool', 'Bí thư không là người địa phương', 'Secretary not local'),
    f('chairmanNotLocal', 'bool', 'Chủ tịch UBND không là người địa phương', 'Commune chairman not local'),
    f('officialsTotal', 'int', 'Cán bộ, công chức xã', 'Commune officials'),
    f('officialsMeetingStandard', 'int', 'Cán bộ, công chức đạt chuẩn', 'Officials meeting the standard'),
    f(
      'enterpriseOrgsFounded',
      'int',
      'Tổ chức đảng thành lập trong DN, HTX',
      'Organizations founded in enterprises/co-ops',
    ),
    ...balanceFields,
    ...qualityFields,
  ],
  targets: [
    f('order', 'text', 'STT', 'No.'),
    f('measure', 'text', 'Chỉ tiêu', 'Target', { required: true }),
    f('comparator', 'text', 'So sánh', 'Comparator'),
    f('value', 'quantity', 'Giá trị', 'Value', { required: true }),
    f('unitOfMeasure', 'text', 'Đơn vị tính', 'Unit of measure'),
    f('reported', 'quantity', 'Thực hiện (đơn vị báo cáo)', 'Achieved (as the unit reports)'),
    f('reportedAttainment', 'percent', 'Tỷ lệ thực hiện so với kế hoạch', 'Achieved against planned'),
    f('scope', 'text', 'Phạm vi', 'Scope'),
    f('period', 'text', 'Thời hạn', 'Period'),
    f('basis', 'text', 'Căn cứ', 'Basis'),
  ],
  units: [
    f('order', 'text', 'STT', 'No.'),
    f('code', 'code', 'Mã đơn vị', 'Unit code', { required: true }),
    f('name', 'text', 'Tên đơn vị', 'Unit name', { required: true }),
    f('parentCode', 'code', 'Mã đơn vị cấp trên', 'Parent unit code'),
    f('level', 'text', 'Cấp / loại', 'Level / kind'),
  ],
  justifications: [
    f('order', 'text', 'STT', 'No.'),
    f('ruleId', 'text', 'Mã quy tắc', 'Rule id', { required: true }),
    f('sheet', 'text', 'Trang tính', 'Sheet'),
    f('cell', 'text', 'Ô / dòng', 'Cell or row', { required: true }),
    f('text', 'text', 'Nội dung giải trình', 'Justification', { required: true }),
  ],
};

export function fieldDef(kind: TableKind, id: string): FieldDef | undefined {
  return FIELDS[kind].find((d) => d.id === id);
}
