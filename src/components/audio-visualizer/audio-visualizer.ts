import { LitElement, html, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import {
  createAudioAnalyser,
  type LocalAudioTrack,
  type RemoteAudioTrack,
  type Track,
} from 'livekit-client';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './audio-visualizer.styles.js';

type AudioTrack = LocalAudioTrack | RemoteAudioTrack;

interface View {
  /** The room is connected (not joining, reconnecting or left). */
  connected: boolean;
  /** The microphone track to measure: published, subscribed and unmuted. */
  track: Track | undefined;
  /** The participant's display name (for the label). */
  name: string;
  isLocal: boolean;
}

const NO_VIEW: View = { connected: false, track: undefined, name: '', isLocal: false };

const selectMicrophone =
  (identity: string, local: boolean) =>
  (s: RoomSnapshot): View => {
    const p = local ? s.local : s.participants.get(identity);
    const mic = p?.tracks.microphone;
    return {
      connected: s.connection.phase === 'connected',
      track: mic && mic.subscribed && !mic.muted ? mic.publication.track : undefined,
      name: p ? p.displayName : identity,
      isLocal: local || !!p?.isLocal,
    };
  };

interface Running {
  track: AudioTrack;
  analyser: AnalyserNode;
  cleanup: () => Promise<void>;
  data: Uint8Array<ArrayBuffer>;
  frame: number;
  lastWrite: number;
  lastAria: number;
  onEnded: () => void;
}

/** Update the DOM at most this often under reduced motion, and `aria-valuenow` always. */
const REDUCED_INTERVAL_MS = 500;
const ARIA_INTERVAL_MS = 250;
/** Voice range the bars are spread over, in Hz. */
const LOW_HZ = 100;
const HIGH_HZ = 5000;

/**
 * A microphone level meter: a few bars driven by a Web Audio `AnalyserNode` on the track's
 * `MediaStreamTrack` (livekit-client's `createAudioAnalyser`).
 *
 * What it measures, first that applies: the `track` property (a livekit-client `LocalAudioTrack`,
 * say a pre-join preview; measured whether or not a room is connected); with the `local`
 * attribute, the local participant's microphone; otherwise the microphone of the participant
 * `identity` in the store of the enclosing `<media-room>`. Store tracks are measured only while
 * the room is connected and the microphone is published, subscribed and unmuted.
 *
 * It runs a `requestAnimationFrame` loop only while there is a track to measure, and tears down
 * (frame cancelled, `AudioContext` closed; the track itself is never stopped) when the track
 * goes, the room disconnects or the element leaves the page. Under `prefers-reduced-motion` the
 * bars do not move separately: all show the overall level, in 10 % steps, at most twice a second,
 * without transitions.
 *
 * Accessibility: it is a `role="meter"` (0–100, `aria-valuenow` the overall level in steps of 10,
 * updated at most four times a second) with a localized label ("Microphone level of Ada", "Your
 * microphone level"). A meter is not a live region, so screen readers do not chatter while it
 * moves, but a user can read it on demand — which is what a microphone check before joining
 * needs. In a tile, the tile's speaking state remains the announced signal.
 *
 * Chromium delivers a remote WebRTC track to Web Audio only while the track also plays in a media
 * element, so measure remote participants inside a `<media-room>` that has a `<room-audio>`.
 *
 * @tag audio-visualizer
 * @summary Microphone level bars for a participant, the local user or a preview track.
 *
 * @csspart base - The meter (`role="meter"`), holding the bars.
 * @csspart bar - One bar; its height follows `--level` (0–1), set on it by the element.
 *
 * @cssproperty --audio-visualizer-color - Colour of the bars while measuring.
 * @cssproperty --audio-visualizer-idle-color - Colour of the bars with nothing to measure.
 * @cssproperty --audio-visualizer-width - Width of the element.
 * @cssproperty --audio-visualizer-height - Height of the element.
 * @cssproperty --audio-visualizer-gap - Gap between bars.
 *
 * @cssstate idle - Nothing is being measured (no track, muted, or not connected).
 */
export class AudioVisualizer extends LitElement {
  static override styles = styles;

  /** Identity of the participant whose microphone to show. */
  @property() identity = '';

  /** Show the local participant's microphone (instead of `identity`). */
  @property({ type: Boolean }) local = false;

  /**
   * A track to measure directly, before or without a room (a pre-join preview). Takes precedence
   * over `local` and `identity`. The element never stops it.
   */
  @property({ attribute: false }) track: LocalAudioTrack | RemoteAudioTrack | undefined;

  /** Number of bars. */
  @property({ type: Number }) bars = 5;

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController<View>(this, this.#select(), { fallback: NO_VIEW });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  #running: Running | undefined;
  #level = 0;
  #reducedMotion: MediaQueryList | undefined;

  /** The overall level now, from 0 to 1 (0 while nothing is measured). */
  get level(): number {
    return this.#level;
  }

  /** Whether a track is being measured (an analyser and a frame loop are running). */
  get active(): boolean {
    return !!this.#running;
  }

  #select() {
    return selectMicrophone(this.identity, this.local);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.#reducedMotion = globalThis.matchMedia?.('(prefers-reduced-motion: reduce)');
    if (this.hasUpdated) this.requestUpdate();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stop();
    this.#reducedMotion = undefined;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('identity') || changed.has('local')) this.#view.select(this.#select());
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const view = this.#view.value;
    const label =
      this.track || view.isLocal ? t.term('audioLevelLocal') : t.term('audioLevel', view.name);
    const count = Math.max(1, Math.min(32, Math.floor(this.bars) || 1));
    return html`<div
      part="base"
      role="meter"
      aria-label=${label}
      aria-valuemin="0"
      aria-valuemax="100"
      aria-valuenow=${Math.round(this.#level * 10) * 10}
      dir=${t.dir}
      lang=${t.lang}
    >
      ${Array.from({ length: count }, () => html`<span part="bar"></span>`)}
    </div>`;
  }

  protected override updated(): void {
    const view = this.#view.value;
    const wanted = (this.track ?? (view.connected ? view.track : undefined)) as
      AudioTrack | undefined;
    const usable = wanted && wanted.mediaStreamTrack?.readyState === 'live' ? wanted : undefined;
    if (usable !== this.#running?.track) {
      this.#stop();
      if (usable && this.isConnected) this.#start(usable);
    }
    const states = this.#internals?.states;
    if (states) {
      if (this.#running) states.delete('idle');
      else states.add('idle');
    }
    if (!this.#running) this.#write(0, true);
  }

  #start(track: AudioTrack): void {
    let made: ReturnType<typeof createAudioAnalyser>;
    try {
      made = createAudioAnalyser(track, {
        fftSize: 512,
        smoothingTimeConstant: 0.6,
        minDecibels: -90,
        maxDecibels: -20,
      });
    } catch {
      return; // No Web Audio here: the meter stays at 0.
    }
    const context = made.analyser.context as AudioContext;
    if (context.state === 'suspended') {
      context.resume().catch(() => {
        /* Resumed by livekit-client on the next click. */
      });
    }
    const running: Running = {
      track,
      analyser: made.analyser,
      cleanup: made.cleanup,
      data: new Uint8Array(made.analyser.frequencyBinCount),
      frame: 0,
      lastWrite: 0,
      lastAria: 0,
      // The track ended (device unplugged, track stopped by its owner): stop measuring it.
      onEnded: () => this.requestUpdate(),
    };
    track.mediaStreamTrack.addEventListener('ended', running.onEnded);
    this.#running = running;
    const tick = (now: number) => {
      if (this.#running !== running) return;
      this.#sample(running, now);
      running.frame = requestAnimationFrame(tick);
    };
    running.frame = requestAnimationFrame(tick);
  }

  #stop(): void {
    const running = this.#running;
    if (!running) return;
    this.#running = undefined;
    cancelAnimationFrame(running.frame);
    running.track.mediaStreamTrack.removeEventListener('ended', running.onEnded);
    running.cleanup().catch(() => {
      /* Already closed. */
    });
    this.#level = 0;
  }

  /** Read the analyser once and update the bars. */
  #sample(running: Running, now: number): void {
    const { analyser, data } = running;
    analyser.getByteFrequencyData(data);
    let sum = 0;
    for (const v of data) sum += (v / 255) ** 2;
    const level = Math.min(1, Math.sqrt(sum / data.length) * 2);
    this.#level = level;

    const base = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    if (!base) return;
    if (now - running.lastAria >= ARIA_INTERVAL_MS) {
      running.lastAria = now;
      base.setAttribute('aria-valuenow', String(Math.round(level * 10) * 10));
    }
    const reduced = !!this.#reducedMotion?.matches;
    if (reduced) {
      if (now - running.lastWrite < REDUCED_INTERVAL_MS) return;
      running.lastWrite = now;
      this.#write(Math.round(level * 10) / 10, false);
      return;
    }
    const bars = base.querySelectorAll<HTMLElement>('[part="bar"]');
    const hzPerBin = analyser.context.sampleRate / analyser.fftSize;
    const lowBin = Math.max(1, Math.floor(LOW_HZ / hzPerBin));
    const highBin = Math.min(data.length - 1, Math.ceil(HIGH_HZ / hzPerBin));
    const ratio = (highBin / lowBin) ** (1 / bars.length);
    bars.forEach((bar, i) => {
      const from = Math.floor(lowBin * ratio ** i);
      const to = Math.max(from + 1, Math.floor(lowBin * ratio ** (i + 1)));
      let peak = 0;
      for (let b = from; b < to && b < data.length; b += 1) peak = Math.max(peak, data[b]!);
      bar.style.setProperty('--level', (peak / 255).toFixed(3));
    });
  }

  /** Set every bar (and the meter's value) to one level. */
  #write(level: number, aria: boolean): void {
    const base = this.renderRoot.querySelector<HTMLElement>('[part="base"]');
    if (!base) return;
    if (aria) base.setAttribute('aria-valuenow', String(Math.round(level * 10) * 10));
    for (const bar of base.querySelectorAll<HTMLElement>('[part="bar"]')) {
      bar.style.setProperty('--level', String(level));
    }
  }
}

define('audio-visualizer', AudioVisualizer);

declare global {
  interface HTMLElementTagNameMap {
    'audio-visualizer': AudioVisualizer;
  }
}
