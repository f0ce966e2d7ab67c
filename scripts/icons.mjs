// Draws Raqmi's icon once, as a few shapes, and writes it both as SVG and as the PNGs that
// browsers ask a web app manifest for (192 and 512 px "any", 512 px "maskable"), into www/icons/.
// Only node's built-in modules: a tiny rasterizer (rounded rectangles, 4x4 supersampling for
// anti-aliasing) and a tiny PNG encoder (zlib deflate + CRC-32). The outputs are committed;
// run this again only when the drawing changes:
//
//   node scripts/icons.mjs
import { deflateSync } from 'node:zlib';
import { mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const OUT = fileURLToPath(new URL('../www/icons/', import.meta.url));
const SIZE = 512; // drawing units: a 512 x 512 square

// The drawing: a blue tile and three rising bars (a chart of figures: raqm, "number").
// Each shape is a rounded rectangle { x, y, w, h, r, fill }.
const BLUE = '#0b5cad';
const bars = [
  { x: 116, y: 272, w: 72, h: 112, r: 14, fill: '#ffffff' },
  { x: 220, y: 200, w: 72, h: 184, r: 14, fill: '#ffffff' },
  { x: 324, y: 128, w: 72, h: 256, r: 14, fill: '#ffd166' },
];
// "any": a rounded tile with transparent corners. "maskable": full bleed, the bars stay well
// inside the safe zone (a centred circle of radius 0.4 x size: the farthest bar corner is at 190).
const ICONS = {
  any: [{ x: 0, y: 0, w: SIZE, h: SIZE, r: 96, fill: BLUE }, ...bars],
  maskable: [{ x: 0, y: 0, w: SIZE, h: SIZE, r: 0, fill: BLUE }, ...bars],
};

function svg(shapes) {
  const rects = shapes.map((s) => `  <rect x="${s.x}" y="${s.y}" width="${s.w}" height="${s.h}"${s.r ? ` rx="${s.r}"` : ''} fill="${s.fill}"/>`);
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${SIZE} ${SIZE}" width="${SIZE}" height="${SIZE}">\n  <title>Raqmi</title>\n${rects.join('\n')}\n</svg>\n`;
}

function inside(s, px, py) {
  if (px < s.x || py < s.y || px > s.x + s.w || py > s.y + s.h) return false;
  const cx = Math.min(Math.max(px, s.x + s.r), s.x + s.w - s.r);
  const cy = Math.min(Math.max(py, s.y + s.r), s.y + s.h - s.r);
  return (px - cx) ** 2 + (py - cy) ** 2 <= s.r ** 2;
}

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));

/** RGBA pixels of `shapes` at `size` px, painter's order, 4x4 samples per pixel. */
function rasterize(shapes, size) {
  const N = 4;
  const scale = SIZE / size;
  const colors = shapes.map((s) => rgb(s.fill));
  const px = Buffer.alloc(size * size * 4);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let r = 0, g = 0, b = 0, a = 0; // premultiplied sums
      for (let sy = 0; sy < N; sy++) {
        for (let sx = 0; sx < N; sx++) {
          const u = (x + (sx + 0.5) / N) * scale;
          const v = (y + (sy + 0.5) / N) * scale;
          for (let i = shapes.length - 1; i >= 0; i--) {
            if (inside(shapes[i], u, v)) { r += colors[i][0]; g += colors[i][1]; b += colors[i][2]; a += 1; break; }
          }
        }
      }
      const o = (y * size + x) * 4;
      if (a > 0) { px[o] = Math.round(r / a); px[o + 1] = Math.round(g / a); px[o + 2] = Math.round(b / a); }
      px[o + 3] = Math.round((255 * a) / (N * N));
    }
  }
  return px;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}
/**
 * A PNG of `size` x `size` pixels, no interlace, filter 0 on every row: indexed colour (a PLTE
 * palette with a tRNS alpha table) when the pixels use at most 256 colours, as these shapes do
 * (a quarter of RGBA's bytes, half the file), 8-bit RGBA otherwise.
 */
function png(pixels, size) {
  const palette = new Map();
  for (let i = 0; i < pixels.length && palette.size <= 256; i += 4) {
    const key = pixels.readUInt32BE(i);
    if (!palette.has(key)) palette.set(key, palette.size);
  }
  const indexed = palette.size <= 256;
  const bpp = indexed ? 1 : 4;
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, indexed ? 3 : 6, 0, 0, 0], 8);
  const stride = size * bpp + 1;
  const rows = Buffer.alloc(size * stride);
  for (let y = 0; y < size; y++) {
    if (!indexed) {
      pixels.copy(rows, y * stride + 1, y * size * 4, (y + 1) * size * 4);
      continue;
    }
    for (let x = 0; x < size; x++) rows[y * stride + 1 + x] = palette.get(pixels.readUInt32BE((y * size + x) * 4));
  }
  const extra = [];
  if (indexed) {
    const colours = [...palette.keys()];
    extra.push(chunk('PLTE', Buffer.from(colours.flatMap((c) => [c >>> 24, (c >>> 16) & 255, (c >>> 8) & 255]))));
    extra.push(chunk('tRNS', Buffer.from(colours.map((c) => c & 255))));
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    ...extra,
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync(OUT, { recursive: true });
writeFileSync(`${OUT}icon.svg`, svg(ICONS.any));
for (const [name, shapes, size] of [
  ['icon-192.png', ICONS.any, 192],
  ['icon-512.png', ICONS.any, 512],
  ['icon-maskable-512.png', ICONS.maskable, 512],
]) {
  writeFileSync(`${OUT}${name}`, png(rasterize(shapes, size), size));
}
console.log(`icons written to ${OUT}`);
