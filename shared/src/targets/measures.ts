/**
 * Measures (thước đo) a target can name. Each is computed from a unit's counts, so the same
 * measure works on a commune's workbook and on a province's roll-up: ratios are recomputed from
 * summed counts, never averaged.
 */
import { bi, type Bilingual } from '../i18n.ts';
import type { Counts } from '../summary.ts';
import { foldText } from '../text.ts';

export interface Measure {
  id: string;
  label: Bilingual;
  /** 'ratio': numerator / denominator; 'count': the numerator alone. */
  kind: 'ratio' | 'count';
  numerator: (c: Counts) => number;
  denominator?: (c: Counts) => number;
  /**
   * For counts, whether the figure was reported at all (a count of 0 and "no data" look alike
   * in counts); ratios have no data when their denominator is 0.
   */
  hasData?: (c: Counts) => boolean;
  /** What a person acts on, in the plural form used in a gap ("3 đảng bộ cấp xã …"). */
  actionNoun: Bilingual;
  /** Folded phrases a workbook's target sheet may use for it. */
  aliases: string[];
}

function ratio(
  id: string,
  label: Bilingual,
  numerator: (c: Counts) => number,
  denominator: (c: Counts) => number,
  actionNoun: Bilingual,
  aliases: string[],
): Measure {
  return { id, label, kind: 'ratio', numerator, denominator, actionNoun, aliases };
}

function count(
  id: string,
  label: Bilingual,
  numerator: (c: Counts) => number,
  hasData: (c: Counts) => boolean,
  actionNoun: Bilingual,
  aliases: string[],
): Measure {
  return { id, label, kind: 'count', numerator, hasData, actionNoun, aliases };
}

const hasOrgsOrCells = (c: Counts): boolean => c.orgs > 0 || c.cells > 0;

export const MEASURES: readonly Measure[] = [
  ratio(
    'communeOrgsGoodOrBetter',
    bi('Đảng bộ cấp xã hoàn thành tốt nhiệm vụ trở lên', 'Commune-level committees rated good or better'),
    (c) => c.communeOrgsExcellent + c.communeOrgsGood,
    (c) => c.communeOrgsRated,
    bi('đảng bộ cấp xã xếp loại HTT trở lên', 'commune committees rated good or better'),
    ['dang bo cap xa hoan thanh tot nhiem vu tro len', 'dang bo xa htt tro len', 'dang bo cap xa htt'],
  ),
  count(
    'communeOrgsNotCompleted',
    bi('Đảng bộ cấp xã không hoàn thành nhiệm vụ', 'Commune-level committees rated not completed'),
    (c) => c.communeOrgsNotCompleted,
    (c) => c.communeOrgsRated > 0,
    bi('đảng bộ cấp xã KHTNV', 'commune committees rated not completed'),
    ['dang bo cap xa khong hoan thanh nhiem vu', 'dang bo xa khtnv', 'dang bo khong hoan thanh nhiem vu'],
  ),
  ratio(
    'membersGoodOrBetter',
    bi('Đảng viên hoàn thành tốt nhiệm vụ trở lên', 'Members rated good or better'),
    (c) => c.membersExcellent + c.membersGood,
    (c) => c.membersRated,
    bi('đảng viên xếp loại HTT trở lên', 'members rated good or better'),
    ['dang vien hoan thanh tot nhiem vu tro len', 'dang vien htt tro len'],
  ),
  ratio(
    'residentialCellsWithCommittee',
    bi('Chi bộ bản, tiểu khu, tổ dân phố có chi ủy', 'Residential cells with a committee'),
    (c) => c.cellsResidentialWithCommittee,
    (c) => c.cellsResidentialCommitteeKnown,
    bi('chi bộ thôn, bản, tổ dân phố có chi ủy', 'residential cells with a committee'),
    [
      'chi bo ban tieu khu to dan pho co chi uy',
      'chi bo thon ban co chi uy',
      'chi bo ban co chi uy',
      'chi bo thon co chi uy',
      'thon ban co chi uy',
    ],
  ),
  ratio(
    'secretariesChairmenNotLocal',
    bi(
      'Bí thư đảng ủy, chủ tịch UBND cấp xã không là người địa phương',
      'Commune secretaries and chairmen not local',
    ),
    (c) => c.secretariesNotLocal + c.chairmenNotLocal,
    (c) => c.secretariesKnown + c.chairmenKnown,
    bi('bí thư, chủ tịch cấp xã không là người địa phương', 'commune secretaries or chairmen not local'),
    ['bi thu chu tich khong phai la nguoi dia phuong', 'bi thu chu tich khong la nguoi dia phuong'],
  ),
  ratio(
    'communeOfficialsStandard',
    bi('Cán bộ, công chức cấp xã đạt chuẩn', 'Commune officials meeting the standard'),
    (c) => c.communeOfficialsStandard,
    (c) => c.communeOfficials,
    bi('cán bộ, công chức cấp xã đạt chuẩn', 'commune officials meeting the standard'),
    ['can bo cong chuc cap xa dat chuan', 'can bo cong chuc xa dat chuan'],
  ),
  count(
    'enterpriseOrgsFounded',
    bi('Tổ chức đảng thành lập trong doanh nghiệp, HTX', 'Party organizations founded in enterprises/co-ops'),
    (c) => c.enterpriseOrgsFounded,
    (c) => c.orgs > 0,
    bi('tổ chức đảng thành lập trong doanh nghiệp, HTX', 'organizations founded in enterprises or co-ops'),
    [
      'to chuc dang trong doanh nghiep htx',
      'to chuc dang thanh lap trong doanh nghiep',
      'thanh lap to chuc dang doanh nghiep',
    ],
  ),
  count(
    'membersAdmitted',
    bi('Đảng viên kết nạp', 'Members admitted'),
    (c) => c.membersAdmitted,
    hasOrgsOrCells,
    bi('đảng viên kết nạp', 'members admitted'),
    ['ket nap dang vien', 'dang vien ket nap', 'ket nap dang vien moi', 'phat trien dang vien'],
  ),
  ratio(
    'hamletsWithIndependentCell',
    bi('Thôn, bản có chi bộ độc lập', 'Hamlets with an independent cell'),
    (c) => c.hamletsWithIndependentCell,
    (c) => c.hamletsIndependentCellKnown,
    bi('thôn, bản có chi bộ độc lập', 'hamlets with their own cell'),
    ['ban co chi bo doc lap', 'thon ban co chi bo doc lap', 'thon co chi bo doc lap', 'ban trang chi bo'],
  ),
  ratio(
    'hamletsWithMembers',
    bi('Thôn, bản có đảng viên', 'Hamlets with party members'),
    (c) => c.hamletsWithMembers,
    (c) => c.hamlets,
    bi('thôn, bản có đảng viên', 'hamlets with a party member'),
    ['ban co dang vien', 'thon ban co dang vien', 'thon co dang vien', 'ban trang dang vien'],
  ),
  ratio(
    'cellsSecretaryIsHamletHead',
    bi('Bí thư chi bộ đồng thời là trưởng thôn, bản', 'Cell secretaries who are also hamlet heads'),
    (c) => c.cellsSecretaryIsHamletHead,
    (c) => c.cellsWithSecretaryData,
    bi('bí thư chi bộ kiêm trưởng thôn, bản', 'cell secretaries who are also hamlet heads'),
    [
      'bi thu chi bo dong thoi la truong ban',
      'bi thu chi bo dong thoi la truong thon',
      'bi thu kiem truong ban',
    ],
  ),
  ratio(
    'orgsGoodOrBetter',
    bi('Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên', 'Grassroots organizations rated good or better'),
    (c) => c.orgsExcellent + c.orgsGood,
    (c) => c.orgsRated,
    bi('tổ chức cơ sở đảng xếp loại HTT trở lên', 'grassroots organizations rated good or better'),
    [
      'to chuc co so dang hoan thanh tot nhiem vu tro len',
      'to chuc co so dang htt tro len',
      'tccsd htt tro len',
    ],
  ),
  ratio(
    'cellsAllRegularMeetings',
    bi('Chi bộ sinh hoạt đủ các kỳ thường kỳ', 'Cells holding every regular meeting'),
    (c) => c.cellsAllRegularMeetings,
    (c) => c.cellsWithMeetingData,
    bi('chi bộ sinh hoạt đủ kỳ', 'cells holding every regular meeting'),
    ['chi bo sinh hoat du 12 ky', 'chi bo sinh hoat du ky', 'sinh hoat dinh ky du 12 ky'],
  ),
  ratio(
    'orgsExcellentShare',
    bi('Tổ chức cơ sở đảng hoàn thành xuất sắc nhiệm vụ', 'Grassroots organizations rated excellent'),
    (c) => c.orgsExcellent,
    (c) => c.orgsRated,
    bi('tổ chức cơ sở đảng xếp loại HTXSNV', 'grassroots organizations rated excellent'),
    ['to chuc co so dang hoan thanh xuat sac nhiem vu', 'tccsd htxsnv'],
  ),
  ratio(
    'orgsGoodShare',
    bi('Tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ', 'Grassroots organizations rated good'),
    (c) => c.orgsGood,
    (c) => c.orgsRated,
    bi('tổ chức cơ sở đảng xếp loại HTTNV', 'grassroots organizations rated good'),
    ['to chuc co so dang hoan thanh tot nhiem vu', 'tccsd httnv'],
  ),
  ratio(
    'orgsCompletedShare',
    bi('Tổ chức cơ sở đảng hoàn thành nhiệm vụ', 'Grassroots organizations rated completed'),
    (c) => c.orgsCompleted,
    (c) => c.orgsRated,
    bi('tổ chức cơ sở đảng xếp loại HTNV', 'grassroots organizations rated completed'),
    ['to chuc co so dang hoan thanh nhiem vu', 'tccsd htnv'],
  ),
  ratio(
    'membersExcellentShare',
    bi('Đảng viên hoàn thành xuất sắc nhiệm vụ', 'Members rated excellent'),
    (c) => c.membersExcellent,
    (c) => c.membersRated,
    bi('đảng viên xếp loại HTXSNV', 'members rated excellent'),
    ['dang vien hoan thanh xuat sac nhiem vu', 'dang vien htxsnv'],
  ),
  ratio(
    'membersGoodShare',
    bi('Đảng viên hoàn thành tốt nhiệm vụ', 'Members rated good'),
    (c) => c.membersGood,
    (c) => c.membersRated,
    bi('đảng viên xếp loại HTTNV', 'members rated good'),
    ['dang vien hoan thanh tot nhiem vu', 'dang vien httnv'],
  ),
  ratio(
    'membersCompletedShare',
    bi('Đảng viên hoàn thành nhiệm vụ', 'Members rated completed'),
    (c) => c.membersCompleted,
    (c) => c.membersRated,
    bi('đảng viên xếp loại HTNV', 'members rated completed'),
    ['dang vien hoan thanh nhiem vu', 'dang vien htnv'],
  ),
  ratio(
    'membersPerPopulation',
    bi('Tỷ lệ đảng viên trên dân số', 'Party members per population'),
    (c) => c.members,
    (c) => c.population,
    bi('đảng viên', 'party members'),
    ['ty le dang vien dan so', 'ty le dang vien tren dan so', 'dang vien dan so'],
  ),
  count(
    'cellsWithCommittee',
    bi('Chi bộ có chi ủy', 'Cells with a committee'),
    (c) => c.cellsWithCommittee,
    (c) => c.cellsCommitteeKnown > 0,
    bi('chi bộ có chi ủy', 'cells with a committee'),
    ['chi bo co chi uy', 'so chi bo co chi uy'],
  ),
];

const BY_ID = new Map(MEASURES.map((m) => [m.id, m]));

export function measureById(id: string): Measure | undefined {
  return BY_ID.get(id);
}

/** The measure's value on some counts; undefined when there is no data (never a division by 0). */
export function measureValue(
  measure: Measure,
  counts: Counts,
): { numerator: number; denominator?: number; actual?: number } {
  const numerator = measure.numerator(counts);
  if (measure.kind === 'count') {
    const has = measure.hasData ? measure.hasData(counts) : true;
    return has ? { numerator, actual: numerator } : { numerator };
  }
  const denominator = measure.denominator!(counts);
  if (!(denominator > 0)) return { numerator, denominator };
  return { numerator, denominator, actual: numerator / denominator };
}

/**
 * The measure a workbook's target sheet names: by id, by label, or by an alias, with or without
 * diacritics. A longer matching phrase wins ("đảng bộ cấp xã HTT trở lên" over "HTT").
 */
export function findMeasure(text: string): Measure | undefined {
  const compact = text.replace(/\s+/g, '').toLowerCase();
  for (const m of MEASURES) if (m.id.toLowerCase() === compact) return m;
  const folded = foldText(text);
  if (!folded) return undefined;
  // The target's figure may sit inside its words: "Kết nạp 600 đảng viên mới".
  const wordsOnly = folded
    .replace(/(^| )\d+( \d+)*( ?%)?(?= |$)/g, ' ')
    .replace(/ +/g, ' ')
    .trim();
  let best: { measure: Measure; length: number } | undefined;
  for (const m of MEASURES) {
    for (const phrase of [foldText(m.label.vi), foldText(m.label.en), ...m.aliases]) {
      if (!phrase) continue;
      if (folded === phrase) return m;
      const contained = containsPhrase(folded, phrase) || containsPhrase(wordsOnly, phrase);
      if (contained && (!best || phrase.length > best.length)) {
        best = { measure: m, length: phrase.length };
      }
    }
  }
  return best?.measure;
}

function containsPhrase(text: string, phrase: string): boolean {
  return ` ${text} `.includes(` ${phrase} `);
}
