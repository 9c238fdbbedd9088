/**
 * Draws the add-in's icons (a white check mark on the party red) at every size the manifest
 * names, as PNG files written with nothing but zlib. Run: npx tsx addin/scripts/icons.ts
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ICON_SIZES = [16, 32, 64, 80, 128] as const;

const RED: [number, number, number] = [0xc0, 0x1f, 0x26];
const GOLD: [number, number, number] = [0xff, 0xd5, 0x4f];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

/** Distance from point p to the segment a–b. */
function dist(px: number, py: number, ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

export function iconPng(size: number): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.18; // rounded corners
  const stroke = Math.max(1.2, size * 0.11);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const cx = x + 0.5;
      const cy = y + 0.5;
      // Rounded square: inside when the distance to the inner rectangle is below r.
      const qx = Math.max(r - cx, 0, cx - (size - r));
      const qy = Math.max(r - cy, 0, cy - (size - r));
      const edge = r - Math.hypot(qx, qy);
      const alpha = Math.max(0, Math.min(1, edge + 0.5));
      // Check mark: two strokes, with a gold star-like dot at the top right for larger sizes.
      const u = size / 32;
      const d = Math.min(
        dist(cx, cy, 8 * u, 17 * u, 13.5 * u, 22.5 * u),
        dist(cx, cy, 13.5 * u, 22.5 * u, 24 * u, 10 * u),
      );
      const onMark = Math.max(0, Math.min(1, stroke / 2 - d + 0.5));
      const star =
        size >= 32 ? Math.max(0, Math.min(1, 2.2 * u - Math.hypot(cx - 25 * u, cy - 25 * u) + 0.5)) : 0;
      let [R, G, B] = RED;
      R = R + (255 - R) * onMark;
      G = G + (255 - G) * onMark;
      B = B + (255 - B) * onMark;
      R = R + (GOLD[0] - R) * star;
      G = G + (GOLD[1] - G) * star;
      B = B + (GOLD[2] - B) * star;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = Math.round(R);
      raw[o + 1] = Math.round(G);
      raw[o + 2] = Math.round(B);
      raw[o + 3] = Math.round(alpha * 255);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const dir = join(dirname(fileURLToPath(import.meta.url)), '..', 'assets');
  mkdirSync(dir, { recursive: true });
  for (const s of ICON_SIZES) writeFileSync(join(dir, `icon-${s}.png`), iconPng(s));
  console.log(`icons written to ${dir}`);
}
