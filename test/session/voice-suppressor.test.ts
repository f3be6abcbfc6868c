import { expect, waitUntil } from '@open-wc/testing';
import { createGate, createSuppressor } from '../../src/session/voice-processor.js';

const RATE = 48_000;
const SECONDS = 2;
const TONE_HZ = 1000;

/** Seeded white noise (the same every run) plus a 1 kHz tone, as a mono buffer. */
function signal(ctx: BaseAudioContext, noise: number, tone: number): AudioBuffer {
  const buffer = ctx.createBuffer(1, RATE * SECONDS, RATE);
  const data = buffer.getChannelData(0);
  let seed = 1;
  for (let i = 0; i < data.length; i++) {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    data[i] = noise * (seed / 2 ** 30 - 1) + tone * Math.sin((2 * Math.PI * TONE_HZ * i) / RATE);
  }
  return buffer;
}

/**
 * An analyser on `ctx`: the power of what reaches it now in a band of frequencies (the tone's,
 * or the noise's far from it), and its peak sample.
 */
function meter(ctx: BaseAudioContext) {
  const node = ctx.createAnalyser();
  node.fftSize = 4096;
  node.smoothingTimeConstant = 0;
  const spectrum = new Float32Array(node.frequencyBinCount);
  const samples = new Float32Array(node.fftSize);
  const hz = RATE / node.fftSize;
  return {
    node,
    band(from: number, to: number): number {
      node.getFloatFrequencyData(spectrum);
      let power = 0;
      for (let bin = Math.ceil(from / hz); bin <= Math.floor(to / hz); bin++) {
        power += 10 ** ((spectrum[bin] ?? -Infinity) / 10);
      }
      return power;
    },
    peak(): number {
      node.getFloatTimeDomainData(samples);
      return samples.reduce((max, s) => Math.max(max, Math.abs(s)), 0);
    },
  };
}

/** RMS of the last second of the output for the given input (offline, so no timing). */
async function render(
  tone: number,
  through: (ctx: OfflineAudioContext) => Promise<AudioNode>,
): Promise<number> {
  const ctx = new OfflineAudioContext(1, RATE * SECONDS, RATE);
  const source = ctx.createBufferSource();
  source.buffer = signal(ctx, 0, tone);
  source.connect(await through(ctx)).connect(ctx.destination);
  source.start();
  const out = (await ctx.startRendering()).getChannelData(0).subarray(RATE);
  let sum = 0;
  for (const s of out) sum += s * s;
  return Math.sqrt(sum / out.length);
}

const dB = (ratio: number) => 10 * Math.log10(ratio);

describe('voice processing: the Web Audio nodes served from the package', function () {
  this.timeout(30_000);

  it('RNNoise (wasm, in an AudioWorklet) takes the noise out of a tone plus white noise', async () => {
    // Live: the worklet starts RNNoise asynchronously (silence until then), which an offline
    // render would outrun. RNNoise keeps a steady tone (it has a pitch) and cuts the broadband
    // noise around it: compare the noise's band far from the tone, and the tone's own.
    const ctx = new AudioContext({ sampleRate: RATE });
    try {
      await ctx.resume();
      const source = ctx.createBufferSource();
      source.buffer = signal(ctx, 0.03, 0.1);
      source.loop = true;
      const raw = meter(ctx);
      const suppressed = meter(ctx);
      const node = await createSuppressor(ctx);
      source.connect(raw.node);
      source.connect(node).connect(suppressed.node);
      source.start();
      await waitUntil(() => suppressed.peak() > 0, 'RNNoise runs', { timeout: 10_000 });
      const until = ctx.currentTime + 2;
      const sums = { rawNoise: 0, noise: 0, rawTone: 0, tone: 0 };
      await waitUntil(
        () => {
          sums.rawNoise += raw.band(4000, 12_000);
          sums.noise += suppressed.band(4000, 12_000);
          sums.rawTone += raw.band(TONE_HZ - 30, TONE_HZ + 30);
          sums.tone += suppressed.band(TONE_HZ - 30, TONE_HZ + 30);
          return ctx.currentTime > until;
        },
        'two seconds of audio measured',
        { timeout: 10_000, interval: 20 },
      );
      const noiseCut = dB(sums.rawNoise / sums.noise);
      const toneCut = dB(sums.rawTone / sums.tone);
      expect(noiseCut, `noise cut by ${noiseCut} dB`).to.be.greaterThan(10);
      expect(toneCut, `tone cut by ${toneCut} dB`).to.be.lessThan(6);
      node.destroy();
    } finally {
      await ctx.close();
    }
  });

  it('the noise gate passes what is louder than its threshold and silences what is below', async () => {
    // A tone at RMS ≈ 0.21 (≈ −13.5 dB).
    const open = await render(0.3, (ctx) => createGate(ctx, -30));
    const closed = await render(0.3, (ctx) => createGate(ctx, -5));
    expect(open).to.be.greaterThan(0.15);
    expect(closed).to.be.lessThan(0.001);
  });
});
