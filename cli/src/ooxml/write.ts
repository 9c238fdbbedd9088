/**
 * The patch writer: a write plan applied to an .xlsx package without re-serializing it.
 * Every zip entry we do not touch is copied byte for byte (compressed as it was); we rewrite
 * only the data sheets the plan touches, styles.xml, the shared strings, the workbook's
 * sheet list and relationships, and add the result sheets, the state sheet and the notes.
 * What it writes and records in the state sheet is what apply.ts `applyPlan` writes through
 * ExcelJS for the same workbook, so a later run (or `removeResults`) restores it the same way.
 */
import { STATE_SHEET, a1, encodeStateRows, parseA1, type StateEntry, type WritePlan } from '@kiemtra/shared';
import type { ApplyOutcome } from '../xlsx/apply.ts';
import { blockRange, dedupeFills } from '../xlsx/conventions.ts';
import { noteParts } from './exceljs-parts.ts';
import { resultSheetXml, stateSheetXml, type NewSheet } from './new-sheets.ts';
import {
  parseRels,
  partText,
  relsOfType,
  relsPartOf,
  resolveTarget,
  REL_TYPES,
  type Relationship,
} from './package.ts';
import type { PackageRead } from './read.ts';
import { SharedStringsWriter } from './shared-strings-writer.ts';
import { SheetPatch } from './sheet-patch.ts';
import { StyleBook } from './style-book.ts';
import { escapeAttr, escapeText, findElement, findTags, rootPrefix } from './xml.ts';
import { deflatePart, TextPartWriter, ZipWriter, type DeflatedPart } from './zip.ts';

const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = {
  worksheet: 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml',
  comments: 'application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml',
  vml: 'application/vnd.openxmlformats-officedocument.vmlDrawing',
  sharedStrings: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
};
const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

export interface PatchResult {
  data: Buffer;
  outcome: ApplyOutcome;
  state: StateEntry[];
}

/** Writes `plan` into the package read by readPackage. Throws on a layout it does not handle. */
export async function writePatched(read: PackageRead, plan: WritePlan): Promise<PatchResult> {
  const { pkg } = read;
  const names = new Set(pkg.sheets.map((s) => s.name));
  if (names.has(STATE_SHEET) || plan.sheets.some((s) => names.has(s.name))) {
    throw new Error('the workbook already holds result sheets');
  }
  if (!pkg.stylesPart) throw new Error('no styles part');
  const styles = await StyleBook.open(partText(pkg, pkg.stylesPart)!);
  const shared = new SharedStringsWriter(read.sharedStringCount);
  const replaced = new Map<string, Buffer>();
  const added: { name: string; data: Buffer }[] = [];
  const taken = new Set(pkg.entries.keys());
  const newPart = (make: (n: number) => string): string => {
    for (let n = 1; ; n++) {
      const name = make(n);
      if (!taken.has(name)) {
        taken.add(name);
        return name;
      }
    }
  };

  const patches = new Map<string, SheetPatch>();
  const patchOf = (name: string): SheetPatch | undefined => {
    const known = patches.get(name);
    if (known) return known;
    const sheet = pkg.sheets.find((s) => s.name === name);
    const grid = read.grid.sheets.find((s) => s.name === name);
    if (!sheet?.part || !grid) return undefined;
    const xml = read.sheetXml.get(sheet.part) ?? partText(pkg, sheet.part)!;
    const patch = new SheetPatch(name, xml, grid, read.occupied.get(name) ?? new Set(), styles);
    patches.set(name, patch);
    return patch;
  };

  const state: StateEntry[] = [];
  const outcome: ApplyOutcome = { skipped: [] };
  for (const block of plan.resultColumns) {
    const patch = patchOf(block.sheet);
    if (!patch) continue;
    const taken = patch.writeBlock(block, state);
    if (taken) {
      outcome.skipped.push({ sheet: block.sheet, range: blockRange(block), cell: taken });
    }
  }
  for (const h of plan.highlights) {
    const patch = patchOf(h.sheet);
    const at = parseA1(h.cell);
    if (!patch || !at) continue;
    patch.highlight(h, at.row, at.col, state);
  }

  // Data sheets: notes first (they may add a relationship the sheet XML points at).
  const contentTypes: { overrides: [string, string][]; vml: boolean } = { overrides: [], vml: false };
  const sheetsDeflating = new Map<string, Promise<DeflatedPart>>();
  for (const patch of patches.values()) {
    const sheet = pkg.sheets.find((s) => s.name === patch.name)!;
    const part = sheet.part!;
    let legacy: string | undefined;
    if (patch.notes.size > 0) legacy = writeNotes(patch, part);
    // Deflated while it is written, and while the rest of the package is made.
    const writer = new TextPartWriter(patch.index.xml, read.sheetBytes.get(part));
    patch.emit(
      shared,
      legacy,
      writer,
      legacy === undefined ? undefined : (tag) => ensureRelNamespace(tag, 'worksheet'),
    );
    sheetsDeflating.set(part, writer.end());
  }

  function writeNotes(patch: SheetPatch, part: string): string | undefined {
    const relsPart = relsPartOf(part);
    const relsXml = partText(pkg, relsPart);
    const rels = parseRels(relsXml);
    const commentsRel = relsOfType(rels, REL_TYPES.comments)[0];
    const notes = [...patch.notes.values()];
    if (commentsRel) {
      const vmlRel = relsOfType(rels, REL_TYPES.vmlDrawing)[0];
      if (!vmlRel) throw new Error('comments without a VML drawing');
      const commentsPart = resolveTarget(part, commentsRel.target);
      const vmlPart = resolveTarget(part, vmlRel.target);
      let comments = partText(pkg, commentsPart);
      let vml = partText(pkg, vmlPart);
      if (comments === undefined || vml === undefined) throw new Error('missing comments part');
      if (rootPrefix(comments, 'comments') !== '') throw new Error('prefixed comments part');
      let nextShape = Math.max(1024, ...[...vml.matchAll(/_x0000_s(\d+)/g)].map((m) => Number(m[1]))) + 1;
      const shapes: string[] = [];
      for (const n of notes) {
        const ref = refOf(n.row, n.col);
        const parts = noteParts(ref, n.row, n.col, n.text, 0);
        const existing = findComment(comments, n.row, n.col);
        if (existing) {
          comments = comments.slice(0, existing[0]) + parts.comment + comments.slice(existing[1]);
        } else {
          const close = comments.lastIndexOf('</commentList>');
          if (close < 0) throw new Error('no commentList');
          comments = comments.slice(0, close) + parts.comment + comments.slice(close);
          shapes.push(parts.shape.replace(/id="_x0000_s\d+"/, `id="_x0000_s${nextShape++}"`));
        }
      }
      if (shapes.length > 0) {
        const close = vml.lastIndexOf('</xml>');
        if (close < 0) throw new Error('unexpected VML drawing');
        vml = vml.slice(0, close) + shapes.join('') + vml.slice(close);
      }
      replaced.set(commentsPart, Buffer.from(comments, 'utf8'));
      replaced.set(vmlPart, Buffer.from(vml, 'utf8'));
      return undefined;
    }
    const commentsPart = newPart((n) => `xl/comments${n}.xml`);
    const vmlPart = newPart((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const drawingNo = Number(/(\d+)\.vml$/.exec(vmlPart)![1]);
    const rendered = notes.map((n, i) => {
      const parts = noteParts(refOf(n.row, n.col), n.row, n.col, n.text, i);
      return {
        comment: parts.comment,
        shape: parts.shape.replace(/id="_x0000_s\d+"/, `id="_x0000_s${drawingNo * 1024 + 1 + i}"`),
      };
    });
    const comments =
      XML_DECL +
      '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>Author</author></authors><commentList>' +
      rendered.map((r) => r.comment).join('') +
      '</commentList></comments>';
    const vml =
      XML_DECL +
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">' +
      `<o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${drawingNo}"/></o:shapelayout>` +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>' +
      rendered.map((r) => r.shape).join('') +
      '</xml>';
    added.push({ name: commentsPart, data: Buffer.from(comments, 'utf8') });
    added.push({ name: vmlPart, data: Buffer.from(vml, 'utf8') });
    contentTypes.overrides.push([`/${commentsPart}`, CT.comments]);
    contentTypes.vml = true;
    const ids = new Set(rels.map((r) => r.id));
    const commentsId = freshId(ids);
    const vmlId = freshId(ids);
    const newRels: Relationship[] = [
      {
        id: commentsId,
        type: REL_TYPES.comments,
        target: relativeTarget(part, commentsPart),
        external: false,
      },
      { id: vmlId, type: REL_TYPES.vmlDrawing, target: relativeTarget(part, vmlPart), external: false },
    ];
    const relsOut = appendRels(relsXml, newRels);
    if (relsXml === undefined) added.push({ name: relsPart, data: Buffer.from(relsOut, 'utf8') });
    else replaced.set(relsPart, Buffer.from(relsOut, 'utf8'));
    const p = patch.index.prefix;
    return `<${p}legacyDrawing r:id="${vmlId}"/>`;
  }

  // New sheets: the plan's result sheets, then the state sheet.
  const newSheets: { name: string; state?: string; sheet: NewSheet; part: string }[] = [];
  for (const sheet of plan.sheets) {
    const built = resultSheetXml(sheet, styles, shared);
    newSheets.push({ name: sheet.name, sheet: built, part: newPart((n) => `xl/worksheets/sheet${n}.xml`) });
    state.push({ kind: 'sheet', sheet: sheet.name });
  }
  const entries = dedupeFills(state);
  if (entries.length > 0) {
    newSheets.push({
      name: STATE_SHEET,
      state: 'veryHidden',
      sheet: { xml: stateSheetXml(encodeStateRows(entries), shared) },
      part: newPart((n) => `xl/worksheets/sheet${n}.xml`),
    });
  }
  for (const s of newSheets) {
    added.push({ name: s.part, data: Buffer.from(s.sheet.xml, 'utf8') });
    contentTypes.overrides.push([`/${s.part}`, CT.worksheet]);
  }

  // Workbook: sheet list, print titles, relationships.
  const wbRelsPart = relsPartOf(pkg.workbookPart);
  const wbRelsXml = partText(pkg, wbRelsPart);
  const wbRels = parseRels(wbRelsXml);
  const ids = new Set(wbRels.map((r) => r.id));
  const relsToAdd: Relationship[] = [];
  let workbook = ensureRelNamespace(pkg.workbookXml, 'workbook');
  const wp = rootPrefix(workbook, 'workbook');
  const sheetIds = findTags(workbook, 'sheet').map(([s, e]) =>
    Number(/\ssheetId\s*=\s*["'](\d+)/.exec(workbook.slice(s, e))?.[1] ?? 0),
  );
  let nextSheetId = Math.max(0, ...sheetIds) + 1;
  const sheetTags: string[] = [];
  const definedNames: string[] = [];
  newSheets.forEach((s, i) => {
    const id = freshId(ids);
    relsToAdd.push({
      id,
      type: REL_TYPES.worksheet,
      target: relativeTarget(pkg.workbookPart, s.part),
      external: false,
    });
    sheetTags.push(
      `<${wp}sheet name="${escapeAttr(s.name)}" sheetId="${nextSheetId++}"${s.state ? ` state="${s.state}"` : ''} r:id="${id}"/>`,
    );
    if (s.sheet.printTitles) {
      const local = pkg.sheets.length + i;
      definedNames.push(
        `<${wp}definedName name="_xlnm.Print_Titles" localSheetId="${local}">${escapeText(s.sheet.printTitles)}</${wp}definedName>`,
      );
    }
  });
  if (sheetTags.length > 0) {
    const close = workbook.indexOf(`</${wp}sheets>`);
    if (close < 0) throw new Error('no </sheets> in the workbook');
    workbook = workbook.slice(0, close) + sheetTags.join('') + workbook.slice(close);
  }
  if (definedNames.length > 0) {
    const close = workbook.indexOf(`</${wp}definedNames>`);
    if (close >= 0) workbook = workbook.slice(0, close) + definedNames.join('') + workbook.slice(close);
    else {
      const selfClosed = /<(\w+:)?definedNames\s*\/>/.exec(workbook);
      const block = `<${wp}definedNames>${definedNames.join('')}</${wp}definedNames>`;
      if (selfClosed) workbook = workbook.replace(selfClosed[0], block);
      else {
        const at = firstOf(workbook, wp, [
          'calcPr',
          'oleSize',
          'customWorkbookViews',
          'pivotCaches',
          'smartTagPr',
          'smartTagTypes',
          'webPublishing',
          'fileRecoveryPr',
          'webPublishObjects',
          'extLst',
        ]);
        const pos = at >= 0 ? at : workbook.lastIndexOf(`</${wp}workbook`);
        workbook = workbook.slice(0, pos) + block + workbook.slice(pos);
      }
    }
  }
  replaced.set(pkg.workbookPart, Buffer.from(workbook, 'utf8'));

  // Shared strings and styles.
  if (shared.changed) {
    if (pkg.sharedStringsPart) {
      replaced.set(
        pkg.sharedStringsPart,
        Buffer.from(shared.finish(partText(pkg, pkg.sharedStringsPart)), 'utf8'),
      );
    } else {
      const part = newPart(() => 'xl/sharedStrings.xml');
      added.push({ name: part, data: Buffer.from(shared.finish(undefined), 'utf8') });
      contentTypes.overrides.push([`/${part}`, CT.sharedStrings]);
      relsToAdd.push({
        id: freshId(ids),
        type: REL_TYPES.sharedStrings,
        target: relativeTarget(pkg.workbookPart, part),
        external: false,
      });
    }
  }
  if (styles.changed) replaced.set(pkg.stylesPart, Buffer.from(styles.finish(), 'utf8'));
  if (relsToAdd.length > 0) replaced.set(wbRelsPart, Buffer.from(appendRels(wbRelsXml, relsToAdd), 'utf8'));

  // [Content_Types].xml and the sheet titles of docProps/app.xml.
  const ctXml = partText(pkg, '[Content_Types].xml');
  if (ctXml === undefined) throw new Error('no [Content_Types].xml');
  replaced.set('[Content_Types].xml', Buffer.from(addContentTypes(ctXml, contentTypes), 'utf8'));
  const app = partText(pkg, 'docProps/app.xml');
  if (app !== undefined) {
    const updated = addSheetTitles(
      app,
      newSheets.map((s) => s.name),
    );
    if (updated !== app) replaced.set('docProps/app.xml', Buffer.from(updated, 'utf8'));
  }

  // Every other new part deflated at once, on the thread pool; the sheets already are.
  const fresh = [...replaced, ...added.map((a) => [a.name, a.data] as const)];
  const deflated = new Map(
    await Promise.all([
      ...fresh.map(async ([name, data]) => [name, await deflatePart(data)] as const),
      ...[...sheetsDeflating].map(async ([name, part]) => [name, await part] as const),
    ]),
  );
  const zip = new ZipWriter();
  for (const e of pkg.order) {
    const part = deflated.get(e.name);
    if (part) zip.add(e.name, part);
    else zip.copy(pkg.buf, e);
  }
  for (const a of added) zip.add(a.name, deflated.get(a.name)!);
  return { data: zip.finish(), outcome, state: entries };
}

const refOf = a1;

/** The `<comment>` element of a cell in a comments part: [start, end). */
function findComment(xml: string, row: number, col: number): [number, number] | undefined {
  const ref = refOf(row, col);
  for (const [s, e] of findTags(xml, 'comment')) {
    const m = /\sref\s*=\s*["']([^"']*)["']/.exec(xml.slice(s, e));
    if (m?.[1]?.replace(/\$/g, '').toUpperCase() !== ref) continue;
    if (xml.charCodeAt(e - 2) === 47) return [s, e];
    const close = xml.indexOf('</comment>', e);
    return close < 0 ? undefined : [s, close + '</comment>'.length];
  }
  return undefined;
}

function freshId(ids: Set<string>): string {
  for (let n = ids.size + 1; ; n++) {
    const id = `rId${n}`;
    if (!ids.has(id)) {
      ids.add(id);
      return id;
    }
  }
}

/** A target relative to the folder of `from` (`xl/worksheets/sheet1.xml` → `../comments1.xml`). */
function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

function appendRels(xml: string | undefined, rels: Relationship[]): string {
  const tags = rels
    .map(
      (r) =>
        `<Relationship Id="${r.id}" Type="${r.type}" Target="${escapeAttr(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
    )
    .join('');
  if (xml === undefined) return `${XML_DECL}<Relationships xmlns="${NS_PKG_REL}">${tags}</Relationships>`;
  const close = xml.lastIndexOf('</Relationships>');
  if (close >= 0) return xml.slice(0, close) + tags + xml.slice(close);
  const selfClosed = /<Relationships([^>]*)\/>/.exec(xml);
  if (!selfClosed) throw new Error('unexpected relationships part');
  return xml.replace(selfClosed[0], `<Relationships${selfClosed[1]}>${tags}</Relationships>`);
}

/** Declares `r:` on the root element when the part does not already. */
function ensureRelNamespace(xml: string, root: string): string {
  const open = new RegExp(`<(\\w+:)?${root}\\b[^>]*>`).exec(xml);
  if (!open) throw new Error(`no <${root}>`);
  if (/\sxmlns:r\s*=/.test(open[0])) {
    if (!open[0].includes(NS_REL)) throw new Error('r: is bound to another namespace');
    return xml;
  }
  const tag = open[0].replace(/(\s*\/?>)$/, ` xmlns:r="${NS_REL}"$1`);
  return xml.slice(0, open.index) + tag + xml.slice(open.index + open[0].length);
}

function firstOf(xml: string, p: string, names: string[]): number {
  let best = -1;
  for (const n of names) {
    const at = findElement(xml, `<${p}${n}`, 0);
    if (at >= 0 && (best < 0 || at < best)) best = at;
  }
  return best;
}

function addContentTypes(xml: string, ct: { overrides: [string, string][]; vml: boolean }): string {
  const tags: string[] = [];
  if (ct.vml && !/<Default\s[^>]*Extension\s*=\s*["']vml["']/i.test(xml)) {
    tags.push(`<Default Extension="vml" ContentType="${CT.vml}"/>`);
  }
  for (const [part, type] of ct.overrides)
    tags.push(`<Override PartName="${escapeAttr(part)}" ContentType="${type}"/>`);
  if (tags.length === 0) return xml;
  const close = xml.lastIndexOf('</Types>');
  if (close < 0) throw new Error('unexpected [Content_Types].xml');
  return xml.slice(0, close) + tags.join('') + xml.slice(close);
}

/** docProps/app.xml lists the worksheet names: ours are added after the existing ones. */
function addSheetTitles(xml: string, names: string[]): string {
  if (names.length === 0) return xml;
  const pairs =
    /(<vt:lpstr>Worksheets<\/vt:lpstr>\s*<\/vt:variant>\s*<vt:variant>\s*<vt:i4>)(\d+)(<\/vt:i4>)/.exec(xml);
  const titles = /(<TitlesOfParts>\s*<vt:vector\s+size=")(\d+)("[^>]*>)/.exec(xml);
  if (!pairs || !titles) return xml;
  const count = Number(pairs[2]);
  let out = xml.replace(pairs[0], `${pairs[1]}${count + names.length}${pairs[3]}`);
  const t = /(<TitlesOfParts>\s*<vt:vector\s+size=")(\d+)("[^>]*>)/.exec(out)!;
  const start = t.index + t[0].length;
  // Walk past the existing worksheet titles (named ranges follow them).
  let pos = start;
  for (let i = 0; i < count; i++) {
    const end = out.indexOf('</vt:lpstr>', pos);
    if (end < 0) return xml;
    pos = end + '</vt:lpstr>'.length;
  }
  const add = names.map((n) => `<vt:lpstr>${escapeText(n)}</vt:lpstr>`).join('');
  out =
    out.slice(0, t.index) +
    `${t[1]}${Number(t[2]) + names.length}${t[3]}` +
    out.slice(start, pos) +
    add +
    out.slice(pos);
  return out;
}
