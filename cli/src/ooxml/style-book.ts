/**
 * styles.xml of the output: every existing font, fill, border and cell format keeps its
 * index; the ones we need are appended after them (deduplicated), and the counts updated.
 */
import type ExcelJS from 'exceljs';
import { BUILTIN_FORMATS } from './number-formats.ts';
import { parseStyleModels, xforms } from './exceljs-parts.ts';
import { attr, escapeAttr, findTags, rootPrefix } from './xml.ts';

type Style = Partial<ExcelJS.Style>;

interface Section {
  name: string;
  child: string;
  count: number;
  added: string[];
  index: Map<string, number>;
}

const FORMAT_IDS = new Map(Object.entries(BUILTIN_FORMATS).map(([id, f]) => [f, Number(id)]));

export class StyleBook {
  private sections: Record<'numFmts' | 'fonts' | 'fills' | 'borders' | 'cellXfs', Section>;
  private customFormats = new Map<string, number>();
  private nextFormatId = 164;
  /** Raw `<xf …>…</xf>` of each existing cell format, to derive highlighted copies. */
  private xfXml: string[];

  private constructor(
    private xml: string,
    private model: (id: number) => Style | null,
  ) {
    const section = (name: string, child: string): Section => ({
      name,
      child,
      count: this.children(name, child).length,
      added: [],
      index: new Map(),
    });
    this.sections = {
      numFmts: section('numFmts', 'numFmt'),
      fonts: section('fonts', 'font'),
      fills: section('fills', 'fill'),
      borders: section('borders', 'border'),
      cellXfs: section('cellXfs', 'xf'),
    };
    for (const [s, e] of this.children('numFmts', 'numFmt')) {
      const id = parseInt(attr(xml, s, e, 'numFmtId') ?? '', 10);
      const code = attr(xml, s, e, 'formatCode');
      if (code !== undefined && !this.customFormats.has(code)) this.customFormats.set(code, id);
      if (id >= this.nextFormatId) this.nextFormatId = id + 1;
    }
    this.xfXml = this.children('cellXfs', 'xf').map(([s, e]) => {
      if (xml.charCodeAt(e - 2) === 47) return xml.slice(s, e);
      const close = xml.indexOf('</', e);
      const closeXf = xml.slice(close, close + 8).match(/^<\/[\w:]*xf>/);
      return closeXf ? xml.slice(s, close + closeXf[0].length) : xml.slice(s, e);
    });
    // A prefixed style sheet (`<x:styleSheet>`) is left to the ExcelJS writer.
    if (rootPrefix(xml, 'styleSheet') !== '') throw new Error('prefixed styles.xml');
    for (const name of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
      if (this.sectionSpan(name) === undefined) throw new Error(`styles.xml has no <${name}>`);
    }
  }

  static async open(xml: string): Promise<StyleBook> {
    return new StyleBook(xml, await parseStyleModels(xml));
  }

  /**
   * ExcelJS's style of cell format `id`: `{}` for 0 or an unknown index. ExcelJS builds a new
   * object at each call and a sheet asks for the same few formats row after row, so each is
   * built once: the object returned is shared, and never changed.
   */
  styleOf(id: number): Style {
    if (!id) return {};
    let style = this.models.get(id);
    if (style === undefined) this.models.set(id, (style = this.model(id) ?? {}));
    return style;
  }

  private readonly models = new Map<number, Style>();

  private sectionSpan(name: string): [number, number, boolean] | undefined {
    const at = findTags(this.xml, name)[0];
    if (!at) return undefined;
    const selfClosing = this.xml.charCodeAt(at[1] - 2) === 47;
    if (selfClosing) return [at[0], at[1], true];
    const close = this.xml.indexOf(`${name}>`, at[1]);
    return [at[0], close < 0 ? this.xml.length : close, false];
  }

  private children(name: string, child: string): [number, number][] {
    const span = this.sectionSpan(name);
    if (!span || span[2]) return [];
    return findTags(this.xml, child, span[0] + 1, span[1]);
  }

  private add(section: Section, xml: string): number {
    const known = section.index.get(xml);
    if (known !== undefined) return known;
    const id = section.count + section.added.length;
    section.added.push(xml);
    section.index.set(xml, id);
    return id;
  }

  private formatId(code: string): number {
    const builtin = FORMAT_IDS.get(code);
    if (builtin !== undefined) return builtin;
    let id = this.customFormats.get(code);
    if (id === undefined) {
      id = this.nextFormatId++;
      this.customFormats.set(code, id);
      this.sections.numFmts.added.push(`<numFmt numFmtId="${id}" formatCode="${escapeAttr(code)}"/>`);
    }
    return id;
  }

  private seen = new WeakMap<Style, number>();
  private byJson = new Map<string, number>();

  /** A new cell format for an ExcelJS style model, written as ExcelJS writes it. */
  addStyle(style: Style): number {
    // The same style object (or an equal one) is asked for once per cell: render it once.
    const known = this.seen.get(style);
    if (known !== undefined) return known;
    const json = JSON.stringify(style);
    let id = this.byJson.get(json);
    if (id === undefined) {
      id = this.renderStyle(style);
      this.byJson.set(json, id);
    }
    this.seen.set(style, id);
    return id;
  }

  private renderStyle(style: Style): number {
    const xf: Record<string, unknown> = { numFmtId: style.numFmt ? this.formatId(style.numFmt) : 0 };
    if (style.font) xf.fontId = this.add(this.sections.fonts, xforms.font.toXml(style.font));
    if (style.border) xf.borderId = this.add(this.sections.borders, xforms.border.toXml(style.border));
    if (style.fill) xf.fillId = this.add(this.sections.fills, xforms.fill.toXml(style.fill));
    if (style.alignment) xf.alignment = style.alignment;
    if (style.protection) xf.protection = style.protection;
    return this.add(this.sections.cellXfs, xforms.xf.toXml(xf));
  }

  /** Cell format `id` with only its fill changed: everything else of the official's format stays. */
  withFill(id: number, fill: ExcelJS.Fill): number {
    const fillId = this.add(this.sections.fills, xforms.fill.toXml(fill));
    const source = this.xfXml[id];
    if (!source) return this.addStyle({ fill });
    const gt = source.indexOf('>');
    let open = source.slice(0, gt);
    const rest = source.slice(gt);
    open = /\sfillId\s*=/.test(open)
      ? open.replace(/(\sfillId\s*=\s*)(["'])[^"']*\2/, `$1"${fillId}"`)
      : open.replace(/^<([\w:]*xf)/, `<$1 fillId="${fillId}"`);
    open = /\sapplyFill\s*=/.test(open)
      ? open.replace(/(\sapplyFill\s*=\s*)(["'])[^"']*\2/, '$1"1"')
      : `${open.replace(/\/$/, '')} applyFill="1"${open.endsWith('/') ? '/' : ''}`;
    return this.add(this.sections.cellXfs, open + rest);
  }

  get changed(): boolean {
    return Object.values(this.sections).some((s) => s.added.length > 0);
  }

  /** The new styles.xml: each section with its appended children and updated count. */
  finish(): string {
    let xml = this.xml;
    // Sections from the end of the file backwards, so that earlier offsets stay valid.
    const order = (['cellXfs', 'borders', 'fills', 'fonts', 'numFmts'] as const)
      .map((name) => ({ section: this.sections[name], span: findSpan(xml, name) }))
      .sort((a, b) => (b.span?.[0] ?? -1) - (a.span?.[0] ?? -1));
    for (const { section, span } of order) {
      if (section.added.length === 0) continue;
      const total = section.count + section.added.length;
      const body = section.added.join('');
      if (!span) {
        // Only numFmts can be missing: it comes first in the style sheet.
        const root = findTags(xml, 'styleSheet')[0]!;
        xml = `${xml.slice(0, root[1])}<numFmts count="${total}">${body}</numFmts>${xml.slice(root[1])}`;
        continue;
      }
      const [start, openEnd, close, selfClosing] = span;
      let open = xml.slice(start, openEnd).replace(/\/>$/, '>');
      open = /\scount\s*=/.test(open)
        ? open.replace(/(\scount\s*=\s*)(["'])[^"']*\2/, `$1"${total}"`)
        : open.replace(/>$/, ` count="${total}">`);
      const inner = selfClosing ? '' : xml.slice(openEnd, close);
      const after = selfClosing ? xml.slice(openEnd) : xml.slice(close);
      xml = `${xml.slice(0, start)}${open}${inner}${body}${selfClosing ? `</${section.name}>` : ''}${after}`;
    }
    return xml;
  }
}

/** [start, end of opening tag, start of closing tag, self-closing] of a section. */
function findSpan(xml: string, name: string): [number, number, number, boolean] | undefined {
  const at = findTags(xml, name)[0];
  if (!at) return undefined;
  if (xml.charCodeAt(at[1] - 2) === 47) return [at[0], at[1], at[1], true];
  const close = xml.indexOf(`</${name}>`, at[1]);
  return [at[0], at[1], close < 0 ? xml.length : close, false];
}
