/** New strings appended to the shared string table; existing items keep their indexes. */
import { escapeText } from './xml.ts';

export class SharedStringsWriter {
  private added: string[] = [];
  private indexes = new Map<string, number>();
  private references = 0;

  constructor(private readonly existing: number) {}

  index(text: string): number {
    this.references++;
    let i = this.indexes.get(text);
    if (i === undefined) {
      i = this.existing + this.added.length;
      this.added.push(text);
      this.indexes.set(text, i);
    }
    return i;
  }

  get changed(): boolean {
    return this.added.length > 0;
  }

  /** The table with our items appended (a new table when the workbook had none). */
  finish(xml: string | undefined): string {
    const items = this.added
      .map((t) => {
        const space = /^\s|\n|\s$/.test(t) ? ' xml:space="preserve"' : '';
        return `<si><t${space}>${escapeText(t)}</t></si>`;
      })
      .join('');
    const unique = this.existing + this.added.length;
    if (xml === undefined) {
      return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
        `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${this.references}" uniqueCount="${unique}">${items}</sst>`
      );
    }
    const open = /<(\w+:)?sst\b[^>]*>/.exec(xml);
    if (!open) throw new Error('no <sst> in the shared strings');
    const p = open[1] ?? '';
    const prefixed = p ? items.replace(/<(\/?)(si|t)\b/g, `<$1${p}$2`) : items;
    let tag = open[0];
    const count = /\scount\s*=\s*["'](\d+)["']/.exec(tag);
    const total = (count ? Number(count[1]) : this.existing) + this.references;
    tag = setCount(setCount(tag, 'count', total), 'uniqueCount', unique);
    if (tag.endsWith('/>')) {
      tag = tag.slice(0, -2) + '>';
      return (
        xml.slice(0, open.index) + tag + prefixed + `</${p}sst>` + xml.slice(open.index + open[0].length)
      );
    }
    const close = xml.lastIndexOf(`</${p}sst>`);
    return (
      xml.slice(0, open.index) +
      tag +
      xml.slice(open.index + open[0].length, close) +
      prefixed +
      xml.slice(close)
    );
  }
}

function setCount(tag: string, name: string, n: number): string {
  const re = new RegExp(`(\\s${name}\\s*=\\s*)(["'])\\d*\\2`);
  return re.test(tag) ? tag.replace(re, `$1"${n}"`) : tag.replace(/(\s*\/?>)$/, ` ${name}="${n}"$1`);
}
