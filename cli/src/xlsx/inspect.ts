/**
 * Looks inside a file before the .xlsx library loads it: what kind of file it really is
 * (an .xlsx, an old .xls, a password-protected workbook, an .ods, something else), which
 * parts it holds that the library cannot keep, and how many rows each sheet has — so that a
 * million-row sheet is refused with a message instead of exhausting memory.
 */
import { createInflateRaw } from 'node:zlib';
import { bi, type Bilingual } from '@kiemtra/shared';
import { entryData, listZip, type ZipEntry } from '../ooxml/zip.ts';

export { listZip, type ZipEntry };

export type FileKind = { kind: 'xlsx'; entries: ZipEntry[] } | { kind: 'problem'; problem: Bilingual };

/** The compound-file (CFB) signature shared by .xls files and encrypted .xlsx files. */
const CFB_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_LOCAL = 0x04034b50;

export function classify(buf: Buffer): FileKind {
  if (buf.length === 0) return problem(bi('tệp rỗng (0 byte)', 'the file is empty (0 bytes)'));
  if (buf.subarray(0, 8).equals(CFB_SIGNATURE)) {
    // Excel wraps an encrypted workbook in a CFB container with an "EncryptionInfo" stream.
    if (buf.includes(Buffer.from('EncryptionInfo', 'utf16le'))) {
      return problem(
        bi(
          'tệp được bảo vệ bằng mật khẩu: hãy mở bằng Excel, bỏ mật khẩu (Tệp → Thông tin → Bảo vệ sổ làm việc) rồi lưu lại',
          'the file is password-protected: open it in Excel, remove the password (File → Info → Protect Workbook) and save it again',
        ),
      );
    }
    return problem(
      bi(
        'định dạng Excel cũ (.xls): hãy mở bằng Excel hoặc LibreOffice và lưu lại thành .xlsx',
        'old Excel format (.xls): open it in Excel or LibreOffice and save it as .xlsx',
      ),
    );
  }
  if (buf.length < 4 || buf.readUInt32LE(0) !== ZIP_LOCAL) {
    return problem(bi('không phải tệp Excel .xlsx', 'not an Excel .xlsx file'));
  }
  const entries = listZip(buf);
  if (!entries) {
    return problem(
      bi(
        'tệp bị hỏng (cấu trúc nén không đọc được)',
        'the file is damaged (its zip structure cannot be read)',
      ),
    );
  }
  const names = new Set(entries.map((e) => e.name));
  if (names.has('mimetype') && names.has('content.xml')) {
    return problem(
      bi(
        'tệp OpenDocument (.ods): hãy lưu lại thành .xlsx (LibreOffice: soffice --headless --convert-to xlsx <tệp>)',
        'OpenDocument file (.ods): save it as .xlsx (LibreOffice: soffice --headless --convert-to xlsx <file>)',
      ),
    );
  }
  if (!names.has('xl/workbook.xml')) {
    return problem(
      bi(
        'không phải sổ làm việc Excel (thiếu xl/workbook.xml)',
        'not an Excel workbook (xl/workbook.xml is missing)',
      ),
    );
  }
  return { kind: 'xlsx', entries };
}

function problem(p: Bilingual): FileKind {
  return { kind: 'problem', problem: p };
}

/** A zip entry as text (small parts only: workbook.xml, rels). */
async function entryText(buf: Buffer, e: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  await streamEntry(buf, e, (chunk) => {
    chunks.push(chunk);
    return true;
  });
  return Buffer.concat(chunks).toString('utf8');
}

/** Streams an entry's bytes; `onChunk` returns false to stop early. */
function streamEntry(buf: Buffer, e: ZipEntry, onChunk: (chunk: Buffer) => boolean): Promise<void> {
  const data = entryData(buf, e);
  if (e.method === 0) {
    onChunk(data);
    return Promise.resolve();
  }
  return new Promise((resolve, reject) => {
    const inflate = createInflateRaw();
    let stopped = false;
    inflate.on('data', (chunk: Buffer) => {
      if (stopped) return;
      if (!onChunk(chunk)) {
        stopped = true;
        inflate.destroy();
        resolve();
      }
    });
    inflate.on('end', () => resolve());
    inflate.on('close', () => resolve());
    inflate.on('error', (err) => (stopped ? resolve() : reject(err)));
    inflate.end(data);
  });
}

/** Parts of a workbook that ExcelJS drops or only partly keeps when it rewrites the file. */
export const UNKEPT_PARTS: { prefix: RegExp; what: Bilingual }[] = [
  { prefix: /^xl\/charts\/|^xl\/chartsheets\//, what: bi('biểu đồ', 'charts') },
  { prefix: /^xl\/pivotTables\/|^xl\/pivotCache\//, what: bi('bảng tổng hợp (pivot)', 'pivot tables') },
  {
    prefix: /^xl\/media\/|^xl\/drawings\/drawing\d*\.xml$/,
    what: bi('hình ảnh, hình vẽ, hộp văn bản', 'images, shapes, text boxes'),
  },
  { prefix: /^xl\/vbaProject\.bin$/, what: bi('macro (VBA)', 'macros (VBA)') },
  { prefix: /^xl\/slicers\/|^xl\/slicerCaches\/|^xl\/timelines\//, what: bi('slicer', 'slicers') },
  { prefix: /^xl\/threadedComments\//, what: bi('chú thích dạng hội thoại', 'threaded comments') },
  { prefix: /^xl\/externalLinks\//, what: bi('liên kết tới tệp khác', 'links to other files') },
  {
    prefix: /^xl\/embeddings\/|^xl\/ctrlProps\//,
    what: bi('đối tượng nhúng, điều khiển', 'embedded objects, controls'),
  },
];

/** What the workbook holds that a rewrite would lose, one label per kind. */
export function unkeptParts(entries: ZipEntry[]): Bilingual[] {
  const found: Bilingual[] = [];
  for (const part of UNKEPT_PARTS) {
    if (entries.some((e) => part.prefix.test(e.name))) found.push(part.what);
  }
  return found;
}

export interface SheetRowCount {
  sheet: string;
  /** Rows counted, stopping just past the limit. */
  rows: number;
  overLimit: boolean;
}

/**
 * Counts `<row>` elements of every worksheet by streaming its XML, stopping as soon as a
 * sheet passes `limit`: a million-row sheet costs a few megabytes here, not gigabytes later.
 */
export async function countRows(buf: Buffer, entries: ZipEntry[], limit: number): Promise<SheetRowCount[]> {
  const names = await sheetNamesByPart(buf, entries);
  const out: SheetRowCount[] = [];
  for (const e of entries) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/.test(e.name)) continue;
    let rows = 0;
    let tail = '';
    const re = /<(?:\w+:)?row[\s>]/g;
    await streamEntry(buf, e, (chunk) => {
      const text = tail + chunk.toString('latin1');
      re.lastIndex = 0;
      while (re.exec(text)) rows++;
      // Keep a short tail so that a tag split between chunks is counted once.
      const cut = Math.max(text.lastIndexOf('<'), text.length - 8);
      tail = text.slice(cut);
      const tailMatches = tail.match(re)?.length ?? 0;
      rows -= tailMatches;
      return rows <= limit;
    });
    out.push({ sheet: names.get(e.name) ?? e.name, rows, overLimit: rows > limit });
  }
  return out;
}

async function sheetNamesByPart(buf: Buffer, entries: ZipEntry[]): Promise<Map<string, string>> {
  const map = new Map<string, string>();
  const wb = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return map;
  const wbXml = await entryText(buf, wb);
  const relXml = await entryText(buf, rels);
  const targets = new Map<string, string>();
  for (const m of relXml.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = /\bId="([^"]+)"/.exec(m[0])?.[1];
    const target = /\bTarget="([^"]+)"/.exec(m[0])?.[1];
    if (id && target) targets.set(id, target.replace(/^\/?(xl\/)?/, 'xl/'));
  }
  for (const m of wbXml.matchAll(/<(?:\w+:)?sheet\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(m[0])?.[1];
    const id = /\br:id="([^"]+)"/.exec(m[0])?.[1] ?? /\bid="([^"]+)"/.exec(m[0])?.[1];
    const part = id ? targets.get(id) : undefined;
    if (name && part) map.set(part, decodeXml(name));
  }
  return map;
}

function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
