/**
 * A province-sized workbook for measuring speed (seed 004's scale: ~700 grassroots
 * organizations, ~5,000 cells, ~100,000 members), in the same printed layout as the others.
 */
import type { WorkbookGrid } from '../grid.ts';
import { draft, drawSignature, drawTitle, finish, setFormat } from './layout.ts';
import {
  cellColumns,
  memberColumns,
  memberRatingsFor,
  membersOf,
  orgColumns,
  type CellModel,
  type MemberModel,
  type OrgModel,
  type TypingStyle,
} from './model.ts';
import { DISTRICT_NAMES, HAMLET_NAMES, variedPersonName } from './names.ts';
import { headerFor, split } from './organizations.ts';
import { seededRandom } from './random.ts';
import { drawTable, type TableGroup } from './table.ts';

export interface ProvinceOptions {
  organizations?: number;
  cells?: number;
  members?: number;
  year?: number;
  seed?: number;
}

const STYLE: TypingStyle = { yes: 'x', no: null, textNumbers: 0.05, shortStatus: true, serialDates: 0.1 };

/** ~100,000 member rows, ~5,000 cells and ~700 organizations; a few cells fall short of 12 meetings. */
export function provinceWorkbook(opts: ProvinceOptions = {}): WorkbookGrid {
  const orgCount = opts.organizations ?? 700;
  const cellCount = opts.cells ?? 5000;
  const memberCount = opts.members ?? 100_000;
  const year = opts.year ?? 2023;
  const rng = seededRandom(opts.seed ?? 4);
  const districts = DISTRICT_NAMES.map((d) => `Đảng bộ huyện ${d}`);

  const cellsPerOrg = split(cellCount, orgCount, rng, 1);
  const membersPerCell = split(memberCount, cellCount, rng, 3);
  const orgs: OrgModel[] = [];
  const cellsByOrg: CellModel[][] = [];
  let cellIndex = 0;
  for (let o = 0; o < orgCount; o++) {
    const place = `${HAMLET_NAMES[o % HAMLET_NAMES.length]!} ${Math.floor(o / HAMLET_NAMES.length) + 1}`;
    const orgName = o % 4 === 3 ? `Đảng bộ phường ${place}` : `Đảng bộ xã ${place}`;
    const cells: CellModel[] = [];
    for (let k = 0; k < cellsPerOrg[o]!; k++, cellIndex++) {
      const total = membersPerCell[cellIndex]!;
      const probationary = total > 4 ? rng.int(0, 1) : 0;
      const official = total - probationary;
      const committee = official >= 9;
      cells.push({
        name: `Chi bộ bản ${HAMLET_NAMES[k % HAMLET_NAMES.length]!} ${o + 1}.${k + 1}`,
        kind: 'residential',
        official,
        probationary,
        total,
        hasCommittee: committee,
        ...(committee ? { committeeSize: 3 } : {}),
        meetingsRegular: rng.chance(0.01) ? rng.int(8, 11) : 12,
        meetingsThematic: 4,
        admitted: probationary,
        lastAdmissionYear: probationary > 0 ? year : year - 1,
        secretaryIsHamletHead: rng.chance(0.97),
        membersWithTask: total,
        score: rng.int(72, 88),
        tasksTotal: 10,
        tasksOnTime: 10,
        tasksLate: 0,
        tasksExceeded: 1,
        tasksUndone: 0,
        disciplinedLeaders: 0,
        proposed: 'HTTNV',
        memberRatings: memberRatingsFor(total),
      });
    }
    const official = cells.reduce((s, c) => s + c.official, 0);
    const probationary = cells.reduce((s, c) => s + c.probationary, 0);
    orgs.push({
      name: orgName,
      kind: 'Đảng bộ cơ sở',
      cells: cells.length,
      official,
      probationary,
      admitted: probationary,
    });
    cellsByOrg.push(cells);
  }
  const byDistrict = <T>(items: T[][]): TableGroup<T>[] =>
    districts.map((label, i) => ({
      label,
      items: items.filter((_, o) => o % districts.length === i).flat(),
    }));
  const spec = {
    committee: 'ĐẢNG BỘ TỈNH QUẢNG NINH',
    number: '901-BC/TU',
    dateLine: `Quảng Ninh, ngày 15 tháng 1 năm ${year + 1}`,
  };
  const header = headerFor(spec);
  const signer = {
    committee: 'BAN THƯỜNG VỤ TỈNH ỦY',
    role: 'PHÓ BÍ THƯ THƯỜNG TRỰC',
    signer: 'Trần Văn Sơn',
    compiler: 'Lê Thị Mai',
  };

  const od = draft('TCCSĐ');
  const oCols = orgColumns(STYLE, rng, false);
  let row = header(od, oCols.length);
  row = drawTitle(od, row, `BIỂU TỔNG HỢP TỔ CHỨC CƠ SỞ ĐẢNG NĂM ${year}`, oCols.length);
  const oAt = drawTable(od, row + 1, oCols, byDistrict(orgs.map((o) => [o])), { totalLabel: 'Tổng cộng' });
  drawSignature(od, oAt.lastRow + 3, oCols.length, signer);

  const cd = draft('Chi bộ');
  const cCols = cellColumns(STYLE, rng, year);
  row = header(cd, cCols.length);
  row = drawTitle(cd, row, `BIỂU TỔNG HỢP CHI BỘ TRỰC THUỘC NĂM ${year}`, cCols.length);
  const cAt = drawTable(cd, row + 1, cCols, byDistrict(cellsByOrg), { totalLabel: 'Tổng cộng' });
  drawSignature(cd, cAt.lastRow + 3, cCols.length, signer);

  const members: MemberModel[][] = cellsByOrg.map((cells) =>
    cells.flatMap((c) => membersOf(c, year, rng, variedPersonName)),
  );
  const md = draft('Đảng viên');
  const serials: { index: number; field: string }[] = [];
  const mCols = memberColumns(STYLE, rng, year, (index, field) => serials.push({ index, field }));
  row = header(md, mCols.length);
  row = drawTitle(md, row, `DANH SÁCH ĐẢNG VIÊN NĂM ${year}`, mCols.length);
  const mAt = drawTable(md, row + 1, mCols, byDistrict(members), { columnNumbers: false });
  for (const s of serials) setFormat(md, mAt.itemRows[s.index]!, mAt.colOf[s.field]!, 'dd/mm/yyyy');
  drawSignature(md, mAt.lastRow + 3, mCols.length, signer);

  return { name: `QuangNinh-tong-hop-${year}.xlsx`, sheets: [finish(od), finish(cd), finish(md)] };
}
