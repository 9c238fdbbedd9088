/**
 * Links to cells of the workbook (the issues sheet's "Ô" column) are written as Excel writes
 * them: a `location` and no external relationship, which Excel would take for a file name.
 * Links to the web keep their relationship.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { internalLinksOnly } from '../../cli/src/ooxml/internal-links.ts';
import { SAMPLES_DIR } from '../../scripts/make-xlsx-samples.ts';
import { buildWorkbook, runCli, tempDir, toBuffer, unzip } from './helpers.ts';

interface Link {
  part: string;
  tag: string;
}

/** Attribute values as they read: `&apos;` is how both writers escape the sheet's quotes. */
function decoded(tag: string): string {
  return tag
    .replace(/&apos;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');
}

/** Every `<hyperlink>` of every worksheet, and the hyperlink relationships of the package. */
function linksOf(buf: Buffer): { links: Link[]; relTargets: string[] } {
  const parts = unzip(buf);
  const links: Link[] = [];
  const relTargets: string[] = [];
  for (const [name, data] of parts) {
    const text = data.toString('utf8');
    if (/^xl\/worksheets\/[^/]+\.xml$/.test(name))
      for (const tag of text.match(/<hyperlink\b[^>]*>/g) ?? [])
        links.push({ part: name, tag: decoded(tag) });
    if (/^xl\/worksheets\/_rels\//.test(name))
      for (const rel of text.match(/<Relationship\b[^>]*>/g) ?? [])
        if (rel.includes('/hyperlink"')) relTargets.push(/Target="([^"]*)"/.exec(rel)![1]!);
  }
  return { links, relTargets };
}

function expectInternalOnly(buf: Buffer): void {
  const { links, relTargets } = linksOf(buf);
  expect(links.length).toBeGreaterThan(0);
  for (const l of links) {
    expect(l.tag, l.part).toMatch(/\slocation="'[^']+'!\$?[A-Z]+\$?\d+"/);
    expect(l.tag, l.part).not.toMatch(/r:id=/);
  }
  expect(relTargets).toEqual([]);
}

describe('links to cells', () => {
  const dir = tempDir('kiemtra-links-');
  const input = join(dir, 'xa.xlsx');
  cpSync(join(SAMPLES_DIR, 'xa-nam-lanh-2023.xlsx'), input);

  it('are locations alone on a first check (patch writer) and on a re-check (ExcelJS)', async () => {
    const first = await runCli(['check', input, '--out', join(dir, 'a')]);
    expect(first.code).toBe(1);
    const once = join(dir, 'a', 'xa.kiemtra.xlsx');
    expectInternalOnly(readFileSync(once));
    const again = await runCli(['check', once, '--out', join(dir, 'b')]);
    expect(again.code).toBe(1);
    expectInternalOnly(readFileSync(join(dir, 'b', 'xa.kiemtra.kiemtra.xlsx')));
  }, 120_000);

  it('keep a web link as ExcelJS wrote it and mend only the link to a cell', async () => {
    const wb = buildWorkbook([
      { name: 'Trang 1', rows: [['Xem'], ['Web']] },
      { name: 'Trang 2', rows: [['x']] },
    ]);
    const ws = wb.getWorksheet('Trang 1')!;
    ws.getCell('A1').value = { text: 'Xem', hyperlink: "'Trang 2'!A1" };
    ws.getCell('A2').value = { text: 'Web', hyperlink: 'https://example.org/' };
    const raw = await toBuffer(wb);
    const before = linksOf(raw);
    expect(before.links.filter((l) => /r:id=/.test(l.tag))).toHaveLength(2);
    const mended = linksOf(await internalLinksOnly(raw));
    expect(mended.relTargets).toEqual(['https://example.org/']);
    const [cell, web] = mended.links;
    expect(cell!.tag).toMatch(/location="'Trang 2'!A1"/);
    expect(cell!.tag).not.toMatch(/r:id=/);
    expect(web!.tag).toMatch(/r:id="rId\d+"/);
  });
});
