/**
 * The selfie segmentation model of `@mediapipe/selfie_segmentation`, made loadable by MediaPipe's
 * tasks-vision `ImageSegmenter` (which background effects use, through
 * `@livekit/track-processors`).
 *
 * The package's `selfie_segmentation.tflite` carries no TFLite metadata, and the segmenter refuses
 * a float model without it ("Input tensor has type float32: it requires specifying
 * NormalizationOptions metadata"). The model is the same one the tasks' own selfie segmenter
 * wraps: RGB input scaled to 0…1, one output channel (the person's confidence, already through
 * its sigmoid). So we add exactly that as metadata: an `ImageProperties` (RGB) content and a
 * `NormalizationOptions` (mean 0, std 255) for the input tensor.
 *
 * How: a TFLite model is a FlatBuffer whose offsets are relative and point forward. A new root
 * `Model` table is written in front of the untouched original (shifted by a multiple of 16, so its
 * 16-byte aligned buffers stay aligned); it points at the original's operator codes, subgraphs
 * and description, and at a new buffer list holding the original buffers plus one more: the
 * metadata FlatBuffer (identifier `M001`), named `TFLITE_METADATA` in the model's `metadata`.
 */

/** Bytes laid out in order; offsets to later bytes are patched in once everything is placed. */
class Writer {
  readonly bytes: number[] = [];
  readonly #fixups: { at: number; label: string }[] = [];
  readonly #labels = new Map<string, number>();

  get pos(): number {
    return this.bytes.length;
  }

  align(n: number, extra = 0): void {
    while ((this.pos + extra) % n) this.bytes.push(0);
  }

  label(name: string): void {
    this.#labels.set(name, this.pos);
  }

  at(name: string, pos: number): void {
    this.#labels.set(name, pos);
  }

  u8(v: number): void {
    this.bytes.push(v & 0xff);
  }

  u16(v: number): void {
    this.u8(v);
    this.u8(v >> 8);
  }

  u32(v: number): void {
    this.u16(v & 0xffff);
    this.u16(v >>> 16);
  }

  f32(v: number): void {
    const b = new Uint8Array(new Float32Array([v]).buffer);
    b.forEach((x) => this.u8(x));
  }

  /** A forward offset (uoffset) to `label`, patched later. */
  ref(label: string): void {
    this.#fixups.push({ at: this.pos, label });
    this.u32(0);
  }

  /** A string: length, UTF-8 bytes and a NUL. */
  string(label: string, text: string): void {
    this.align(4);
    this.label(label);
    const utf8 = new TextEncoder().encode(text);
    this.u32(utf8.length);
    utf8.forEach((x) => this.u8(x));
    this.u8(0);
  }

  /**
   * A table: its vtable, then the table (soffset back to the vtable) with `fields` in order, each
   * a [field id, size in bytes, write].
   */
  table(label: string, fields: [id: number, size: 1 | 4, write: () => void][]): void {
    const count = Math.max(0, ...fields.map(([id]) => id + 1));
    const sorted = [...fields].sort((a, b) => b[1] - a[1]); // 4-byte fields first
    const offsets = new Map<number, number>();
    let size = 4;
    for (const [id, bytes] of sorted) {
      offsets.set(id, size);
      size += bytes;
    }
    this.align(2);
    const vtable = this.pos;
    this.u16(4 + 2 * count);
    this.u16(size);
    for (let id = 0; id < count; id++) this.u16(offsets.get(id) ?? 0);
    this.align(4);
    this.label(label);
    this.u32(this.pos - vtable);
    for (const [, , write] of sorted) write();
    this.align(4);
  }

  /** A vector of offsets to `labels`. */
  refs(label: string, labels: string[]): void {
    this.align(4);
    this.label(label);
    this.u32(labels.length);
    labels.forEach((l) => this.ref(l));
  }

  /** Patch every offset; `shift` is added to labels set with `at` for bytes placed after these. */
  finish(): Uint8Array {
    const out = new Uint8Array(this.bytes);
    const view = new DataView(out.buffer);
    for (const { at, label } of this.#fixups) {
      const target = this.#labels.get(label);
      if (target === undefined) throw new Error(`no label ${label}`);
      if (target <= at) throw new Error(`offset to ${label} does not point forward`);
      view.setUint32(at, target - at, true);
    }
    return out;
  }
}

/** The metadata FlatBuffer: RGB image input normalised to 0…1 (mean 0, std 255). */
function metadata(): Uint8Array {
  const w = new Writer();
  w.ref('model');
  'M001'.split('').forEach((c) => w.u8(c.charCodeAt(0)));
  w.table('model', [
    [0, 4, () => w.ref('name')],
    [3, 4, () => w.ref('subgraphs')],
    [7, 4, () => w.ref('parser')],
  ]);
  w.refs('subgraphs', ['subgraph']);
  w.table('subgraph', [
    [2, 4, () => w.ref('inputs')],
    [3, 4, () => w.ref('outputs')],
  ]);
  w.refs('inputs', ['input']);
  w.refs('outputs', ['output']);
  w.table('input', [
    [0, 4, () => w.ref('input-name')],
    [3, 4, () => w.ref('content')],
    [4, 4, () => w.ref('units')],
  ]);
  w.table('output', [[0, 4, () => w.ref('output-name')]]);
  // Content: content_properties_type (1 byte, 2 = ImageProperties), content_properties.
  w.table('content', [
    [0, 1, () => w.u8(2)],
    [1, 4, () => w.ref('image')],
  ]);
  // ImageProperties: color_space (1 byte, 1 = RGB).
  w.table('image', [[0, 1, () => w.u8(1)]]);
  w.refs('units', ['unit']);
  // ProcessUnit: options_type (1 byte, 1 = NormalizationOptions), options.
  w.table('unit', [
    [0, 1, () => w.u8(1)],
    [1, 4, () => w.ref('normalization')],
  ]);
  w.table('normalization', [
    [0, 4, () => w.ref('mean')],
    [1, 4, () => w.ref('std')],
  ]);
  for (const [label, value] of [
    ['mean', 0],
    ['std', 255],
  ] as const) {
    w.align(4);
    w.label(label);
    w.u32(1);
    w.f32(value);
  }
  w.string('name', 'Selfie segmentation');
  w.string('parser', '1.0.0');
  w.string('input-name', 'image');
  w.string('output-name', 'segmentation');
  return w.finish();
}

const u32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint32(at, true);
const i32 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getInt32(at, true);
const u16 = (b: Uint8Array, at: number) => new DataView(b.buffer, b.byteOffset).getUint16(at, true);

/** `model` (a TFLite FlatBuffer without metadata) with the segmenter's metadata added. */
export function withSegmenterMetadata(model: Uint8Array): Uint8Array {
  if (String.fromCharCode(...model.subarray(4, 8)) !== 'TFL3')
    throw new Error('not a TFLite model');
  const root = u32(model, 0);
  const vtable = root - i32(model, root);
  const fieldCount = (u16(model, vtable) - 4) / 2;
  /** The original's field `id`: its absolute target (offset fields) or value (version). */
  const field = (id: number, scalar = false): number | undefined => {
    const off = id < fieldCount ? u16(model, vtable + 4 + 2 * id) : 0;
    if (!off) return undefined;
    return scalar ? u32(model, root + off) : root + off + u32(model, root + off);
  };
  if (field(6) !== undefined) throw new Error('the model has metadata already');
  const buffers = field(4)!;
  const bufferCount = u32(model, buffers);
  const meta = metadata();

  const w = new Writer();
  w.ref('root');
  'TFL3'.split('').forEach((c) => w.u8(c.charCodeAt(0)));
  const kept: [number, 4, () => void][] = [];
  kept.push([0, 4, () => w.u32(field(0, true) ?? 3)]);
  for (const id of [1, 2, 3, 7]) {
    const target = field(id);
    if (target !== undefined) kept.push([id, 4, () => w.ref(`old:${target}`)]);
  }
  w.table('root', [...kept, [4, 4, () => w.ref('buffers')], [6, 4, () => w.ref('metadata')]]);
  const old: number[] = [];
  for (let i = 0; i < bufferCount; i++) {
    const at = buffers + 4 + 4 * i;
    old.push(at + u32(model, at));
  }
  w.refs('buffers', [...old.map((t) => `old:${t}`), 'meta-buffer']);
  w.refs('metadata', ['meta-entry']);
  w.table('meta-entry', [
    [0, 4, () => w.ref('meta-name')],
    [1, 4, () => w.u32(bufferCount)],
  ]);
  w.table('meta-buffer', [[0, 4, () => w.ref('meta-data')]]);
  w.string('meta-name', 'TFLITE_METADATA');
  // The data of a buffer is 16-byte aligned (after its length).
  w.align(16, 4);
  w.label('meta-data');
  w.u32(meta.length);
  meta.forEach((x) => w.u8(x));
  w.align(16);
  const shift = w.pos;
  for (const t of [field(1), field(2), field(3), field(7), ...old]) {
    if (t !== undefined) w.at(`old:${t}`, shift + t);
  }
  const head = w.finish();
  const out = new Uint8Array(head.length + model.length);
  out.set(head, 0);
  out.set(model, head.length);
  return out;
}
