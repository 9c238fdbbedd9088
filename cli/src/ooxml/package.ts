/**
 * The parts of an .xlsx package and how they point at each other: the workbook's sheets in
 * order (name, state, part), relationships, and the shared strings and styles parts.
 */
import { attr, findTags, rawAttr } from './xml.ts';
import { entryText, type ZipEntry } from './zip.ts';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface PackageSheet {
  name: string;
  state: SheetState;
  /** Zip entry of the worksheet, e.g. `xl/worksheets/sheet1.xml`; undefined when missing. */
  part: string | undefined;
}

export interface Relationship {
  id: string;
  type: string;
  target: string;
  external: boolean;
}

export interface XlsxPackage {
  buf: Buffer;
  entries: Map<string, ZipEntry>;
  /** Entries in their order in the file, for copying. */
  order: ZipEntry[];
  workbookPart: string;
  workbookXml: string;
  sheets: PackageSheet[];
  date1904: boolean;
  sharedStringsPart: string | undefined;
  stylesPart: string | undefined;
}

export function partText(pkg: Pick<XlsxPackage, 'buf' | 'entries'>, part: string): string | undefined {
  const e = pkg.entries.get(part);
  return e ? entryText(pkg.buf, e) : undefined;
}

/** `xl/worksheets/sheet1.xml` → `xl/worksheets/_rels/sheet1.xml.rels`. */
export function relsPartOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

/** A relationship target resolved against the folder of the part that holds it. */
export function resolveTarget(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

export function parseRels(xml: string | undefined): Relationship[] {
  if (!xml) return [];
  return findTags(xml, 'Relationship').map(([s, e]) => ({
    id: attr(xml, s, e, 'Id') ?? '',
    type: attr(xml, s, e, 'Type') ?? '',
    target: attr(xml, s, e, 'Target') ?? '',
    external: attr(xml, s, e, 'TargetMode') === 'External',
  }));
}

const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/';
export const REL_TYPES = {
  worksheet: `${REL}worksheet`,
  styles: `${REL}styles`,
  sharedStrings: `${REL}sharedStrings`,
  comments: `${REL}comments`,
  vmlDrawing: `${REL}vmlDrawing`,
  hyperlink: `${REL}hyperlink`,
} as const;

function relOfType(rels: Relationship[], type: string): Relationship | undefined {
  // Strict OOXML uses another namespace with the same last segment.
  const tail = type.slice(type.lastIndexOf('/'));
  return rels.find((r) => r.type === type) ?? rels.find((r) => r.type.endsWith(tail));
}

export function relsOfType(rels: Relationship[], type: string): Relationship[] {
  const tail = type.slice(type.lastIndexOf('/'));
  return rels.filter((r) => r.type === type || r.type.endsWith(tail));
}

export function openPackage(buf: Buffer, order: ZipEntry[]): XlsxPackage {
  const entries = new Map(order.map((e) => [e.name, e]));
  const rootRels = parseRels(partText({ buf, entries }, '_rels/.rels'));
  const officeDoc = rootRels.find((r) => r.type.endsWith('/officeDocument'));
  const workbookPart =
    officeDoc && entries.has(resolveTarget('', officeDoc.target))
      ? resolveTarget('', officeDoc.target)
      : 'xl/workbook.xml';
  const workbookXml = partText({ buf, entries }, workbookPart);
  if (workbookXml === undefined) throw new Error('no workbook part');
  const rels = parseRels(partText({ buf, entries }, relsPartOf(workbookPart)));
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: PackageSheet[] = [];
  for (const [s, e] of findTags(workbookXml, 'sheet')) {
    const name = attr(workbookXml, s, e, 'name') ?? '';
    const state = attr(workbookXml, s, e, 'state');
    const id = rawAttr(workbookXml, s, e, 'r:id') ?? relIdAttr(workbookXml, s, e);
    const rel = id === undefined ? undefined : byId.get(id);
    const part = rel ? resolveTarget(workbookPart, rel.target) : undefined;
    sheets.push({
      name,
      state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
      part: part && entries.has(part) ? part : undefined,
    });
  }
  const pr = findTags(workbookXml, 'workbookPr')[0];
  const date1904 = pr ? attr(workbookXml, pr[0], pr[1], 'date1904') === '1' : false;
  const partOf = (type: string, fallback: string): string | undefined => {
    const rel = relOfType(rels, type);
    const part = rel ? resolveTarget(workbookPart, rel.target) : fallback;
    return entries.has(part) ? part : undefined;
  };
  return {
    buf,
    entries,
    order,
    workbookPart,
    workbookXml,
    sheets,
    date1904,
    sharedStringsPart: partOf(REL_TYPES.sharedStrings, 'xl/sharedStrings.xml'),
    stylesPart: partOf(REL_TYPES.styles, 'xl/styles.xml'),
  };
}

/** The relationship id of a `<sheet>` whose relationships prefix is not `r:`. */
function relIdAttr(xml: string, s: number, e: number): string | undefined {
  const m = /\s[\w.-]+:id\s*=\s*["']([^"']*)["']/.exec(xml.slice(s, e));
  return m?.[1];
}
