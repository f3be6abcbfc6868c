import type {
  LocalVideoTrack,
  ProcessorOptions,
  Track,
  TrackProcessor,
  VideoCaptureOptions,
} from 'livekit-client';
import type {
  BackgroundProcessorWrapper,
  SwitchBackgroundProcessorOptions,
} from '@livekit/track-processors';
import { assetUrl } from '../internal/assets.js';
import type { Background, BackgroundImage, BackgroundUnsupported } from './background.js';

/** Our own background images (src/assets/backgrounds/, made by dev/backgrounds.ts). */
export const BUILT_IN_IMAGES = ['dusk', 'ocean', 'forest', 'studio'] as const;

/** The blur's radius in pixels of the processed frame. */
const BLUR_RADIUS = 12;

let support: BackgroundUnsupported | null | undefined;
/** WebGL runs on a software renderer (no GPU): SwiftShader, llvmpipe, Microsoft's Basic Render Driver. */
let software = false;

/** A WebGL renderer that is the CPU drawing (the unmasked name, when the browser tells it). */
export function isSoftwareRenderer(renderer: string): boolean {
  return /swiftshader|llvmpipe|softpipe|software|basic render/i.test(renderer);
}

/**
 * Why this browser cannot process the camera (undefined when it can): background effects need
 * WebGL 2 (the segmentation and the compositing run on the GPU), `VideoFrame` and
 * `OffscreenCanvas`, and a way to make a track of processed frames — insertable streams
 * (`MediaStreamTrackProcessor`, Chromium) or `canvas.captureStream()` (Firefox, Safari).
 */
export function backgroundSupport(fresh = false): BackgroundUnsupported | undefined {
  if (support === undefined || fresh) {
    const canvas = globalThis.document?.createElement('canvas');
    const gl = canvas?.getContext('webgl2');
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    software =
      !!gl &&
      isSoftwareRenderer(
        String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER)),
      );
    gl?.getExtension('WEBGL_lose_context')?.loseContext();
    const frames =
      typeof VideoFrame !== 'undefined' &&
      typeof OffscreenCanvas !== 'undefined' &&
      typeof createImageBitmap !== 'undefined' &&
      ('MediaStreamTrackProcessor' in globalThis || (!!canvas && 'captureStream' in canvas));
    support = !gl ? 'no-webgl' : !frames ? 'no-video-processing' : null;
  }
  return support ?? undefined;
}

/**
 * The most pixels a frame is processed at without a GPU (640×360): the segmentation, the mask's
 * smoothing and the compositing run on the CPU, and cost in proportion to the frame's size.
 */
const SOFTWARE_PIXELS = 640 * 360;

type Transform = (
  frame: VideoFrame,
  out: TransformStreamDefaultController<VideoFrame>,
) => Promise<void>;

/** Frames larger than `pixels` are scaled down (same aspect) before `transformer` processes them. */
function processAtMost(transformer: { transform: Transform }, pixels: number): void {
  const transform = transformer.transform.bind(transformer);
  let canvas: OffscreenCanvas | undefined;
  transformer.transform = async (frame, out) => {
    const { displayWidth: w, displayHeight: h } = frame;
    const scale = Math.sqrt(pixels / (w * h));
    if (scale >= 1) return transform(frame, out);
    canvas ??= new OffscreenCanvas(1, 1);
    canvas.width = Math.round((w * scale) / 2) * 2;
    canvas.height = Math.round((h * scale) / 2) * 2;
    canvas.getContext('2d')!.drawImage(frame, 0, 0, canvas.width, canvas.height);
    const small = new VideoFrame(canvas, { timestamp: frame.timestamp });
    frame.close();
    return transform(small, out);
  };
}

let library: Promise<typeof import('@livekit/track-processors')> | undefined;

/**
 * One camera track's processing: made before the code behind it is loaded (so it can sit in the
 * Room's capture options), it loads `@livekit/track-processors` when livekit-client sets it on a
 * track, and makes a new processor for every track. On a stopped (muted) track it waits: the
 * restart that unmuting makes starts it, before the new frames go out.
 */
class EffectProcessor implements TrackProcessor<Track.Kind.Video> {
  readonly name = 'background-effect';
  inner: BackgroundProcessorWrapper | undefined;
  /** The track it is set on. */
  track: LocalVideoTrack | undefined;
  readonly #effects: BackgroundEffects;

  constructor(effects: BackgroundEffects) {
    this.#effects = effects;
  }

  get processedTrack(): MediaStreamTrack | undefined {
    return this.inner?.processedTrack;
  }

  async init(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    this.#effects.live.add(this);
    this.track = options.localTrack as LocalVideoTrack | undefined;
    if (options.track.readyState === 'ended') return;
    await this.#effects.loading(async () => {
      backgroundSupport();
      const { BackgroundProcessor } = await (library ??= import('@livekit/track-processors'));
      const inner = BackgroundProcessor({
        ...this.#effects.mode(),
        // Without a GPU, MediaPipe's GPU delegate runs its network as WebGL shaders on the
        // software renderer: its CPU delegate (XNNPACK, WebAssembly SIMD) is much faster there.
        segmenterOptions: { delegate: software ? 'CPU' : 'GPU' },
        assetPaths: {
          tasksVisionFileSet: assetUrl('tasks-vision/'),
          modelAssetPath: assetUrl('selfie_segmentation.tflite'),
        },
      });
      // Not the package's first-frame shortcut (an unprocessed copy of the first frame): no
      // frame goes out unprocessed.
      (inner.transformer as { isFirstFrame: boolean }).isFirstFrame = false;
      if (software) processAtMost(inner.transformer, SOFTWARE_PIXELS);
      await inner.init(options);
      // The choice may have changed while loading.
      await inner.switchTo(this.#effects.mode());
      this.inner = inner;
    });
  }

  async restart(options: ProcessorOptions<Track.Kind.Video>): Promise<void> {
    if (!this.inner) return this.init(options);
    await this.inner.restart(options);
    (this.inner.transformer as { isFirstFrame: boolean }).isFirstFrame = false;
  }

  async destroy(): Promise<void> {
    this.#effects.live.delete(this);
    const inner = this.inner;
    this.inner = undefined;
    await inner?.destroy();
  }
}

/**
 * The work behind `session.background` (src/session/background.ts), loaded with the first
 * effect: the choice made into `@livekit/track-processors` options (blur, or one of the images),
 * set on the camera before it is published or shown, switched live on every track that has it.
 */
export class BackgroundEffects {
  /** The processors on live tracks. */
  readonly live = new Set<EffectProcessor>();
  readonly #host: Background;
  /** What is loading now (the status says `loading` while anything does). */
  #pending = 0;
  /** Tracks being given the effect (once each). */
  readonly #preparing = new WeakMap<LocalVideoTrack, Promise<boolean>>();

  constructor(host: Background) {
    this.#host = host;
  }

  /** Why this browser cannot process the camera (undefined when it can). */
  support(): BackgroundUnsupported | undefined {
    return backgroundSupport();
  }

  /** Whether `image` is one of ours (its label is translated). */
  builtIn(image: BackgroundImage): boolean {
    return (BUILT_IN_IMAGES as readonly string[]).includes(image.id) && image.label === image.id;
  }

  /** Our images and the page's (a page image with one of our ids replaces ours). */
  get images(): BackgroundImage[] {
    const given = this.#host.pageImages;
    const page = (Array.isArray(given) ? given : []).filter(
      (i) => i && typeof i.id === 'string' && i.url,
    );
    const ours = BUILT_IN_IMAGES.filter((id) => !page.some((i) => i.id === id)).map((id) => ({
      id,
      label: id,
      url: assetUrl(`backgrounds/${id}.png`),
      thumbnail: assetUrl(`backgrounds/${id}-thumb.png`),
    }));
    return [...ours, ...page];
  }

  /** The choice as the processor's mode. */
  mode(): SwitchBackgroundProcessorOptions {
    const choice = this.#host.$state.get().choice;
    if (choice.type === 'blur') return { mode: 'background-blur', blurRadius: BLUR_RADIUS };
    const image = choice.type === 'image' && this.images.find((i) => i.id === choice.id);
    return image ? { mode: 'virtual-background', imagePath: image.url } : { mode: 'disabled' };
  }

  /** An effect is chosen (an image the page no longer offers counts as none). */
  get #on(): boolean {
    return this.mode().mode !== 'disabled';
  }

  /**
   * Put the effect on `track` (unless it has it), and on the room's captures (a camera turned on
   * later is processed before it is published). False when it could not be applied.
   */
  prepare(track?: LocalVideoTrack): Promise<boolean> {
    this.#captures();
    if (!track || !this.#on || track.getProcessor() instanceof EffectProcessor) {
      return this.#preparing.get(track!) ?? Promise.resolve(true);
    }
    let done = this.#preparing.get(track);
    if (!done) {
      done = this.#setOn(track).finally(() => this.#preparing.delete(track));
      this.#preparing.set(track, done);
    }
    return done;
  }

  async #setOn(track: LocalVideoTrack): Promise<boolean> {
    const unsupported = backgroundSupport();
    try {
      if (unsupported) throw unsupported;
      await track.setProcessor(new EffectProcessor(this));
      return true;
    } catch (error) {
      this.#fail(error);
      return false;
    }
  }

  /** The choice changed: every processed track switches to it; the camera and preview get it. */
  async apply(): Promise<void> {
    const room = this.#host.room;
    const camera = room?.localParticipant.getTrackPublication('camera' as Track.Source)?.track;
    const mode = this.mode();
    try {
      // Off: the processing stops (the camera's own frames go out again, on the same
      // publication). On: switched live; an image loads first.
      const on = mode.mode !== 'disabled';
      await Promise.all(
        [...this.live].map((p) => (on ? p.inner?.switchTo(mode) : p.track?.stopProcessor())),
      );
    } catch (error) {
      this.#fail(error);
    }
    for (const track of new Set([camera as LocalVideoTrack | undefined, this.#host.preview])) {
      // A published camera the effect cannot go on stops being sent (the user asked for it).
      const ok = !track?.mediaStreamTrack || (await this.prepare(track));
      if (!ok && track === camera) await room?.localParticipant.setCameraEnabled(false);
    }
    this.#captures();
    this.#settle();
  }

  /** Run `work` with the status `loading` until it (and anything else loading) ends. */
  async loading<T>(work: () => Promise<T>): Promise<T> {
    this.#pending += 1;
    this.#host.update({ status: 'loading' });
    try {
      return await work();
    } finally {
      this.#pending -= 1;
      this.#settle();
    }
  }

  /** The room's camera captures carry a processor while an effect is chosen. */
  #captures(): void {
    const room = this.#host.room;
    if (!room) return;
    const defaults: VideoCaptureOptions = { ...room.options.videoCaptureDefaults };
    const current = defaults.processor;
    if (this.#on && !(current instanceof EffectProcessor)) {
      defaults.processor = new EffectProcessor(this);
    } else if (!this.#on) delete defaults.processor;
    else return;
    room.options.videoCaptureDefaults = defaults;
  }

  #settle(): void {
    const state = this.#host.$state.get();
    if (this.#pending > 0 || state.status === 'error') return;
    this.#host.update({ status: this.#on ? 'on' : 'off' });
  }

  #fail(error: unknown): void {
    const detail = typeof error === 'string' ? error : String((error as Error)?.message ?? error);
    this.#host.update({ status: 'error', error: detail });
  }
}
