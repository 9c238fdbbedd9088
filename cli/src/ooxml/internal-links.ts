/**
 * Links to a cell of the same workbook, as Excel follows them. ExcelJS writes such a link as
 * an external relationship plus a `location`; Excel then takes the relationship's target
 * ("'Chi bộ'!D6") for a file name and cannot open it. This keeps the `location` alone, as
 * Excel itself writes an internal link, and drops those relationships. Everything else in the
 * package is copied as it is.
 */
import { attr, findTags } from './xml.ts';
import { parseRels, relsOfType, relsPartOf, REL_TYPES } from './package.ts';
import { deflatePart, entryText, listZip, ZipWriter } from './zip.ts';

const WORKSHEET = /^xl\/worksheets\/[^/]+\.xml$/;

export async function internalLinksOnly(buf: Buffer): Promise<Buffer> {
  const entries = listZip(buf);
  if (!entries) return buf;
  const byName = new Map(entries.map((e) => [e.name, e]));
  const replaced = new Map<string, Buffer>();
  for (const e of entries) {
    if (!WORKSHEET.test(e.name)) continue;
    const relsPart = relsPartOf(e.name);
    const relsEntry = byName.get(relsPart);
    if (!relsEntry) continue;
    const relsXml = entryText(buf, relsEntry);
    const targets = new Map(
      relsOfType(parseRels(relsXml), REL_TYPES.hyperlink)
        .filter((r) => r.external)
        .map((r) => [r.id, r.target]),
    );
    if (targets.size === 0) continue;
    const xml = entryText(buf, e);
    const dropped = new Set<string>();
    const sheetXml = xml.replace(/<(?:\w+:)?hyperlink\b[^>]*>/g, (tag) => {
      const id = attr(tag, 0, tag.length, 'r:id');
      const location = attr(tag, 0, tag.length, 'location');
      if (id === undefined || location === undefined || targets.get(id) !== location) return tag;
      dropped.add(id);
      return tag.replace(/\s+r:id\s*=\s*(["'])[^"']*\1/, '');
    });
    if (dropped.size === 0) continue;
    let rels = relsXml;
    for (const [s, tagEnd] of findTags(relsXml, 'Relationship').reverse()) {
      if (!dropped.has(attr(relsXml, s, tagEnd, 'Id') ?? '')) continue;
      const selfClosing = relsXml.charCodeAt(tagEnd - 2) === 47;
      const close = relsXml.indexOf('>', relsXml.indexOf('</', tagEnd)) + 1;
      rels = rels.slice(0, s) + rels.slice(selfClosing ? tagEnd : close);
    }
    replaced.set(e.name, Buffer.from(sheetXml, 'utf8'));
    replaced.set(relsPart, Buffer.from(rels, 'utf8'));
  }
  if (replaced.size === 0) return buf;
  const deflated = new Map(
    await Promise.all([...replaced].map(async ([name, data]) => [name, await deflatePart(data)] as const)),
  );
  const zip = new ZipWriter();
  for (const e of entries) {
    const part = deflated.get(e.name);
    if (part) zip.add(e.name, part);
    else zip.copy(buf, e);
  }
  return zip.finish();
}
