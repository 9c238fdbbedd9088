/**
 * Cross-sheet rules: the same facts told twice in one workbook (a cell's member count and the
 * member list; a commune's totals and its cells' rows) must agree. Matching is by folded name
 * and every table is indexed once, so the rules stay linear in the number of rows.
 */
import { FIELDS } from '../fields.ts';
import { bi } from '../i18n.ts';
import { RATING_CODES, type RatingCode } from '../rating-codes.ts';
import type { RowRecord } from '../table.ts';
import { foldText } from '../text.ts';
import { BASIS } from './basis.ts';
import type { RuleHelpers } from './helpers.ts';
import { rowRule, type Finding, type RuleDef } from './types.ts';

const RATING_FIELD: Record<RatingCode, string> = {
  HTXSNV: 'membersExcellent',
  HTTNV: 'membersGood',
  HTNV: 'membersCompleted',
  KHTNV: 'membersNotCompleted',
};

const SUGGEST = bi(
  'Đối chiếu hai trang tính và sửa chỗ sai.',
  'Compare the two sheets and correct the one that is wrong.',
);

/** Organization fields compared with the sum of its cells' rows. */
const ORG_SUMS = ['membersTotal', 'membersOfficial', 'membersProbationary', 'admitted'];

function orgLabel(field: string) {
  return FIELDS.organizations.find((d) => d.id === field)!.label;
}

/** "I. Đảng bộ xã Nậm Lạnh", "Đảng bộ xã Nậm Lạnh", "Xã Nậm Lạnh" → "nam lanh". */
export function orgKey(name: string): string | undefined {
  let words = foldText(name)
    .split(' ')
    .filter((w) => w !== '');
  if (words.length > 1 && /^([ivxlc]+|\d+)$/.test(words[0]!)) words = words.slice(1);
  const drop = (prefix: string[]) => {
    if (words.length > prefix.length && prefix.every((p, i) => words[i] === p))
      words = words.slice(prefix.length);
  };
  drop(['dang', 'bo']);
  drop(['chi', 'bo']);
  drop(['co', 'so']);
  drop(['thi', 'tran']);
  drop(['xa']);
  drop(['phuong']);
  return words.length === 0 ? undefined : words.join(' ');
}

/** Cells of each organization row: by the cells' group rows, or all cells when there is one organization. */
function cellsByOrganization(h: RuleHelpers): Map<RowRecord, RowRecord[]> {
  const orgs = h.records('organizations');
  const cells = h.records('partyCells');
  const out = new Map<RowRecord, RowRecord[]>();
  if (orgs.length === 0 || cells.length === 0) return out;
  const byKey = new Map<string, RowRecord | 'ambiguous'>();
  for (const o of orgs) {
    const name = h.text(o, 'name');
    const key = name === undefined ? undefined : orgKey(name);
    if (key !== undefined) byKey.set(key, byKey.has(key) ? 'ambiguous' : o);
  }
  let matched = 0;
  // Thousands of cells sit under a few hundred group labels: each label's key is worked out once.
  const keyOfLabel = new Map<string, string | undefined>();
  for (const c of cells) {
    const parent = c.groups[c.groups.length - 1];
    let key: string | undefined;
    if (parent !== undefined) {
      if (keyOfLabel.has(parent)) key = keyOfLabel.get(parent);
      else keyOfLabel.set(parent, (key = orgKey(parent)));
    }
    const org = key === undefined ? undefined : byKey.get(key);
    if (org === undefined || org === 'ambiguous') continue;
    matched++;
    const list = out.get(org);
    if (list) list.push(c);
    else out.set(org, [c]);
  }
  if (matched === 0 && orgs.length === 1) out.set(orgs[0]!, [...cells]);
  return out;
}

export const CROSS_RULES: RuleDef[] = [
  rowRule({
    id: 'cross.cell.memberCount',
    severity: 'error',
    title: bi(
      'Số đảng viên của chi bộ khác danh sách đảng viên',
      "Cell's member count differs from the member list",
    ),
    basis: BASIS.crossSheet,
    kinds: ['partyCells', 'members'],
    // The member list is read through the helpers' index; only cell rows are visited.
    visits: ['partyCells'],
    needs: ['membersTotal'],
    // Cells absent from the member list are not compared: the list may cover only some cells.
    when: (rec, h) => h.membersOfCell(rec) !== undefined,
    row(rec, h) {
      const total = h.num(rec, 'membersTotal')!;
      const listed = h.membersOfCell(rec)!.rows;
      if (listed === total) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'membersTotal',
        bi(
          `${l.vi}: ${total} đảng viên ở bảng chi bộ, ${listed} dòng ở danh sách đảng viên`,
          `${l.en}: ${total} members in the cell table, ${listed} rows in the member list`,
        ),
        { cellTable: total, memberList: listed },
        SUGGEST,
      );
    },
  }),
  rowRule({
    id: 'cross.cell.memberRatings',
    severity: 'error',
    title: bi(
      'Số đảng viên theo xếp loại của chi bộ khác danh sách đảng viên',
      "Cell's member rating counts differ from the member list",
    ),
    basis: BASIS.crossSheet,
    kinds: ['partyCells', 'members'],
    // The member list is read through the helpers' index; only cell rows are visited.
    visits: ['partyCells'],
    needs: [],
    when: (rec, h) =>
      (h.membersOfCell(rec)?.rated ?? 0) > 0 &&
      RATING_CODES.some((c) => h.num(rec, RATING_FIELD[c]) !== undefined),
    row(rec, h) {
      const group = h.membersOfCell(rec)!;
      const out: Finding[] = [];
      for (const code of RATING_CODES) {
        const field = RATING_FIELD[code];
        const inTable = h.num(rec, field);
        if (inTable === undefined) continue;
        const inList = group.ratings[code];
        if (inTable === inList) continue;
        // Named only for a finding: most cells agree with their list.
        const l = h.label(rec);
        out.push(
          h.finding(
            rec,
            field,
            bi(
              `${l.vi}: ${inTable} đảng viên ${code} ở bảng chi bộ, ${inList} ở danh sách đảng viên`,
              `${l.en}: ${inTable} members rated ${code} in the cell table, ${inList} in the member list`,
            ),
            { rating: code, cellTable: inTable, memberList: inList },
            SUGGEST,
          ),
        );
      }
      return out;
    },
  }),
  {
    id: 'cross.org.totals',
    severity: 'error',
    title: bi(
      'Số liệu của đảng bộ khác tổng các chi bộ trực thuộc',
      "Organization's figures differ from the sum of its cells",
    ),
    basis: BASIS.crossSheet,
    kinds: ['organizations', 'partyCells'],
    check(_ctx, h) {
      const findings: Finding[] = [];
      let checked = 0;
      for (const [org, cells] of cellsByOrganization(h)) {
        const name = h.text(org, 'name') ?? '';
        let compared = false;
        const compare = (field: string, inOrg: number | undefined, sum: number) => {
          if (inOrg === undefined) return;
          compared = true;
          if (inOrg === sum) return;
          const label = orgLabel(field);
          findings.push(
            h.finding(
              org,
              field,
              bi(
                `${name}: "${label.vi}" ghi ${inOrg}, các chi bộ trực thuộc cộng lại ${sum}`,
                `${name}: "${label.en}" shows ${inOrg}, its cells add up to ${sum}`,
              ),
              { field, organization: inOrg, cells: sum },
              SUGGEST,
            ),
          );
        };
        compare('cells', h.num(org, 'cells'), cells.length);
        for (const field of ORG_SUMS) {
          let sum = 0;
          // Only when every cell gives the figure: a partial sum proves nothing.
          let all = true;
          for (const c of cells) {
            const v = h.num(c, field);
            if (v === undefined) {
              all = false;
              break;
            }
            sum += v;
          }
          if (all) compare(field, h.num(org, field), sum);
        }
        if (compared) checked++;
      }
      return { findings, checked };
    },
  },
];
