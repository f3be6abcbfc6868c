import type { AudioProcessorOptions, Track, TrackProcessor } from 'livekit-client';
import {
  NoiseGateWorkletNode,
  RnnoiseWorkletNode,
  loadRnnoise,
} from '@sapphi-red/web-noise-suppressor';
import { assetUrl } from '../internal/assets.js';
import type { VoiceSettings } from './voice.js';

/** The Web Audio part of a voice setting: what the processor does to the microphone. */
export type VoiceGraphSettings = Pick<
  VoiceSettings,
  'inputVolume' | 'inputSensitivity' | 'suppressor'
>;

/** The gate is open (off) at or below this threshold, in dB. */
export const GATE_OFF = -100;

/** The rate RNNoise works at. */
const RATE = 48_000;

/**
 * Resume `ctx` now, or, where the browser wants a user gesture first, at the user's next press of
 * a key or a pointer (the processed microphone is silent until then).
 */
function resumeSoon(ctx: AudioContext): void {
  const resume = () => ctx.resume().catch(() => undefined);
  void resume().then(() => {
    if (ctx.state !== 'suspended') return;
    const onGesture = () => {
      void resume();
      removeEventListener('pointerdown', onGesture, true);
      removeEventListener('keydown', onGesture, true);
    };
    addEventListener('pointerdown', onGesture, true);
    addEventListener('keydown', onGesture, true);
  });
}

/** Worklet modules added to a context, once each. */
const modules = new WeakMap<BaseAudioContext, Map<string, Promise<void>>>();
let wasm: Promise<ArrayBuffer> | undefined;

function addModule(ctx: BaseAudioContext, name: string): Promise<void> {
  let added = modules.get(ctx);
  if (!added) modules.set(ctx, (added = new Map()));
  let promise = added.get(name);
  if (!promise) {
    promise = ctx.audioWorklet.addModule(assetUrl(name));
    // A failed load may be tried again (the next setting, the next track).
    promise.catch(() => added.delete(name));
    added.set(name, promise);
  }
  return promise;
}

/** RNNoise's WebAssembly (the SIMD build where the engine has SIMD), fetched from the package once. */
function rnnoiseBinary(): Promise<ArrayBuffer> {
  wasm ??= loadRnnoise({
    url: assetUrl('voice/rnnoise.wasm'),
    simdUrl: assetUrl('voice/rnnoise_simd.wasm'),
  }).catch((error: unknown) => {
    wasm = undefined;
    throw error;
  });
  return wasm;
}

const RNNOISE = 'voice/rnnoise-worklet.js';
const GATE = 'voice/noise-gate-worklet.js';

/** What RNNoise needs in `ctx` (its worklet module and its WebAssembly), loaded once each. */
async function suppressorReady(ctx: BaseAudioContext): Promise<ArrayBuffer> {
  const [binary] = await Promise.all([rnnoiseBinary(), addModule(ctx, RNNOISE)]);
  return binary;
}

/** `node` takes the microphone as one channel (both processors work on the first channel only). */
function mono<T extends AudioWorkletNode>(node: T): T {
  node.channelCount = 1;
  node.channelCountMode = 'explicit';
  return node;
}

function suppressorNode(
  ctx: BaseAudioContext,
  binary: ArrayBuffer,
): AudioWorkletNode & { destroy(): void } {
  return mono(new RnnoiseWorkletNode(ctx as AudioContext, { maxChannels: 1, wasmBinary: binary }));
}

function gateNode(ctx: BaseAudioContext, threshold: number): AudioWorkletNode {
  return mono(
    new NoiseGateWorkletNode(ctx as AudioContext, {
      openThreshold: threshold,
      closeThreshold: threshold - 6,
      holdMs: 150,
      maxChannels: 1,
    }),
  );
}

/**
 * RNNoise (a recurrent network trained on speech against noise, in WebAssembly, in an
 * AudioWorklet) as a node of `ctx`: its worklet and wasm are served from the package's assets.
 */
export async function createSuppressor(
  ctx: BaseAudioContext,
): Promise<AudioWorkletNode & { destroy(): void }> {
  return suppressorNode(ctx, await suppressorReady(ctx));
}

/**
 * A noise gate opening above `threshold` dB (closing 6 dB below it, after 150 ms). Connect its
 * input in the task that makes it: the gate stops for good at the first moment it has none.
 */
export async function createGate(
  ctx: BaseAudioContext,
  threshold: number,
): Promise<AudioWorkletNode> {
  await addModule(ctx, GATE);
  return gateNode(ctx, threshold);
}

/**
 * The Web Audio step on the published microphone: a noise gate (the input sensitivity), RNNoise
 * (optional) and a gain (the input volume), as a livekit-client audio processor. `update` changes
 * it live; a meter reads the level it sends.
 *
 * It runs in the Room's AudioContext when that one runs at 48 kHz, else in one of its own at 48 kHz:
 * RNNoise is made for 10 ms frames of 48 kHz audio (at another rate, 44.1 kHz is common, its
 * frequency bands would fall in the wrong places).
 */
export class VoiceProcessor implements TrackProcessor<Track.Kind.Audio, AudioProcessorOptions> {
  readonly name = 'media-room-voice';
  processedTrack?: MediaStreamTrack;
  #settings: VoiceGraphSettings;
  #ctx: AudioContext | undefined;
  /** The AudioContext made here (the Room's is not at 48 kHz), closed with the processor. */
  #own: AudioContext | undefined;
  #track: MediaStreamTrack | undefined;
  #source: MediaStreamAudioSourceNode | undefined;
  #suppressor: (AudioWorkletNode & { destroy(): void }) | undefined;
  #gate: AudioWorkletNode | undefined;
  #gain: GainNode | undefined;
  #analyser: AnalyserNode | undefined;
  #destination: MediaStreamAudioDestinationNode | undefined;
  #samples: Float32Array<ArrayBuffer> | undefined;
  /** Rebuilds one at a time, so settings changed quickly land in order. */
  #chain: Promise<unknown> = Promise.resolve();

  constructor(settings: VoiceGraphSettings) {
    this.#settings = { ...settings };
  }

  async init({ track, audioContext }: AudioProcessorOptions): Promise<void> {
    const ctx =
      audioContext.sampleRate === RATE
        ? audioContext
        : (this.#own = new AudioContext({ sampleRate: RATE, latencyHint: 'interactive' }));
    this.#ctx = ctx;
    this.#track = track;
    if (ctx.state === 'suspended') resumeSoon(ctx);
    this.#source = ctx.createMediaStreamSource(new MediaStream([track]));
    this.#gain = ctx.createGain();
    this.#analyser = ctx.createAnalyser();
    this.#analyser.fftSize = 1024;
    this.#destination = ctx.createMediaStreamDestination();
    this.#gain.connect(this.#analyser);
    this.#gain.connect(this.#destination);
    this.processedTrack = this.#destination.stream.getAudioTracks()[0];
    await this.#rebuild();
  }

  async restart(options: AudioProcessorOptions): Promise<void> {
    await this.destroy();
    await this.init(options);
  }

  async destroy(): Promise<void> {
    await this.#chain.catch(() => undefined);
    for (const node of [this.#source, this.#suppressor, this.#gate, this.#gain, this.#analyser]) {
      node?.disconnect();
    }
    this.#suppressor?.destroy();
    this.processedTrack?.stop();
    void this.#own?.close().catch(() => undefined);
    this.#own = undefined;
    this.#ctx = this.#track = this.#source = this.#suppressor = this.#gate = undefined;
    this.#gain = this.#analyser = this.#destination = this.processedTrack = undefined;
  }

  /** The microphone's own track, which the processor takes in (while it runs). */
  get source(): MediaStreamTrack | undefined {
    return this.#track;
  }

  /** Change the volume, gate or suppressor live (the nodes that change are made anew). */
  update(settings: VoiceGraphSettings): Promise<void> {
    const before = this.#settings;
    this.#settings = { ...settings };
    if (
      before.suppressor === settings.suppressor &&
      before.inputSensitivity === settings.inputSensitivity
    ) {
      this.#setGain();
      return Promise.resolve();
    }
    return this.#rebuild();
  }

  /** The level sent now, as RMS of the samples (0 silence, 1 full scale); 0 when not running. */
  level(): number {
    const analyser = this.#analyser;
    if (!analyser) return 0;
    this.#samples ??= new Float32Array(analyser.fftSize);
    analyser.getFloatTimeDomainData(this.#samples);
    let sum = 0;
    for (const s of this.#samples) sum += s * s;
    return Math.sqrt(sum / this.#samples.length);
  }

  #setGain(): void {
    const { inputVolume } = this.#settings;
    if (this.#gain && this.#ctx)
      this.#gain.gain.setTargetAtTime(inputVolume, this.#ctx.currentTime, 0.02);
  }

  #rebuild(): Promise<void> {
    const run = this.#chain.then(() => this.#connect());
    this.#chain = run.catch(() => undefined);
    return run;
  }

  /** Source → [gate] → [RNNoise] → gain, with the nodes the settings need. */
  async #connect(): Promise<void> {
    const ctx = this.#ctx;
    if (!ctx || !this.#source || !this.#gain) return;
    const { suppressor, inputSensitivity } = this.#settings;
    const gated = inputSensitivity > GATE_OFF;
    // Everything loaded first, then the nodes made and wired in this one task, inputs first: the
    // gate's processor stops for good at the first render it has no input (it did, waiting here
    // unconnected while RNNoise loaded, and the microphone went silent).
    const [binary] = await Promise.all([
      suppressor && !this.#suppressor ? suppressorReady(ctx) : undefined,
      gated ? addModule(ctx, GATE) : undefined,
    ]);
    if (ctx !== this.#ctx) return; // destroyed (or restarted) meanwhile
    const denoise = suppressor
      ? (this.#suppressor ?? suppressorNode(ctx, binary as ArrayBuffer))
      : undefined;
    this.#source.disconnect();
    this.#suppressor?.disconnect();
    this.#gate?.disconnect();
    if (this.#suppressor && this.#suppressor !== denoise) this.#suppressor.destroy();
    this.#suppressor = denoise;
    let last: AudioNode = this.#source;
    const gate = gated ? gateNode(ctx, inputSensitivity) : undefined;
    this.#gate = gate;
    // The gate first: it listens to the microphone itself, RNNoise after it.
    for (const node of [gate, denoise]) {
      if (!node) continue;
      last.connect(node);
      last = node;
    }
    last.connect(this.#gain);
    this.#setGain();
  }
}
