/** Notes (legacy comments) of a worksheet: the comments part its relationships name. */
import { noteRunsText } from './text-runs.ts';
import { COLS, parseRef } from './sheet-reader.ts';
import { attr, localName, tagNameEnd } from './xml.ts';

/** Note text by position key (row * COLS + col), in document order. */
export function readComments(xml: string | undefined): Map<number, string> {
  const out = new Map<number, string>();
  if (!xml) return out;
  let i = 0;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0) break;
    const nameEnd = tagNameEnd(xml, i + 1);
    const qname = xml.slice(i + 1, nameEnd);
    if (localName(qname) !== 'comment') {
      i = nameEnd;
      continue;
    }
    const gt = xml.indexOf('>', nameEnd);
    const ref = parseRef(attr(xml, i, gt + 1, 'ref') ?? '');
    const selfClosing = xml.charCodeAt(gt - 1) === 47;
    const close = selfClosing ? gt : xml.indexOf(`</${qname}>`, gt);
    const end = close < 0 ? xml.length : close;
    if (ref) out.set(ref.row * COLS + ref.col, selfClosing ? '' : noteRunsText(xml, gt + 1, end));
    i = end + 1;
  }
  return out;
}
