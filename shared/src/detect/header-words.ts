/**
 * Header text as words to match: folded (no case, no diacritics, đ = d), the abbreviations
 * officials use spelled out, rating names shortened to their codes, and filler words dropped.
 * Aliases go through the very same steps, so "Số ĐV / CT", "SO DANG VIEN / CHINH THUC" and
 * "Đảng viên chính thức" all become the words {dang, vien, chinh, thuc}.
 */
import { foldText } from '../text.ts';

/** Abbreviations in headers, spelled out (ĐV → đảng viên, SL → số lượng …). */
const ABBREVIATIONS: Record<string, string[]> = {
  dv: ['dang', 'vien'],
  dvct: ['dang', 'vien', 'chinh', 'thuc'],
  dvdb: ['dang', 'vien', 'du', 'bi'],
  sl: ['so', 'luong'],
  ct: ['chinh', 'thuc'],
  db: ['du', 'bi'],
  ts: ['tong', 'so'],
  sh: ['sinh', 'hoat'],
  shcb: ['sinh', 'hoat', 'chi', 'bo'],
  kn: ['ket', 'nap'],
  bt: ['bi', 'thu'],
  cuv: ['chi', 'uy', 'vien'],
  nv: ['nhiem', 'vu'],
  dn: ['doanh', 'nghiep'],
  htx: ['hop', 'tac', 'xa'],
  tdp: ['to', 'dan', 'pho'],
  tccsd: ['to', 'chuc', 'co', 'so', 'dang'],
  tcd: ['to', 'chuc', 'dang'],
  cbcc: ['can', 'bo', 'cong', 'chuc'],
  dtts: ['dan', 'toc', 'thieu', 'so'],
  dbkk: ['dac', 'biet', 'kho', 'khan'],
  sott: ['tt'],
  stt: ['tt'],
};

/**
 * Long names shortened to one word, longest first (ratings; Ủy ban nhân dân); an empty word
 * drops the phrase, as "đồng chí" in "Số đảng viên (đồng chí)", a unit like "(người)".
 */
const PHRASES: [string[], string][] = [
  [['dong', 'chi'], ''],
  [['khong', 'hoan', 'thanh', 'nhiem', 'vu'], 'khtnv'],
  [['hoan', 'thanh', 'xuat', 'sac', 'nhiem', 'vu'], 'htxsnv'],
  [['hoan', 'thanh', 'tot', 'nhiem', 'vu'], 'httnv'],
  [['hoan', 'thanh', 'nhiem', 'vu'], 'htnv'],
  [['khong', 'hoan', 'thanh'], 'khtnv'],
  [['hoan', 'thanh', 'xuat', 'sac'], 'htxsnv'],
  [['hoan', 'thanh', 'tot'], 'httnv'],
  [['uy', 'ban', 'nhan', 'dan'], 'ubnd'],
];

const SHORT_CODES: Record<string, string> = { htxs: 'htxsnv', htt: 'httnv', kht: 'khtnv' };

/** Words that carry no meaning for matching ("và", "của", "trong đó", "chia ra", "người"). */
const FILLER = new Set([
  'va',
  'cua',
  'cac',
  'nhung',
  'duoc',
  'trong',
  'do',
  'chia',
  'ra',
  'gom',
  'bao',
  'nguoi',
  'la',
]);

/** "h t x s n v" → "htxsnv": letters typed apart are one word. */
function joinSpacedLetters(tokens: string[]): string[] {
  const out: string[] = [];
  let run = '';
  let runLen = 0;
  const flush = (): void => {
    if (runLen > 0) out.push(run);
    run = '';
    runLen = 0;
  };
  for (const t of tokens) {
    if (t.length === 1 && t >= 'a' && t <= 'z') {
      run += t;
      runLen++;
    } else {
      flush();
      out.push(t);
    }
  }
  flush();
  return out;
}

function replacePhrases(tokens: string[]): string[] {
  const out: string[] = [];
  let i = 0;
  outer: while (i < tokens.length) {
    for (const [phrase, code] of PHRASES) {
      if (i + phrase.length > tokens.length) continue;
      let ok = true;
      for (let k = 0; k < phrase.length; k++)
        if (tokens[i + k] !== phrase[k]) {
          ok = false;
          break;
        }
      if (ok) {
        if (code) out.push(code);
        i += phrase.length;
        continue outer;
      }
    }
    out.push(tokens[i]!);
    i++;
  }
  return out;
}

/** The words of one header level. */
export function levelWords(text: string): string[] {
  const folded = foldText(text);
  if (folded.length === 0) return [];
  let tokens = joinSpacedLetters(folded.split(' '));
  const expanded: string[] = [];
  for (const t of tokens) {
    if (/^\d+$/.test(t)) continue; // column numbers, years
    const short = SHORT_CODES[t];
    if (short) expanded.push(short);
    else {
      const ab = ABBREVIATIONS[t];
      if (ab) expanded.push(...ab);
      else expanded.push(t);
    }
  }
  tokens = replacePhrases(expanded);
  // "Số đảng viên", "Số lượng", "SL" at the start of a level only say "how many".
  let start = 0;
  if (tokens[0] === 'so') {
    start = 1;
    if (tokens[1] === 'luong') start = 2;
  }
  const out: string[] = [];
  for (let i = start; i < tokens.length; i++) if (!FILLER.has(tokens[i]!)) out.push(tokens[i]!);
  // A level that only says "Số" / "Số lượng" (under "Chi ủy") still means "how many".
  if (out.length === 0 && start > 0) out.push('so');
  return out;
}

const cache = new Map<string, string[]>();

/** levelWords, remembered: the same header texts recur across sheets and workbooks. */
export function cachedLevelWords(text: string): string[] {
  let w = cache.get(text);
  if (!w) {
    w = levelWords(text);
    if (cache.size > 20000) cache.clear();
    cache.set(text, w);
  }
  return w;
}

/** Words of a joined header (levels outermost first), each word once. */
export function headerWords(levels: string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const l of levels)
    for (const w of cachedLevelWords(l)) {
      if (seen.has(w)) continue;
      seen.add(w);
      out.push(w);
    }
  return out;
}

/** Whether the levels above a column's own header speak of members ("Xếp loại đảng viên"). */
export function parentNamesMembers(levels: readonly string[]): boolean {
  return / dang vien /.test(` ${headerWords(levels.slice(0, -1)).join(' ')} `);
}
