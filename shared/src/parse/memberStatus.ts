/** A member's standing: official (đảng viên chính thức) or probationary (đảng viên dự bị). */
import type { CellValue } from '../grid.ts';
import { foldCompact } from '../text.ts';
import { invalid, quote, screen, valueOf, type Present } from './common.ts';
import type { ParseOutcome } from './index.ts';

export type MemberStatus = 'official' | 'probationary';

/** Compact folded spellings: "Chính thức", "CT", "ĐV chính thức", "Dự bị", "DB". */
const SPELLINGS: ReadonlyMap<string, MemberStatus> = new Map([
  ['chinhthuc', 'official'],
  ['ct', 'official'],
  ['dvct', 'official'],
  ['dvchinhthuc', 'official'],
  ['dangvienchinhthuc', 'official'],
  ['official', 'official'],
  ['dubi', 'probationary'],
  ['db', 'probationary'],
  ['dvdb', 'probationary'],
  ['dvdubi', 'probationary'],
  ['dangviendubi', 'probationary'],
  ['probationary', 'probationary'],
]);

/**
 * The status, also with a note in brackets after it: "Chính thức (miễn sinh hoạt)" is an
 * official member exempted from meetings.
 */
export function memberStatusFromText(text: string): MemberStatus | undefined {
  return SPELLINGS.get(foldCompact(text)) ?? SPELLINGS.get(foldCompact(text.replace(/\([^()]*\)\s*$/, '')));
}

export function parseMemberStatus(raw: CellValue): ParseOutcome {
  return screen(raw, readMemberStatus);
}

function readMemberStatus(v: Present): ParseOutcome {
  const status = typeof v === 'string' ? memberStatusFromText(v) : undefined;
  if (status) return valueOf(status);
  const q = quote(v);
  return invalid(
    `${q.vi} không phải là "Chính thức" hay "Dự bị"`,
    `${q.en} is neither "Chính thức" (official) nor "Dự bị" (probationary)`,
  );
}
