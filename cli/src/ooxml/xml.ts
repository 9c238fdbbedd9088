/**
 * The little XML the package parts need, by string scanning: attributes of one tag, text
 * with its entities decoded, escaping for what we write. No DOM: a worksheet is tens of
 * megabytes and is read once, front to back.
 */

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Entities (`&amp;`, `&#10;`, `&#x1F;`) decoded; line ends normalized as an XML parser does. */
export function decodeText(s: string): string {
  if (s.indexOf('\r') >= 0) s = s.replace(/\r\n?/g, '\n');
  if (s.indexOf('&') < 0) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.charCodeAt(0) === 35) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : whole;
    }
    return NAMED[body] ?? whole;
  });
}

/** An attribute value as a parser reports it: entities decoded, tabs and line ends as spaces. */
export function decodeAttr(s: string): string {
  if (/[\t\n\r]/.test(s)) s = s.replace(/\r\n|[\t\n\r]/g, ' ');
  return decodeText(s);
}

export function escapeText(s: string): string {
  return s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
}

export function escapeAttr(s: string): string {
  return s.replace(/[&<>"\n\r\t]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `&#${c.charCodeAt(0)};`;
    }
  });
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The raw value of attribute `name` in the tag that spans xml[start, end) (from `<` to `>`),
 * or undefined. `name` may carry a prefix (`r:id`).
 */
export function rawAttr(xml: string, start: number, end: number, name: string): string | undefined {
  // Searched within the tag only: an attribute most tags lack (a row's `ht`) would otherwise
  // send every search to the end of a 40 MB sheet, once per row.
  const first = name.charCodeAt(0);
  const last = end - name.length;
  for (let i = start + 1; i < last; i++) {
    if (xml.charCodeAt(i) !== first || !isSpace(xml.charCodeAt(i - 1)) || !xml.startsWith(name, i)) continue;
    let j = i + name.length;
    while (isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 61 /* = */) continue;
    j++;
    while (isSpace(xml.charCodeAt(j))) j++;
    const q = xml.charCodeAt(j);
    if (q === 34 || q === 39) {
      const close = xml.indexOf(q === 34 ? '"' : "'", j + 1);
      if (close > 0 && close < end) return xml.slice(j + 1, close);
    }
  }
  return undefined;
}

export function attr(xml: string, start: number, end: number, name: string): string | undefined {
  const raw = rawAttr(xml, start, end, name);
  return raw === undefined ? undefined : decodeAttr(raw);
}

/** Every tag `<prefix?name …>` of a (small) part, as [start, end) spans of the opening tag. */
export function findTags(xml: string, name: string, from = 0, to = xml.length): [number, number][] {
  const out: [number, number][] = [];
  let i = from;
  for (;;) {
    i = xml.indexOf('<', i);
    if (i < 0 || i >= to) break;
    const nameEnd = tagNameEnd(xml, i + 1);
    const tag = localName(xml.slice(i + 1, nameEnd));
    if (tag === name) {
      const end = xml.indexOf('>', nameEnd);
      if (end < 0) break;
      out.push([i, end + 1]);
      i = end + 1;
    } else i = nameEnd;
  }
  return out;
}

export function tagNameEnd(xml: string, i: number): number {
  let j = i;
  for (;;) {
    const c = xml.charCodeAt(j);
    if (Number.isNaN(c) || isSpace(c) || c === 62 /* > */ || c === 47 /* / */) return j;
    j++;
  }
}

export function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon < 0 ? qname : qname.slice(colon + 1);
}

/** The namespace prefix (with its colon) of the root element named `root`, '' when none. */
export function rootPrefix(xml: string, root: string): string {
  const m = new RegExp(`<([A-Za-z_][\\w.-]*:)?${root}[\\s>]`).exec(xml);
  return m?.[1] ?? '';
}

/** Whether `c` may follow an element's name in its tag: `>`, `/` or whitespace. */
export function endsName(c: number): boolean {
  return c === 62 || c === 47 || isSpace(c);
}

/** Start of the next element `<qname` (followed by a delimiter) at or after `from`, -1 if none. */
export function findElement(xml: string, open: string, from: number): number {
  let i = xml.indexOf(open, from);
  while (i >= 0) {
    if (endsName(xml.charCodeAt(i + open.length))) return i;
    i = xml.indexOf(open, i + 1);
  }
  return -1;
}

/** 0-based column of the letters starting an A1 reference in xml[from, to). */
export function lettersColumn(xml: string, from: number, to: number): number {
  let n = 0;
  for (let k = from; k < to; k++) {
    const c = xml.charCodeAt(k) & ~32;
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}
