/**
 * Makes our own background images (src/assets/backgrounds/*.png: a picture and a thumbnail each),
 * drawn here from gradients and simple shapes and encoded as PNG with Node's zlib. Run
 * `npx tsx dev/backgrounds.ts` after changing a design; the output is committed.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { deflateSync } from 'node:zlib';

type Rgb = [number, number, number];
/** A design: the colour at (x, y), both 0…1 (y down). */
type Design = (x: number, y: number) => Rgb;

const mix = (a: Rgb, b: Rgb, t: number): Rgb => {
  const k = Math.min(1, Math.max(0, t));
  return [0, 1, 2].map((i) => a[i]! + (b[i]! - a[i]!) * k) as Rgb;
};
const smooth = (edge: number, width: number, v: number) =>
  Math.min(1, Math.max(0, (v - edge) / width + 0.5));

export const DESIGNS: Record<string, Design> = {
  // An evening sky over low hills, a pale sun.
  dusk: (x, y) => {
    let c = mix([46, 38, 92], [240, 142, 96], y * 1.3);
    const sun = Math.hypot((x - 0.68) * 1.78, y - 0.55);
    c = mix(c, [255, 222, 170], 1 - smooth(0.12, 0.02, sun));
    const hill = 0.72 + 0.05 * Math.sin(x * 7) + 0.03 * Math.sin(x * 17 + 1);
    return mix(c, [52, 40, 70], smooth(hill, 0.004, y));
  },
  // Teal water in soft bands.
  ocean: (x, y) => {
    const wave = 0.5 + 0.5 * Math.sin(y * 26 + Math.sin(x * 6) * 1.6);
    return mix(mix([14, 94, 122], [92, 190, 196], y), [160, 220, 224], wave * 0.25 * (1 - y));
  },
  // Layered green hills under a light sky.
  forest: (x, y) => {
    let c = mix([200, 226, 214], [150, 196, 180], y);
    const layers: [number, Rgb][] = [
      [0.45 + 0.06 * Math.sin(x * 5 + 2), [96, 150, 120]],
      [0.6 + 0.05 * Math.sin(x * 8 + 0.5), [58, 112, 86]],
      [0.76 + 0.04 * Math.sin(x * 11 + 4), [30, 72, 56]],
    ];
    for (const [edge, colour] of layers) c = mix(c, colour, smooth(edge, 0.004, y));
    return c;
  },
  // A plain studio wall: warm grey, lighter in the middle.
  studio: (x, y) => {
    const d = Math.hypot((x - 0.5) * 1.4, y - 0.42);
    return mix([214, 208, 200], [120, 114, 110], d * 1.1);
  },
};

const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Buffer): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** An RGB PNG of `design` at `width`×`height` (each row filtered with Sub: gradients pack well). */
export function png(design: Design, width: number, height: number): Buffer {
  const rows = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * (width * 3 + 1);
    rows[row] = 1; // Sub
    let prev: Rgb = [0, 0, 0];
    for (let x = 0; x < width; x++) {
      const rgb = design(x / width, y / height).map((v) => Math.round(v)) as Rgb;
      for (let i = 0; i < 3; i++) rows[row + 1 + x * 3 + i] = (rgb[i]! - prev[i]! + 256) & 0xff;
      prev = rgb;
    }
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits, RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const dir = resolve(import.meta.dirname, '..', 'src', 'assets', 'backgrounds');
  mkdirSync(dir, { recursive: true });
  for (const [name, design] of Object.entries(DESIGNS)) {
    writeFileSync(join(dir, `${name}.png`), png(design, 960, 540));
    writeFileSync(join(dir, `${name}-thumb.png`), png(design, 96, 54));
  }
  console.log(`wrote ${Object.keys(DESIGNS).length * 2} images into src/assets/backgrounds/`);
}
