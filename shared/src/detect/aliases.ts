/**
 * How officials title the columns of each kind of table, per canonical field (fields.ts).
 *
 * Aliases are written as officials write headers, in Vietnamese with diacritics; matching
 * folds case, diacritics, spacing and punctuation and spells out abbreviations (see
 * header-words.ts), so "Số ĐV / CT" meets "đảng viên chính thức". A multi-level header is
 * matched as its levels joined ("Số đảng viên" over "Chính thức" reads as "đảng viên chính
 * thức"), so a child that means nothing alone ("Tổng số", "Thường kỳ") is recognized through
 * its parent.
 *
 * Markers in front of an alias:
 * - `=` the header must say exactly this (in any word order), not merely contain it: "Chi bộ"
 *   names the cell column of a members list but is also part of many other headers;
 * - `~` a generic alias ("Tên đơn vị", "Mã"), trusted less than a specific one.
 */
import type { TableKind } from '../fields.ts';

export type AliasTable = Record<string, readonly string[]>;

const order = ['=STT', '=TT', '=Số thứ tự', '=Thứ tự'];

const membersCounts: AliasTable = {
  membersTotal: [
    'Tổng số đảng viên',
    'Tổng đảng viên',
    '=Số đảng viên',
    '=Đảng viên',
    'Đảng viên hiện có',
    'Tổng số đảng viên hiện có',
    '=Tổng số ĐV',
  ],
  membersOfficial: ['Đảng viên chính thức', 'Số ĐV chính thức', 'ĐVCT'],
  membersProbationary: ['Đảng viên dự bị', 'Số ĐV dự bị', 'ĐVDB'],
};

const admitted = [
  'Kết nạp',
  'Kết nạp đảng viên',
  'Đảng viên mới kết nạp',
  'Kết nạp mới',
  'Số đảng viên kết nạp trong kỳ',
];

const balance: AliasTable = {
  membersStart: ['Đảng viên đầu kỳ', 'Đầu kỳ', 'Đảng viên đầu năm', 'Đầu năm'],
  transferredIn: ['Chuyển đến', 'Chuyển sinh hoạt đến', 'Đảng viên chuyển đến'],
  transferredOut: ['Chuyển đi', 'Chuyển sinh hoạt đi', 'Đảng viên chuyển đi'],
  deceased: ['Từ trần', 'Chết', 'Từ trần, chết'],
  removed: ['Xóa tên', 'Khai trừ', 'Xóa tên, khai trừ, cho ra', 'Cho ra khỏi Đảng', 'Đưa ra khỏi Đảng'],
  membersEnd: ['Đảng viên cuối kỳ', 'Cuối kỳ', 'Đảng viên cuối năm', 'Cuối năm'],
};

const quality: AliasTable = {
  score: ['Điểm', 'Điểm tự chấm', 'Tổng điểm', 'Điểm đánh giá', 'Điểm tự đánh giá'],
  tasksTotal: ['Nhiệm vụ được giao', 'Tổng số nhiệm vụ', 'Số nhiệm vụ được giao', 'Nhiệm vụ / Tổng số'],
  tasksOnTime: ['Nhiệm vụ hoàn thành đúng hạn', 'Hoàn thành đúng hạn', 'Đúng hạn'],
  tasksLate: ['Nhiệm vụ hoàn thành chậm', 'Hoàn thành chậm', 'Chậm tiến độ', '=Chậm'],
  tasksUndone: ['Nhiệm vụ chưa hoàn thành', 'Chưa hoàn thành'],
  tasksExceeded: ['Nhiệm vụ vượt', 'Hoàn thành vượt', 'Vượt mức', 'Vượt kế hoạch', '=Vượt'],
  disciplinedLeaders: [
    'Cán bộ lãnh đạo bị kỷ luật',
    'Lãnh đạo bị kỷ luật',
    'Cấp ủy viên bị kỷ luật',
    '~Bị kỷ luật',
  ],
  proposedRating: [
    'Xếp loại',
    'Tự xếp loại',
    'Đề nghị xếp loại',
    'Tự đánh giá, xếp loại',
    'Xếp loại chất lượng',
    'Kết quả xếp loại',
    'Mức xếp loại',
  ],
  membersExcellent: [
    'ĐV HTXSNV',
    'Đảng viên xếp loại HTXSNV',
    'Xếp loại đảng viên / Hoàn thành xuất sắc nhiệm vụ',
    'Xếp loại đảng viên / Xuất sắc',
    '~=HTXSNV',
  ],
  membersGood: ['ĐV HTTNV', 'Đảng viên xếp loại HTTNV', 'Xếp loại đảng viên / Tốt', '~=HTTNV'],
  membersCompleted: ['ĐV HTNV', 'Đảng viên xếp loại HTNV', 'Xếp loại đảng viên / Hoàn thành', '~=HTNV'],
  membersNotCompleted: [
    'ĐV KHTNV',
    'Đảng viên xếp loại KHTNV',
    'Xếp loại đảng viên / Không hoàn thành',
    '~=KHTNV',
  ],
  justification: ['Giải trình', 'Nội dung giải trình', 'Lý do giải trình'],
};

export const ALIASES: Record<TableKind, AliasTable> = {
  partyCells: {
    order,
    name: [
      'Tên chi bộ',
      '=Chi bộ',
      'Tên chi bộ trực thuộc',
      '=Chi bộ trực thuộc',
      'Tên chi bộ (thôn, bản, cơ quan)',
      '~=Tên đơn vị',
      '~=Đơn vị',
      '~=Tên',
    ],
    code: ['=Mã', 'Mã chi bộ', '~=Mã đơn vị', '=Mã số'],
    cellType: ['Loại hình chi bộ', '=Loại hình', 'Loại chi bộ'],
    ...membersCounts,
    hasCommittee: ['Có chi ủy', '=Chi ủy', 'Chi ủy / Có, không', 'Có cấp ủy'],
    committeeSize: ['Số chi ủy viên', 'Chi ủy / Số lượng', 'Chi ủy / Số người', 'Chi ủy viên'],
    meetingsRegular: [
      'Sinh hoạt thường kỳ',
      'Số kỳ sinh hoạt thường kỳ',
      'Sinh hoạt chi bộ / Thường kỳ',
      'SHCB thường kỳ',
      '~=Thường kỳ',
      // Meetings counted without saying which are the monthly ones: the regular meetings
      // (12 a year) are what a cell reports first.
      '~=Số kỳ sinh hoạt',
      '~=Số lần sinh hoạt',
      '~=Số kỳ sinh hoạt chi bộ',
    ],
    meetingsThematic: [
      'Sinh hoạt chuyên đề',
      'Số kỳ sinh hoạt chuyên đề',
      'Sinh hoạt chi bộ / Chuyên đề',
      'SHCB chuyên đề',
      '~=Chuyên đề',
    ],
    admitted,
    lastAdmissionYear: [
      'Năm kết nạp gần nhất',
      'Lần kết nạp gần nhất',
      'Kết nạp gần nhất',
      'Năm kết nạp đảng viên gần nhất',
      'Năm gần nhất kết nạp',
    ],
    secretaryIsHamletHead: [
      'Bí thư đồng thời là trưởng thôn',
      'Bí thư đồng thời là trưởng bản',
      'Bí thư kiêm trưởng thôn',
      'Bí thư kiêm trưởng bản',
      'Bí thư là trưởng thôn, bản',
      'Bí thư kiêm trưởng thôn, bản',
      'BT kiêm TB',
      'Bí thư đồng thời trưởng',
    ],
    hamletHeadIsMember: [
      'Trưởng thôn là đảng viên',
      'Trưởng bản là đảng viên',
      'Trưởng thôn, bản là đảng viên',
      'Trưởng thôn, bản, tổ dân phố là đảng viên',
    ],
    membersWithTask: [
      'Đảng viên được phân công nhiệm vụ',
      'Số ĐV được phân công nhiệm vụ',
      'Phân công nhiệm vụ cho đảng viên',
      'Được phân công nhiệm vụ',
    ],
    ...balance,
    ...quality,
  },
  hamlets: {
    order,
    name: [
      'Tên thôn',
      'Tên bản',
      'Tên thôn, bản',
      'Thôn, bản',
      'Tên thôn, bản, tổ dân phố',
      'Thôn, bản, tổ dân phố',
      'Tên tiểu khu',
      'Tiểu khu',
      'Tổ dân phố',
      'Thôn, bản, tiểu khu',
      '=Thôn',
      '=Bản',
    ],
    code: ['=Mã', 'Mã thôn', 'Mã bản', '~=Mã đơn vị'],
    population: ['Dân số', 'Tổng dân số', 'Nhân khẩu', 'Dân số / Số khẩu', 'Dân số / Nhân khẩu', '=Số khẩu'],
    households: ['=Số hộ', 'Hộ gia đình', 'Dân số / Số hộ', 'Tổng số hộ'],
    members: [
      '=Số đảng viên',
      'Tổng số đảng viên',
      'Tổng đảng viên',
      'Đảng viên đang sinh hoạt',
      'Đảng viên sinh hoạt tại thôn',
      '=Đảng viên',
    ],
    hasIndependentCell: [
      'Chi bộ độc lập',
      'Có chi bộ độc lập',
      'Có chi bộ riêng',
      'Chi bộ riêng',
      'Có chi bộ',
    ],
    hamletHeadIsMember: [
      'Trưởng thôn là đảng viên',
      'Trưởng bản là đảng viên',
      'Trưởng thôn, bản là đảng viên',
      'Trưởng thôn, bản, tổ dân phố là đảng viên',
    ],
    religious: [
      'Tôn giáo',
      'Đồng bào tôn giáo',
      'Có đồng bào theo tôn giáo',
      'Đồng bào theo đạo',
      'Theo đạo',
      '=Có đạo',
    ],
    ethnicMinority: ['Dân tộc thiểu số', 'Vùng đồng bào dân tộc thiểu số', 'Đồng bào dân tộc thiểu số'],
    difficultArea: ['Đặc biệt khó khăn', 'Thôn, bản đặc biệt khó khăn'],
    justification: quality.justification!,
  },
  members: {
    order,
    fullName: ['Họ và tên', 'Họ tên', 'Họ tên đảng viên', 'Tên đảng viên'],
    birthDate: ['Ngày sinh', 'Ngày tháng năm sinh', 'Sinh ngày'],
    birthYear: ['=Năm sinh', '=Sinh năm'],
    cell: [
      '=Chi bộ',
      'Chi bộ sinh hoạt',
      'Sinh hoạt chi bộ',
      'Chi bộ đang sinh hoạt',
      'Tên chi bộ',
      'Thuộc chi bộ',
      'Đơn vị sinh hoạt',
    ],
    admissionDate: [
      'Ngày vào Đảng',
      'Ngày kết nạp',
      'Ngày tháng năm vào Đảng',
      'Ngày kết nạp Đảng',
      'Ngày vào Đảng / Kết nạp',
      '=Vào Đảng',
    ],
    officialDate: [
      'Ngày chính thức',
      'Ngày công nhận chính thức',
      'Ngày tháng năm chính thức',
      'Ngày vào Đảng / Chính thức',
    ],
    status: ['Chính thức / dự bị', 'CT/DB', 'Đảng viên chính thức, dự bị', 'Loại đảng viên', 'Tình trạng'],
    rating: ['Xếp loại', 'Xếp loại chất lượng', 'Kết quả xếp loại', 'Xếp loại đảng viên', 'Mức xếp loại'],
    taskAssigned: ['Được phân công nhiệm vụ', 'Phân công nhiệm vụ', 'Nhiệm vụ được phân công'],
    disciplined: ['Kỷ luật', 'Bị kỷ luật', 'Hình thức kỷ luật'],
    justification: quality.justification!,
  },
  organizations: {
    order,
    name: [
      'Tên tổ chức cơ sở đảng',
      'Tổ chức cơ sở đảng',
      'Tên TCCSĐ',
      'Đảng bộ xã',
      'Tên đảng bộ',
      'Tên đảng bộ xã',
      'Đảng bộ cơ sở',
      'Đảng bộ xã, phường, thị trấn',
      'Tên tổ chức đảng',
      '~=Tên đơn vị',
      '~=Đơn vị',
    ],
    code: ['=Mã', 'Mã đơn vị', 'Mã tổ chức', 'Mã đảng bộ'],
    orgType: ['=Loại hình', 'Loại hình tổ chức', 'Loại hình tổ chức cơ sở đảng', 'Loại tổ chức'],
    cells: ['Số chi bộ trực thuộc', '=Số chi bộ', 'Tổng số chi bộ', 'Chi bộ trực thuộc / Tổng số'],
    ...membersCounts,
    admitted,
    secretaryNotLocal: [
      'Bí thư không là người địa phương',
      'Bí thư đảng ủy không là người địa phương',
      'Bí thư không phải người địa phương',
      'Bí thư không phải người tại chỗ',
    ],
    chairmanNotLocal: [
      'Chủ tịch UBND không là người địa phương',
      'Chủ tịch không là người địa phương',
      'Chủ tịch UBND xã không là người địa phương',
      'Chủ tịch UBND không phải người địa phương',
    ],
    officialsTotal: ['Cán bộ, công chức xã', 'Cán bộ, công chức', 'Tổng số cán bộ, công chức', 'CBCC'],
    officialsMeetingStandard: ['Cán bộ, công chức đạt chuẩn', 'CBCC đạt chuẩn', '=Đạt chuẩn'],
    enterpriseOrgsFounded: [
      'Tổ chức đảng thành lập trong DN, HTX',
      'Tổ chức đảng thành lập trong doanh nghiệp',
      'Thành lập tổ chức đảng trong doanh nghiệp, hợp tác xã',
      'Tổ chức đảng trong doanh nghiệp',
      'Tổ chức đảng mới thành lập',
    ],
    ...balance,
    ...quality,
  },
  targets: {
    order,
    measure: ['Chỉ tiêu', 'Tên chỉ tiêu', 'Nội dung chỉ tiêu', '=Nội dung'],
    comparator: ['So sánh', 'Điều kiện', 'Phép so sánh'],
    value: [
      'Giá trị',
      'Mức chỉ tiêu',
      'Giá trị chỉ tiêu',
      'Chỉ tiêu đề ra',
      '=Mức',
      // Report layouts: "Kế hoạch | Thực hiện", the resolution's figure against the year's.
      'Kế hoạch',
      'Mục tiêu',
      'Chỉ tiêu kế hoạch',
      'Chỉ tiêu nghị quyết',
      'Nghị quyết đề ra',
      'Chỉ tiêu giao',
      'Chỉ tiêu được giao',
      '=KH',
    ],
    unitOfMeasure: ['Đơn vị tính', '=ĐVT', '=Đơn vị'],
    reported: [
      'Thực hiện',
      'Kết quả thực hiện',
      '=Kết quả',
      'Kết quả đạt được',
      'Đã đạt được',
      'Ước thực hiện',
      '=TH',
    ],
    reportedAttainment: [
      '=Tỷ lệ',
      '=Tỷ lệ (%)',
      'Tỷ lệ đạt',
      'Tỷ lệ thực hiện',
      'So với kế hoạch',
      'Tỷ lệ so với kế hoạch',
      'Đạt so với kế hoạch',
    ],
    scope: ['Phạm vi', 'Phạm vi áp dụng', 'Đối tượng áp dụng', 'Đơn vị áp dụng'],
    period: ['Thời hạn', 'Thời gian', 'Nhiệm kỳ', 'Thời hạn đạt'],
    basis: ['Căn cứ', 'Nguồn', 'Văn bản', 'Nghị quyết', 'Căn cứ, nguồn'],
  },
  units: {
    order,
    code: ['Mã đơn vị', '=Mã', '=Mã số'],
    name: ['Tên đơn vị', '=Đơn vị'],
    parentCode: [
      'Mã đơn vị cấp trên',
      'Mã cấp trên',
      'Đơn vị cấp trên',
      'Mã đơn vị trực thuộc',
      'Trực thuộc',
    ],
    level: ['=Cấp', '=Loại', 'Cấp / loại', 'Cấp đơn vị', 'Loại đơn vị', 'Cấp hành chính'],
  },
  justifications: {
    order,
    ruleId: ['Mã quy tắc', 'Mã kiểm tra', 'Mã lỗi', 'Quy tắc', 'Mã cảnh báo'],
    sheet: ['Trang tính', 'Sheet', '=Biểu', 'Tên biểu', 'Tên trang tính'],
    cell: ['=Ô', 'Ô / dòng', '=Dòng', 'Vị trí', 'Ô, dòng'],
    text: ['Nội dung giải trình', 'Giải trình', 'Lý do', '=Nội dung'],
  },
};

/** Words in a sheet name or title that hint at the kind of table below it. */
export const KIND_HINTS: Record<TableKind, readonly string[]> = {
  partyCells: ['chi bộ'],
  hamlets: ['thôn', 'bản', 'tổ dân phố', 'tiểu khu'],
  members: ['đảng viên'],
  organizations: ['tổ chức cơ sở đảng', 'TCCSĐ', 'đảng bộ cơ sở', 'đảng bộ xã'],
  targets: ['chỉ tiêu'],
  units: ['đơn vị', 'danh mục đơn vị'],
  justifications: ['giải trình'],
};
