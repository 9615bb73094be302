// Draws the app icons (a shield with a check mark) as PNG files in public/icons/.
// Run once after changing the design: node scripts/make-icons.mjs. The PNGs are committed.
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k += 1) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}
function png(size, rgba) {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8); // 8-bit RGBA
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y += 1) rgba.copy(raw, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4);
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', header), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const SHIELD = [[0.5, 0], [0.95, 0.14], [0.95, 0.5], [0.85, 0.74], [0.5, 1], [0.15, 0.74], [0.05, 0.5], [0.05, 0.14]];
const CHECK = [[0.27, 0.52], [0.44, 0.69], [0.75, 0.34]];

function inPolygon(x, y, poly) {
  let inside = false;
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i];
    const [xj, yj] = poly[j];
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}
function nearPolyline(x, y, line, half) {
  for (let i = 0; i + 1 < line.length; i += 1) {
    const [ax, ay] = line[i];
    const [bx, by] = line[i + 1];
    const t = Math.max(0, Math.min(1, ((x - ax) * (bx - ax) + (y - ay) * (by - ay)) / ((bx - ax) ** 2 + (by - ay) ** 2)));
    if (Math.hypot(x - (ax + t * (bx - ax)), y - (ay + t * (by - ay))) <= half) return true;
  }
  return false;
}

const BG = [67, 56, 202]; // indigo-700
const FG = [255, 255, 255];

/** `scale`: the shield's share of the icon; maskable icons keep it inside the 80 % safe zone. */
function draw(size, scale, rounded) {
  const out = Buffer.alloc(size * size * 4);
  const SS = 4;
  for (let py = 0; py < size; py += 1) {
    for (let px = 0; px < size; px += 1) {
      let fg = 0;
      let bg = 0;
      for (let sy = 0; sy < SS; sy += 1) {
        for (let sx = 0; sx < SS; sx += 1) {
          const u = (px + (sx + 0.5) / SS) / size;
          const v = (py + (sy + 0.5) / SS) / size;
          const r = 0.18;
          const cx = Math.min(Math.max(u, r), 1 - r);
          const cy = Math.min(Math.max(v, r), 1 - r);
          if (rounded && Math.hypot(u - cx, v - cy) > r) continue;
          const x = (u - 0.5) / scale + 0.5;
          const y = (v - 0.5) / scale + 0.5;
          if (inPolygon(x, y, SHIELD) && !nearPolyline(x, y, CHECK, 0.055)) fg += 1;
          else bg += 1;
        }
      }
      const n = SS * SS;
      const a = (fg + bg) / n;
      const i = (py * size + px) * 4;
      for (let c = 0; c < 3; c += 1) out[i + c] = fg + bg ? Math.round((FG[c] * fg + BG[c] * bg) / (fg + bg)) : 0;
      out[i + 3] = Math.round(a * 255);
    }
  }
  return png(size, out);
}

const icons = [
  ['icon-192.png', 192, 0.62, true],
  ['icon-512.png', 512, 0.62, true],
  ['maskable-512.png', 512, 0.5, false],
  ['apple-touch-icon.png', 180, 0.6, false],
  ['favicon-32.png', 32, 0.8, true],
];
for (const [name, size, scale, rounded] of icons) writeFileSync(`public/icons/${name}`, draw(size, scale, rounded));
console.log(`Wrote ${icons.length} icons to public/icons/`);
