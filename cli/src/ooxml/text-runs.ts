/**
 * Text of the string items the reader meets: shared strings (`<si>`), inline strings
 * (`<is>`) and note texts (`<text>`), each plain or as rich-text runs joined — the text a
 * person reads, as the ExcelJS reader gives it.
 */
import { decodeText, localName, tagNameEnd } from './xml.ts';

/** Excel's escape for characters XML cannot hold: `_x000D_` → CR (upper-case hex only). */
function unescapeX(s: string): string {
  return s.indexOf('_x') < 0
    ? s
    : s.replace(/_x([0-9A-F]{4})_/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

interface Item {
  /** Text of each `<t>` outside phonetic runs, with whether it sits inside a rich run `<r>`. */
  texts: { text: string; inRun: boolean }[];
  runs: number;
}

/** Scans xml[from, to) for `<t>` elements, `<r>` runs and `<rPh>` phonetic parts. */
function scanItem(xml: string, from: number, to: number): Item {
  const item: Item = { texts: [], runs: 0 };
  let inRun = false;
  let inPhonetic = false;
  let i = from;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0 || i >= to) break;
    const closing = xml.charCodeAt(i + 1) === 47;
    const nameStart = closing ? i + 2 : i + 1;
    const nameEnd = tagNameEnd(xml, nameStart);
    const name = localName(xml.slice(nameStart, nameEnd));
    const gt = xml.indexOf('>', nameEnd);
    if (gt < 0) break;
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    if (name === 'r') {
      if (!closing) {
        item.runs++;
        inRun = !selfClosing;
      } else inRun = false;
    } else if (name === 'rPh') {
      inPhonetic = !closing && !selfClosing;
    } else if (name === 't' && !closing) {
      if (selfClosing) {
        if (!inPhonetic) item.texts.push({ text: '', inRun });
      } else {
        const end = xml.indexOf('<', gt + 1);
        const raw = xml.slice(gt + 1, end);
        if (!inPhonetic) item.texts.push({ text: raw, inRun });
        i = end;
        continue;
      }
    }
    i = gt + 1;
  }
  return item;
}

/** The text of a rich item: its runs' texts joined, each unescaped. */
function runsText(item: ReturnType<typeof scanItem>): string {
  return item.texts
    .filter((t) => t.inRun)
    .map((t) => unescapeX(decodeText(t.text)))
    .join('');
}

/**
 * A shared string item: its text, or null for an item with no text element at all (ExcelJS
 * reads such an item as an empty object, which shows as a blank).
 */
export function sharedItemText(xml: string, from: number, to: number): string | null {
  const item = scanItem(xml, from, to);
  if (item.runs > 0) return runsText(item);
  const last = item.texts.at(-1);
  return last === undefined ? null : unescapeX(decodeText(last.text));
}

/** An inline string `<is>`: runs joined (their text unescaped), else every `<t>` as written. */
export function inlineText(xml: string, from: number, to: number): string | undefined {
  const item = scanItem(xml, from, to);
  if (item.runs > 0) return runsText(item);
  // A plain inline string keeps `_xHHHH_` as written: ExcelJS reads it as raw cell text.
  const joined = item.texts.map((t) => t.text).join('');
  return joined === '' ? undefined : decodeText(joined);
}

/** A note's text: only rich-text runs count, as in ExcelJS's comments reader. */
export function noteRunsText(xml: string, from: number, to: number): string {
  const item = scanItem(xml, from, to);
  return item.texts
    .filter((t) => t.inRun)
    .map((t) => unescapeX(decodeText(t.text)))
    .join('');
}

/** Every `<si>` of a shared strings part, in order. */
export function readSharedStrings(xml: string | undefined): (string | null)[] {
  const out: (string | null)[] = [];
  if (!xml) return out;
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) break;
    const nameEnd = tagNameEnd(xml, i + 1);
    if (localName(xml.slice(i + 1, nameEnd)) !== 'si') {
      i = nameEnd;
      continue;
    }
    const gt = xml.indexOf('>', nameEnd);
    if (xml.charCodeAt(gt - 1) === 47) {
      out.push(null);
      i = gt + 1;
      continue;
    }
    const close = closeTagAt(xml, gt + 1, xml.slice(i + 1, nameEnd));
    out.push(sharedItemText(xml, gt + 1, close));
    i = close + 1;
  }
  return out;
}

/** Position of `</qname>` after `from` (xml.length when absent). */
export function closeTagAt(xml: string, from: number, qname: string): number {
  const at = xml.indexOf(`</${qname}`, from);
  return at < 0 ? xml.length : at;
}
