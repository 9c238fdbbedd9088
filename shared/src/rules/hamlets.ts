/** Flags on hamlets and residential areas (thôn, bản, tiểu khu, tổ dân phố). */
import { bi } from '../i18n.ts';
import { BASIS } from './basis.ts';
import { rowRule, type RuleDef } from './types.ts';

export const HAMLET_RULES: RuleDef[] = [
  rowRule({
    id: 'hamlet.white',
    severity: 'warning',
    title: bi('Bản trắng đảng viên', 'Hamlet without any party member'),
    basis: BASIS.seedWhiteHamlet,
    kinds: ['hamlets'],
    needs: ['members'],
    row(rec, h) {
      if (h.num(rec, 'members') !== 0) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'members',
        bi(
          `${l.vi}: không có đảng viên (bản trắng đảng viên)`,
          `${l.en}: no party member (a "white" hamlet)`,
        ),
        { members: 0 },
        bi(
          'Có kế hoạch tạo nguồn, kết nạp đảng viên là người tại chỗ.',
          'Plan to prepare and admit members who live in the hamlet.',
        ),
      );
    },
  }),
  rowRule({
    id: 'hamlet.noCell',
    severity: 'warning',
    title: bi('Thôn, bản chưa có chi bộ độc lập (trắng chi bộ)', 'Hamlet without its own party cell'),
    basis: BASIS.seedHamletCell,
    kinds: ['hamlets'],
    needs: ['hasIndependentCell'],
    // A hamlet with no member cannot have a cell: hamlet.white already says so.
    when: (rec, h) => h.num(rec, 'members') !== 0,
    row(rec, h) {
      if (h.bool(rec, 'hasIndependentCell') !== false) return undefined;
      const l = h.label(rec);
      const members = h.num(rec, 'members');
      return h.finding(
        rec,
        'hasIndependentCell',
        bi(
          `${l.vi}: chưa có chi bộ độc lập (trắng chi bộ)` +
            (members !== undefined ? `; số đảng viên: ${members}` : ''),
          `${l.en}: no party cell of its own` + (members !== undefined ? `; party members: ${members}` : ''),
        ),
        { hasIndependentCell: false, members: members ?? null },
        bi(
          'Khi đủ đảng viên chính thức, thành lập chi bộ độc lập cho thôn, bản.',
          'Found the hamlet its own cell once it has enough official members.',
        ),
      );
    },
  }),
  hamletHeadNotMember('hamlet.head.notMember', 'hamlets'),
];

/**
 * "Hamlet head not a party member" (seed 001: still too many): recorded in the cell table or
 * in the hamlet table, whichever the workbook keeps; the same rule reads either.
 */
export function hamletHeadNotMember(id: string, kind: 'partyCells' | 'hamlets'): RuleDef {
  return rowRule({
    id,
    severity: 'warning',
    title: bi('Trưởng thôn/bản chưa là đảng viên', 'Hamlet head is not a party member'),
    basis: BASIS.seedHamletHeadMember,
    kinds: [kind],
    needs: ['hamletHeadIsMember'],
    row(rec, h) {
      if (h.bool(rec, 'hamletHeadIsMember') !== false) return undefined;
      const l = h.label(rec);
      return h.finding(
        rec,
        'hamletHeadIsMember',
        bi(`${l.vi}: trưởng thôn/bản chưa là đảng viên`, `${l.en}: the hamlet head is not a party member`),
        { hamletHeadIsMember: false },
        bi(
          'Quan tâm bồi dưỡng, kết nạp trưởng thôn/bản vào Đảng.',
          'Prepare the hamlet head for admission to the party.',
        ),
      );
    },
  });
}
