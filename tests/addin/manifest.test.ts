/**
 * The add-in manifest, checked offline: its structure and references in the XML, then
 * converted to the unified JSON manifest with office-addin-manifest-converter and validated
 * against the Microsoft Teams/M365 JSON schemas bundled in node_modules (draft-04 schemas,
 * so Ajv 6 with the draft-04 meta-schema).
 */
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { MIN_EXCEL_API } from '../../addin/src/excel/capabilities.ts';
import { manifestFor } from '../../addin/webpack.config.js';

const require = createRequire(import.meta.url);
const root = join(import.meta.dirname, '..', '..');
const xml = readFileSync(join(root, 'manifest.xml'), 'utf8');
const doc = new DOMParser().parseFromString(xml, 'text/xml');
const all = (tag: string) => Array.from(doc.getElementsByTagName(tag));
const schemaDir = join(root, 'node_modules/@microsoft/m365agentstoolkit-cli/json-schemas/teams');

describe('manifest.xml', () => {
  it('is an Excel task-pane add-in asking for the requirement set the code needs', () => {
    const app = doc.documentElement!;
    expect(app.getAttribute('xsi:type')).toBe('TaskPaneApp');
    expect(all('Host').some((h) => h.getAttribute('Name') === 'Workbook')).toBe(true);
    const set = all('Set').find((s) => s.getAttribute('Name') === 'ExcelApi');
    expect(set?.getAttribute('MinVersion')).toBe(MIN_EXCEL_API);
    expect(all('Permissions')[0]?.textContent).toBe('ReadWriteDocument');
    expect(all('DefaultLocale')[0]?.textContent).toBe('vi-VN');
  });

  it('puts a "Kiểm tra" button in its own group on the Home tab that opens the pane', () => {
    const tab = all('OfficeTab')[0]!;
    expect(tab.getAttribute('id')).toBe('TabHome');
    const groups = Array.from(tab.getElementsByTagName('Group'));
    expect(groups).toHaveLength(1);
    const button = groups[0]!.getElementsByTagName('Control')[0]!;
    expect(button.getAttribute('xsi:type')).toBe('Button');
    const labelId = button.getElementsByTagName('Label')[0]!.getAttribute('resid');
    const label = all('bt:String').find((s) => s.getAttribute('id') === labelId);
    expect(label?.getAttribute('DefaultValue')).toBe('Kiểm tra');
    expect(button.getElementsByTagName('Action')[0]!.getAttribute('xsi:type')).toBe('ShowTaskpane');
  });

  it('defines every resource id it uses, and every URL is https', () => {
    const defined = new Set(
      ['bt:Image', 'bt:Url', 'bt:String'].flatMap((t) =>
        all(t)
          .map((e) => e.getAttribute('id'))
          .filter(Boolean),
      ),
    );
    const used = Array.from(doc.getElementsByTagName('*'))
      .map((e) => e.getAttribute('resid'))
      .filter((x): x is string => !!x);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) expect(defined, id).toContain(id);
    const urls = [...xml.matchAll(/DefaultValue="(https?:[^"]+)"/g)].map((m) => m[1]!);
    expect(urls.length).toBeGreaterThan(5);
    for (const u of urls) expect(u).toMatch(/^https:\/\//);
  });

  it('rewrites every development URL for a production base URL', () => {
    const prod = manifestFor(xml, 'https://kiemtra.example.vn/addin/');
    expect(prod).not.toContain('localhost');
    expect(prod).toContain('https://kiemtra.example.vn/addin/taskpane.html');
    expect(prod).toContain('<AppDomain>https://kiemtra.example.vn/addin</AppDomain>');
  });

  it('converts to the unified JSON manifest, which validates against the bundled Microsoft schema', async () => {
    const { convert } = require('office-addin-manifest-converter') as {
      convert: (input: string, out: string, downloadImages: boolean) => Promise<void>;
    };
    const out = mkdtempSync(join(tmpdir(), 'kt-manifest-'));
    await convert(join(root, 'manifest.xml'), out, false);
    const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));
    const version = /teams\/(v[\d.]+|vDevPreview)\//.exec(manifest.$schema)?.[1];
    expect(version).toBeDefined();

    const Ajv = require('ajv');
    const ajv = new Ajv({ schemaId: 'auto', allErrors: true, unknownFormats: 'ignore' });
    ajv.addMetaSchema(require('ajv/lib/refs/json-schema-draft-04.json'));
    const schema = JSON.parse(readFileSync(join(schemaDir, version!, 'MicrosoftTeams.schema.json'), 'utf8'));
    const validate = ajv.compile(schema);
    const ok = validate(manifest);
    expect(validate.errors ?? [], JSON.stringify(validate.errors)).toEqual([]);
    expect(ok).toBe(true);

    // The validator is live: a manifest with a broken id and an empty ribbon is refused.
    expect(validate({ ...manifest, id: 'not-a-guid' })).toBe(false);

    const ext = manifest.extensions[0];
    expect(ext.requirements.capabilities).toContainEqual({ name: 'ExcelApi', minVersion: MIN_EXCEL_API });
    expect(ext.ribbons[0].tabs[0].builtInTabId).toBe('TabHome');
    expect(ext.runtimes[0].code.page).toBe('https://localhost:3000/taskpane.html');

    const localization = ajv.compile(
      JSON.parse(readFileSync(join(schemaDir, version!, 'MicrosoftTeams.Localization.schema.json'), 'utf8')),
    );
    const localeFiles = readdirSync(out).filter((f) => f !== 'manifest.json' && f.endsWith('.json'));
    expect(localeFiles).toContain('en-us.json');
    for (const f of localeFiles) {
      const ok = localization(JSON.parse(readFileSync(join(out, f), 'utf8')));
      expect(localization.errors ?? [], f).toEqual([]);
      expect(ok).toBe(true);
    }
  });
});
