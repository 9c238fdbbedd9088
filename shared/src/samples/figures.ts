/**
 * Workbooks whose data reproduce the figures the seed articles report (DOMAIN.md), so that
 * the whole pipeline — detection, parsing, ratings, counts, targets — can be checked against
 * numbers printed in the press. Counts follow tests/shared/targets: the same figures there
 * are reproduced from counts, here from sheets.
 */
import type { WorkbookGrid } from '../grid.ts';
import type { RatingCode } from '../rating-codes.ts';
import { draft, drawTitle, finish } from './layout.ts';
import {
  cellColumns,
  hamletColumns,
  memberRatingsFor,
  type CellModel,
  type HamletModel,
  type OrgModel,
  type TypingStyle,
} from './model.ts';
import { COMMUNE_NAMES, DISTRICT_NAMES } from './names.ts';
import { headerFor, orgQuality, orgWorkbook, split } from './organizations.ts';
import { seededRandom, type Random } from './random.ts';
import { drawTable, type TableGroup } from './table.ts';

const PLAIN: TypingStyle = { yes: 'x', no: 'Không', textNumbers: 0.1, shortStatus: true, serialDates: 0 };

const PREFIXES = [
  'Chiềng',
  'Mường',
  'Nà',
  'Huổi',
  'Phiêng',
  'Tà',
  'Co',
  'Púng',
  'Tân',
  'Long',
  'Tú',
  'Bó',
] as const;
const SUFFIXES = [
  'Ban',
  'Sơ',
  'Khoa',
  'Lương',
  'Mai',
  'Sại',
  'Hùng',
  'Phong',
  'Sinh',
  'Xôm',
  'En',
  'Lầu',
  'Pằn',
  'Cọ',
  'Nong',
  'Ly',
  'Hặc',
  'Đông',
  'Tây',
  'Lạn',
  'Khương',
  'Hưa',
  'Kheo',
  'Nưa',
] as const;

/** n distinct place names, deterministic for a seed. */
function placeNames(n: number, rng: Random): string[] {
  const all: string[] = [];
  for (const p of PREFIXES) for (const s of SUFFIXES) all.push(`${p} ${s}`);
  const shuffled = rng.shuffle(all);
  const out: string[] = [];
  for (let i = 0; out.length < n; i++) {
    const base = shuffled[i % shuffled.length]!;
    out.push(i < shuffled.length ? base : `${base} ${Math.floor(i / shuffled.length) + 1}`);
  }
  return out;
}

function ratingsList(counts: [number, number, number, number], rng: Random): RatingCode[] {
  const out: RatingCode[] = [];
  const codes: RatingCode[] = ['HTXSNV', 'HTTNV', 'HTNV', 'KHTNV'];
  counts.forEach((n, i) => {
    for (let k = 0; k < n; k++) out.push(codes[i]!);
  });
  return rng.shuffle(out);
}

function groupsOf<T>(items: T[], labels: string[]): TableGroup<T>[] {
  const sizes = labels.map(
    (_, i) =>
      Math.floor(((i + 1) * items.length) / labels.length) - Math.floor((i * items.length) / labels.length),
  );
  let at = 0;
  return labels.map((label, i) => {
    const g = { label, items: items.slice(at, at + sizes[i]!) };
    at += sizes[i]!;
    return g;
  });
}

/**
 * Seed 000: Sốp Cộp admitted 746 members over the 2015–2020 term against a target of 600
 * (124,3%). The district's 41 grassroots organizations with their admissions over the term,
 * and a "Chỉ tiêu" sheet restating the congress target.
 */
export function sopCopAdmissionsTerm(): WorkbookGrid {
  const rng = seededRandom(746);
  const communes = COMMUNE_NAMES.slice(0, 8).map((n) => `Đảng bộ xã ${n}`);
  const others = [
    'Đảng bộ Quân sự huyện',
    'Đảng bộ Công an huyện',
    'Đảng bộ Cơ quan Chính quyền huyện',
    'Đảng bộ Khối Đảng',
    'Đảng bộ Bệnh viện Đa khoa huyện',
  ];
  const cellOrgs = Array.from(
    { length: 28 },
    (_, i) =>
      `Chi bộ Trường ${i % 2 === 0 ? 'THCS' : 'Tiểu học'} ${COMMUNE_NAMES[i % 8]} ${Math.floor(i / 8) + 1}`,
  );
  const names = [...communes, ...others, ...cellOrgs];
  const admitted = [
    ...split(640, communes.length, rng, 50),
    ...split(64, others.length, rng, 6),
    ...split(42, cellOrgs.length, rng, 1),
  ];
  const orgs: OrgModel[] = names.map((name, i) => {
    const official = i < 8 ? rng.int(280, 420) : i < 13 ? rng.int(40, 90) : rng.int(6, 20);
    return {
      name,
      kind: i < 13 ? 'Đảng bộ cơ sở' : 'Chi bộ cơ sở',
      cells: i < 8 ? 17 : i < 13 ? rng.int(3, 6) : 0,
      official,
      probationary: rng.int(0, 4),
      admitted: admitted[i]!,
    };
  });
  return orgWorkbook(
    {
      fileName: 'SopCop-ket-nap-NK-2015-2020.xlsx',
      parent: 'ĐẢNG BỘ TỈNH SƠN LA',
      committee: 'ĐẢNG BỘ HUYỆN SỐP CỘP',
      signedBy: 'BAN THƯỜNG VỤ HUYỆN ỦY',
      number: '312-BC/HU',
      dateLine: 'Sốp Cộp, ngày 20 tháng 6 năm 2020',
      title: 'BIỂU TỔNG HỢP KẾT QUẢ KẾT NẠP ĐẢNG VIÊN NHIỆM KỲ 2015-2020',
      groups: [
        { label: 'Đảng bộ xã', items: orgs.slice(0, 8) },
        { label: 'Đảng bộ cơ sở khác', items: orgs.slice(8, 13) },
        { label: 'Chi bộ cơ sở', items: orgs.slice(13) },
      ],
      withQuality: false,
      targets: {
        title: 'CHỈ TIÊU NGHỊ QUYẾT ĐẠI HỘI ĐẢNG BỘ HUYỆN NHIỆM KỲ 2015-2020',
        rows: [
          {
            measure: 'Kết nạp đảng viên mới',
            comparator: '≥',
            value: 600,
            scope: 'Đảng bộ huyện',
            period: 'Nhiệm kỳ 2015-2020',
            basis: 'Nghị quyết Đại hội đại biểu Đảng bộ huyện Sốp Cộp lần thứ III, nhiệm kỳ 2015-2020',
          },
        ],
      },
    },
    PLAIN,
    rng,
  ).grid;
}

/** Organizations with the given rating counts; an undefined rating is an organization not yet rated. */
function ratedOrgs(
  names: string[],
  ratings: (RatingCode | undefined)[],
  rng: Random,
  kind: (name: string) => string,
): OrgModel[] {
  return names.map((name, i) => {
    const official = rng.int(60, 260);
    const probationary = rng.int(1, 8);
    return {
      name,
      kind: kind(name),
      cells: rng.int(5, 14),
      official,
      probationary,
      admitted: probationary,
      ...orgQuality(ratings[i], rng, official + probationary),
    };
  });
}

/** Seed 002: Văn Lãng 2018, 49 of 53 grassroots organizations good or better (92,45%). */
export function vanLangOrganizations2018(): WorkbookGrid {
  const rng = seededRandom(2018);
  const places = placeNames(53, rng);
  const names = places.map((p, i) => (i < 20 ? `Đảng bộ xã ${p}` : i < 30 ? `Đảng bộ ${p}` : `Chi bộ ${p}`));
  const orgs = ratedOrgs(names, ratingsList([8, 41, 3, 1], rng), rng, (n) =>
    n.startsWith('Chi bộ') ? 'Chi bộ cơ sở' : 'Đảng bộ cơ sở',
  );
  return orgWorkbook(
    {
      fileName: 'VanLang-danh-gia-TCCSD-2018.xlsx',
      parent: 'ĐẢNG BỘ TỈNH LẠNG SƠN',
      committee: 'ĐẢNG BỘ HUYỆN VĂN LÃNG',
      signedBy: 'BAN THƯỜNG VỤ HUYỆN ỦY',
      number: '245-BC/HU',
      dateLine: 'Văn Lãng, ngày 25 tháng 12 năm 2018',
      title: 'BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG NĂM 2018',
      groups: [
        { label: 'Đảng bộ xã, thị trấn', items: orgs.slice(0, 20) },
        { label: 'Đảng bộ cơ sở khác', items: orgs.slice(20, 30) },
        { label: 'Chi bộ cơ sở', items: orgs.slice(30) },
      ],
      withQuality: true,
      // The district's report restates the figure the engine computes from the table.
      targetReport: {
        title: 'KẾT QUẢ THỰC HIỆN CHỈ TIÊU NĂM 2018',
        rows: [
          {
            measure: 'Tỷ lệ tổ chức cơ sở đảng hoàn thành tốt nhiệm vụ trở lên',
            unit: '%',
            planned: 'Trên 90',
            achieved: '92,45',
            rate: '102,7',
          },
        ],
      },
    },
    PLAIN,
    rng,
  ).grid;
}

/**
 * Seed 000: Sơn La's 204 commune-level committees, good or better 90,19% in 2021 and 91,66%
 * in 2022 (184 and 187 of 204; the province truncates to two decimals).
 */
export function sonLaCommuneCommittees(year: 2021 | 2022): WorkbookGrid {
  const rng = seededRandom(year);
  const places = placeNames(204, seededRandom(204));
  const names = places.map(
    (p, i) => `${i % 17 === 5 ? 'Đảng bộ phường' : i % 23 === 7 ? 'Đảng bộ thị trấn' : 'Đảng bộ xã'} ${p}`,
  );
  const counts: [number, number, number, number] = year === 2021 ? [30, 154, 20, 0] : [30, 157, 17, 0];
  const orgs = ratedOrgs(names, ratingsList(counts, rng), rng, () => 'Đảng bộ cấp xã');
  const districts = DISTRICT_NAMES.slice(0, 12).map((d) => `Đảng bộ huyện ${d}`);
  return orgWorkbook(
    {
      fileName: `SonLa-xep-loai-dang-bo-xa-${year}.xlsx`,
      committee: 'ĐẢNG BỘ TỈNH SƠN LA',
      signedBy: 'BAN THƯỜNG VỤ TỈNH ỦY',
      number: `${year === 2021 ? 512 : 618}-BC/TU`,
      dateLine: `Sơn La, ngày 10 tháng 1 năm ${year + 1}`,
      title: `BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI ĐẢNG BỘ XÃ, PHƯỜNG, THỊ TRẤN NĂM ${year}`,
      groups: groupsOf(orgs, districts),
      withQuality: true,
    },
    PLAIN,
    rng,
  ).grid;
}

/** A district's party cells with a committee or not; ≥ 9 official members always have one. */
function districtCells(year: number, withCommittee: number, total: number, rng: Random): CellModel[] {
  const hamlets = placeNames(total, seededRandom(136));
  return hamlets.map((h, i) => {
    const committee = i < withCommittee;
    const official = committee ? rng.int(10, 40) : rng.int(3, 8);
    const probationary = rng.int(0, 2);
    const members = official + probationary;
    return {
      name: `Chi bộ bản ${h}`,
      kind: 'residential',
      hamlet: h,
      official,
      probationary,
      total: members,
      hasCommittee: committee,
      ...(committee ? { committeeSize: official >= 30 ? 5 : 3 } : {}),
      meetingsRegular: 12,
      meetingsThematic: 4,
      admitted: probationary,
      lastAdmissionYear: probationary > 0 ? year : year - 1,
      secretaryIsHamletHead: true,
      membersWithTask: members,
      score: 80,
      tasksTotal: 10,
      tasksOnTime: 10,
      tasksLate: 0,
      tasksExceeded: 1,
      tasksUndone: 0,
      disciplinedLeaders: 0,
      proposed: 'HTTNV',
      memberRatings: memberRatingsFor(members),
    };
  });
}

/**
 * Seed 003: Sốp Cộp's cells with a committee went from 76 to 82 (136 cells under 8 commune
 * committees); one workbook per year, 2021 and 2022.
 */
export function sopCopCells(year: 2021 | 2022): WorkbookGrid {
  const rng = seededRandom(year * 7);
  const cells = rng.shuffle(districtCells(year, year === 2021 ? 76 : 82, 136, rng));
  const d = draft('Chi bộ');
  const cols = cellColumns(PLAIN, rng, year);
  const spec = {
    parent: 'ĐẢNG BỘ TỈNH SƠN LA',
    committee: 'ĐẢNG BỘ HUYỆN SỐP CỘP',
    number: `${year === 2021 ? 188 : 276}-BC/HU`,
    dateLine: `Sốp Cộp, ngày 28 tháng 12 năm ${year}`,
  };
  let row = headerFor(spec)(d, cols.length);
  row = drawTitle(
    d,
    row,
    `BIỂU TỔNG HỢP TÌNH HÌNH CHI BỘ TRỰC THUỘC CÁC ĐẢNG BỘ XÃ NĂM ${year}`,
    cols.length,
  );
  drawTable(
    d,
    row + 1,
    cols,
    groupsOf(
      cells,
      COMMUNE_NAMES.slice(0, 8).map((c) => `Đảng bộ xã ${c}`),
    ),
    { totalLabel: 'Tổng cộng' },
  );
  return { name: `SopCop-chi-bo-${year}.xlsx`, sheets: [finish(d)] };
}

/**
 * Seed 004: Quảng Ninh 2020, 727 grassroots organizations (724 rated: 136 excellent, 541 good,
 * 46 completed, 1 not completed → 18,8% / 74,7% / 6,4%) and 103,800 members (17,205 / 77,254 /
 * 8,611 / 730 → 16,58% / 74,43% / 8,3%).
 */
export function quangNinhOrganizations2020(): WorkbookGrid {
  const rng = seededRandom(2020);
  const places = placeNames(727, rng);
  const names = places.map((p, i) =>
    i % 3 === 2 ? `Chi bộ ${p}` : `Đảng bộ ${i % 3 === 0 ? 'xã' : 'phường'} ${p}`,
  );
  const ratings: (RatingCode | undefined)[] = [
    ...ratingsList([136, 541, 46, 1], rng),
    undefined,
    undefined,
    undefined,
  ];
  const orgs = ratedOrgs(names, ratings, rng, (n) =>
    n.startsWith('Chi bộ') ? 'Chi bộ cơ sở' : 'Đảng bộ cơ sở',
  );
  const ex = split(17205, 727, rng);
  const good = split(77254, 727, rng, 20);
  const comp = split(8611, 727, rng);
  const notc = split(730, 727, rng);
  const cells = split(5045, 727, rng, 2);
  orgs.forEach((o, i) => {
    o.memberRatings = [ex[i]!, good[i]!, comp[i]!, notc[i]!];
    const total = ex[i]! + good[i]! + comp[i]! + notc[i]!;
    o.probationary = Math.min(o.probationary, Math.floor(total / 10));
    o.official = total - o.probationary;
    o.admitted = o.probationary;
    o.cells = cells[i]!;
  });
  const districts = [...DISTRICT_NAMES].map((d) => `Đảng bộ huyện ${d}`);
  return orgWorkbook(
    {
      fileName: 'QuangNinh-danh-gia-TCCSD-2020.xlsx',
      committee: 'ĐẢNG BỘ TỈNH QUẢNG NINH',
      signedBy: 'BAN THƯỜNG VỤ TỈNH ỦY',
      number: '702-BC/TU',
      dateLine: 'Quảng Ninh, ngày 15 tháng 1 năm 2021',
      title: 'BIỂU TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ, XẾP LOẠI TỔ CHỨC CƠ SỞ ĐẢNG VÀ ĐẢNG VIÊN NĂM 2020',
      groups: groupsOf(orgs, districts),
      withQuality: true,
    },
    PLAIN,
    rng,
  ).grid;
}

/**
 * Seed 001: Lào Cai, members 6,8% of the population (52,100 of 765,000) and 80,31% of hamlet
 * cells with a committee (1,207 of 1,503): a cells sheet and a hamlets sheet.
 */
export function laoCaiHamlets(): WorkbookGrid {
  const rng = seededRandom(1503);
  const year = 2020;
  const total = 1503;
  const withCommittee = 1207;
  const smallMembers = split(2072, total - withCommittee, rng, 6);
  const bigMembers = split(52100 - 2072, withCommittee, rng, 12);
  const names = placeNames(total, rng).map((p, i) => `${p} ${i + 1}`);
  const populations = split(765000, total, rng, 150);
  const cells: CellModel[] = names.map((h, i) => {
    const committee = i < withCommittee;
    const members = committee ? bigMembers[i]! : smallMembers[i - withCommittee]!;
    const probationary = committee ? 1 : 0;
    return {
      name: `Chi bộ thôn ${h}`,
      kind: 'residential',
      hamlet: h,
      official: members - probationary,
      probationary,
      total: members,
      hasCommittee: committee,
      ...(committee ? { committeeSize: 3 } : {}),
      meetingsRegular: 12,
      meetingsThematic: 4,
      admitted: probationary,
      lastAdmissionYear: committee ? year : year - 1,
      secretaryIsHamletHead: true,
      membersWithTask: members,
      score: 80,
      tasksTotal: 10,
      tasksOnTime: 10,
      tasksLate: 0,
      tasksExceeded: 1,
      tasksUndone: 0,
      disciplinedLeaders: 0,
      proposed: 'HTTNV',
      memberRatings: memberRatingsFor(members),
    };
  });
  const hamlets: HamletModel[] = cells.map((c, i) => ({
    name: c.hamlet!,
    households: Math.round(populations[i]! / 4.6),
    population: populations[i]!,
    members: c.total,
    hasIndependentCell: true,
    hamletHeadIsMember: true,
    religious: false,
    ethnicMinority: true,
    difficultArea: false,
  }));
  const spec = {
    committee: 'ĐẢNG BỘ TỈNH LÀO CAI',
    number: '455-BC/TU',
    dateLine: `Lào Cai, ngày 30 tháng 12 năm ${year}`,
  };
  const districts = DISTRICT_NAMES.slice(12, 20).map((d) => `Đảng bộ huyện ${d}`);
  const cd = draft('Chi bộ thôn');
  const cellCols = cellColumns(PLAIN, rng, year);
  let row = headerFor(spec)(cd, cellCols.length);
  row = drawTitle(cd, row, `BIỂU TỔNG HỢP CHI BỘ THÔN, TỔ DÂN PHỐ NĂM ${year}`, cellCols.length);
  drawTable(cd, row + 1, cellCols, groupsOf(cells, districts), { totalLabel: 'Tổng cộng' });
  const hd = draft('Thôn bản');
  const hamletCols = hamletColumns(PLAIN, rng);
  row = headerFor(spec)(hd, hamletCols.length);
  row = drawTitle(hd, row, `BIỂU TỔNG HỢP THÔN, TỔ DÂN PHỐ VÀ ĐẢNG VIÊN NĂM ${year}`, hamletCols.length);
  drawTable(hd, row + 1, hamletCols, groupsOf(hamlets, districts), { totalLabel: 'Tổng cộng' });
  return { name: `LaoCai-thon-ban-${year}.xlsx`, sheets: [finish(cd), finish(hd)] };
}
