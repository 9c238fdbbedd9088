/**
 * The zip container of an .xlsx: its central directory, one entry's bytes, and a writer that
 * copies untouched entries as they are (compressed bytes, no re-deflate) next to rewritten ones.
 */
import { promisify } from 'node:util';
import { constants, crc32, deflateRaw, inflateRaw, inflateRawSync } from 'node:zlib';

const deflateRawAsync = promisify(deflateRaw);
const inflateRawAsync = promisify(inflateRaw);

export interface ZipEntry {
  name: string;
  method: number;
  /** General-purpose flags (bit 3: sizes in a trailing data descriptor; bit 11: UTF-8 name). */
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** DOS time and date of the entry, kept when it is copied. */
  time: number;
  date: number;
}

const ZIP_LOCAL = 0x04034b50;
const ZIP_CENTRAL = 0x02014b50;
const ZIP_END = 0x06054b50;

/** Reads the zip central directory; undefined when it is missing or inconsistent. */
export function listZip(buf: Buffer): ZipEntry[] | undefined {
  const minEnd = Math.max(0, buf.length - 22 - 0xffff);
  let end = -1;
  for (let i = buf.length - 22; i >= minEnd; i--) {
    if (buf.readUInt32LE(i) === ZIP_END) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let n = 0; n < count; n++) {
    if (p + 46 > buf.length || buf.readUInt32LE(p) !== ZIP_CENTRAL) return undefined;
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    const entry: ZipEntry = {
      flags: buf.readUInt16LE(p + 8),
      method: buf.readUInt16LE(p + 10),
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      crc: buf.readUInt32LE(p + 16),
      compressedSize: buf.readUInt32LE(p + 20),
      size: buf.readUInt32LE(p + 24),
      localOffset: buf.readUInt32LE(p + 42),
      name: buf.toString('utf8', p + 46, p + 46 + nameLen),
    };
    if (entry.localOffset + 30 > buf.length) return undefined;
    entries.push(entry);
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

/** The stored (usually deflated) bytes of an entry, as they are in the file. */
export function entryData(buf: Buffer, e: ZipEntry): Buffer {
  const p = e.localOffset;
  if (buf.readUInt32LE(p) !== ZIP_LOCAL) throw new Error(`bad local header for ${e.name}`);
  const start = p + 30 + buf.readUInt16LE(p + 26) + buf.readUInt16LE(p + 28);
  if (start + e.compressedSize > buf.length) throw new Error(`truncated entry ${e.name}`);
  return buf.subarray(start, start + e.compressedSize);
}

/** An entry's stored bytes, deflated or not; an error for any other compression. */
function storedData(buf: Buffer, e: ZipEntry): { data: Buffer; deflated: boolean } {
  if (e.method !== 0 && e.method !== 8) throw new Error(`unsupported compression ${e.method} for ${e.name}`);
  return { data: entryData(buf, e), deflated: e.method === 8 };
}

/** An entry's uncompressed bytes. */
export function entryBytes(buf: Buffer, e: ZipEntry): Buffer {
  const { data, deflated } = storedData(buf, e);
  return deflated ? inflateRawSync(data) : data;
}

export function entryText(buf: Buffer, e: ZipEntry): string {
  return entryBytes(buf, e).toString('utf8');
}

/**
 * entryBytes on Node's thread pool, settled: the bytes, or the error it met (a caller may stop
 * before it asks, and an unasked rejection would end the process).
 */
export function entryBytesLater(buf: Buffer, e: ZipEntry): Promise<Buffer | Error> {
  const inflated = async (): Promise<Buffer> => {
    const { data, deflated } = storedData(buf, e);
    // One output chunk of the known size: the default 16 KB chunks would each come back
    // through the event loop.
    return deflated ? inflateRawAsync(data, { chunkSize: Math.max(64 * 1024, e.size) }) : data;
  };
  return inflated().catch((err: unknown) => (err instanceof Error ? err : new Error(String(err))));
}

interface Written {
  name: Buffer;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  offset: number;
}

/** Fixed time stamp of rewritten entries (1 Jan 2024 00:00), so outputs do not depend on the clock. */
const DOS_TIME = 0;
const DOS_DATE = ((2024 - 1980) << 9) | (1 << 5) | 1;

export interface DeflatedPart {
  packed: Buffer;
  crc: number;
  size: number;
}

/** Pieces a large part is deflated in, side by side. */
const PIECE = 4 * 1024 * 1024;

/**
 * Deflates a part on Node's thread pool at a fast level (the parts we write are large,
 * repetitive XML), piece by piece as it is written: each piece is deflated while the next is
 * being made, ending on a sync flush so that the pieces join into one valid stream (as pigz
 * does), and `end` adds the final block. The province workbook's member sheet compresses on
 * every core, and mostly while it is still being written.
 */
export class PartDeflater {
  private pieces: Promise<Buffer>[] = [];
  private crc = 0;
  private size = 0;

  constructor(private readonly level = 1) {}

  write(data: Buffer): void {
    for (let at = 0; at < data.length; at += PIECE) {
      const piece = data.subarray(at, Math.min(at + PIECE, data.length));
      this.pieces.push(deflateRawAsync(piece, { level: this.level, finishFlush: constants.Z_SYNC_FLUSH }));
    }
    this.crc = crc32(data, this.crc);
    this.size += data.length;
  }

  async end(): Promise<DeflatedPart> {
    this.pieces.push(deflateRawAsync(Buffer.alloc(0), { level: this.level }));
    return { packed: Buffer.concat(await Promise.all(this.pieces)), crc: this.crc, size: this.size };
  }
}

/** A whole part deflated by a PartDeflater. */
export function deflatePart(data: Buffer, level = 1): Promise<DeflatedPart> {
  const deflater = new PartDeflater(level);
  deflater.write(data);
  return deflater.end();
}

/**
 * A part written as pieces of a source text (a worksheet being patched) and new strings
 * between them. Every PIECE bytes or so go to a PartDeflater, so that the part is never held
 * whole. When every character of the source is one byte (`bytes` as long as `source`, as a
 * worksheet's XML usually is), copied ranges are taken from its bytes as they are: no text is
 * made of them and nothing is encoded again.
 */
export class TextPartWriter {
  private piece = Buffer.allocUnsafe(PIECE);
  private used = 0;
  private readonly deflater = new PartDeflater();
  private readonly bytes: Buffer | undefined;

  constructor(
    private readonly source: string,
    bytes?: Buffer,
  ) {
    this.bytes = bytes && bytes.length === source.length ? bytes : undefined;
  }

  write(text: string): void {
    const n = text.length;
    // UTF-8 takes at most three bytes per UTF-16 unit.
    if (this.used + 3 * n > this.piece.length) {
      this.flush();
      if (3 * n > this.piece.length) {
        this.deflater.write(Buffer.from(text, 'utf8'));
        return;
      }
    }
    const piece = this.piece;
    let at = this.used;
    // Most writes are a tag or a cell, a few dozen ASCII characters: copied here rather than
    // through a call into the encoder, which costs more than they do.
    if (n < 256) {
      for (let i = 0; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c >= 0x80) {
          at += piece.write(text.slice(i), at, 'utf8');
          break;
        }
        piece[at++] = c;
      }
    } else at += piece.write(text, at, 'utf8');
    this.used = at;
  }

  /** The source's text [from, to). */
  copy(from: number, to: number): void {
    if (to <= from) return;
    const bytes = this.bytes;
    if (!bytes) {
      this.write(this.source.slice(from, to));
      return;
    }
    if (to - from >= PIECE) {
      this.flush();
      this.deflater.write(bytes.subarray(from, to));
      return;
    }
    while (from < to) {
      if (this.used === this.piece.length) this.flush();
      const n = Math.min(this.piece.length - this.used, to - from);
      this.piece.set(bytes.subarray(from, from + n), this.used);
      this.used += n;
      from += n;
    }
  }

  end(): Promise<DeflatedPart> {
    if (this.used > 0) this.deflater.write(this.piece.subarray(0, this.used));
    return this.deflater.end();
  }

  private flush(): void {
    if (this.used === 0) return;
    // The deflater keeps the bytes until they are deflated: the next piece is a new buffer.
    this.deflater.write(this.piece.subarray(0, this.used));
    this.piece = Buffer.allocUnsafe(PIECE);
    this.used = 0;
  }
}

/**
 * Builds a zip in memory. `copy` takes an entry of another zip without inflating it; `add`
 * takes a part deflated by `deflatePart`.
 */
export class ZipWriter {
  private chunks: Buffer[] = [];
  private written: Written[] = [];
  private offset = 0;

  copy(source: Buffer, e: ZipEntry): void {
    const data = entryData(source, e);
    // The flags keep the UTF-8 name bit; the data-descriptor bit is dropped because the
    // header we write carries the sizes and CRC from the central directory.
    this.push(e.name, e.flags & ~0x0008, e.method, e.time, e.date, e.crc, data, e.size);
  }

  /** A new entry, deflated beforehand by `deflatePart`. */
  add(name: string, part: DeflatedPart): void {
    this.push(name, 0x0800, 8, DOS_TIME, DOS_DATE, part.crc, part.packed, part.size);
  }

  private push(
    name: string,
    flags: number,
    method: number,
    time: number,
    date: number,
    crc: number,
    data: Buffer,
    size: number,
  ): void {
    const nameBuf = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(ZIP_LOCAL, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(flags, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(time, 10);
    local.writeUInt16LE(date, 12);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBuf.length, 26);
    this.written.push({
      name: nameBuf,
      flags,
      method,
      time,
      date,
      crc,
      compressedSize: data.length,
      size,
      offset: this.offset,
    });
    this.chunks.push(local, nameBuf, data);
    this.offset += 30 + nameBuf.length + data.length;
  }

  finish(): Buffer {
    const central: Buffer[] = [];
    let cdSize = 0;
    for (const w of this.written) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(ZIP_CENTRAL, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(w.flags, 8);
      h.writeUInt16LE(w.method, 10);
      h.writeUInt16LE(w.time, 12);
      h.writeUInt16LE(w.date, 14);
      h.writeUInt32LE(w.crc >>> 0, 16);
      h.writeUInt32LE(w.compressedSize, 20);
      h.writeUInt32LE(w.size, 24);
      h.writeUInt16LE(w.name.length, 28);
      h.writeUInt32LE(w.offset, 42);
      central.push(h, w.name);
      cdSize += 46 + w.name.length;
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(ZIP_END, 0);
    end.writeUInt16LE(this.written.length, 8);
    end.writeUInt16LE(this.written.length, 10);
    end.writeUInt32LE(cdSize, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, ...central, end]);
  }
}
