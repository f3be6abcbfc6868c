import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import {
  createLocalAudioTrack,
  createLocalVideoTrack,
  type LocalAudioTrack,
  type LocalVideoTrack,
} from 'livekit-client';
import { ContextConsumer } from '@lit/context';
import { sessionContext } from '../../context/session-context.js';
import { LocalizeController } from '../../controllers/localize.js';
import { TrackController } from '../../controllers/track-controller.js';
import type { DeviceChangeEvent } from '../../events/control-events.js';
import { JoinEvent } from '../../events/pre-join-events.js';
import { define } from '../../internal/define.js';
import { unlessCancelled } from '../../internal/unless-cancelled.js';
import { icons } from '../../internal/icons.js';
import { mediaErrorCode } from '../../internal/media-errors.js';
import '../audio-visualizer/audio-visualizer.js';
import '../device-picker/device-picker.js';
import { styles } from './pre-join.styles.js';

/**
 * The screen before joining: a camera preview, the microphone level, device choice, a name field
 * and a Join button.
 *
 * Join stays in view in a short window (the preview gives up height first); on a phone held
 * sideways the preview stands beside the controls; on touch screens (`pointer: coarse`) every
 * button and the field are at least 44 px tall.
 *
 * It owns its preview tracks while shown and stops them when removed, unless the user joined:
 * then `join` hands them over (`audioTrack`, `videoTrack`), and `<media-room>` publishes those
 * same tracks, so the browser asks for permission once. A denied or missing device is said in
 * the preview; joining still works, receiving only.
 *
 * @tag pre-join
 * @summary Camera preview, microphone level, devices and name, before joining.
 *
 * @slot title - A heading above the preview (default: none).
 * @slot extra - Content under the form (terms, a note).
 *
 * @csspart base - The wrapper.
 * @csspart preview - The preview box.
 * @csspart video - The preview `<video>`.
 * @csspart placeholder - Shown in the preview while the camera is off.
 * @csspart media-error - The message when a device cannot be used.
 * @csspart controls - The row of toggles and device pickers.
 * @csspart background - The background effect choices (`<background-picker>`), under the controls.
 * @csspart toggle - The camera and microphone toggle buttons.
 * @csspart form - The name field and Join button.
 * @csspart name-input - The name `<input>`.
 * @csspart join - The Join button.
 *
 * @cssproperty --pre-join-max-width - Largest width of the element's content.
 * @cssproperty --pre-join-background - Background of the element.
 *
 * @event join - The user chose to join, before the tracks are handed over; cancel it to keep the preview. `JoinEvent` with `name`, `audioTrack`, `videoTrack`.
 */
export class PreJoin extends LitElement {
  static override styles = styles;

  /** The name the field starts with. */
  @property() name = '';

  /** Whether the camera starts on. */
  @property({ type: Boolean, attribute: 'camera-off' }) cameraOff = false;

  /** Whether the microphone starts on. */
  @property({ type: Boolean, attribute: 'microphone-off' }) microphoneOff = false;

  @state() private videoTrack: LocalVideoTrack | undefined;
  @state() private audioTrack: LocalAudioTrack | undefined;
  @state() private videoOn = true;
  @state() private audioOn = true;
  @state() private pending = { video: false, audio: false };
  @state() private mediaError: string | undefined;

  readonly #t = new LocalizeController(this);
  readonly #session = new ContextConsumer(this, { context: sessionContext, subscribe: true });
  readonly #video = createRef<HTMLVideoElement>();
  readonly #preview = new TrackController(this, () => this.#video.value);
  readonly #input = createRef<HTMLInputElement>();
  #handedOver = false;
  /** The camera's device is being switched: the preview waits for the new one. */
  #switching = false;
  /** Join was pressed and waits for the devices being opened. */
  #submitting = false;
  #generation = 0;
  /** Devices being opened; Join waits for them so a quick click loses no track. */
  readonly #opening = new Set<Promise<void>>();

  override connectedCallback(): void {
    super.connectedCallback();
    this.#handedOver = false;
    this.videoOn = !this.cameraOff;
    this.audioOn = !this.microphoneOff;
    void this.#startPreview();
    // The background choices under the controls: their own module, loaded with this screen.
    void import('../background-picker/background-picker.js');
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#generation += 1;
    if (!this.#handedOver) this.#stopTracks();
  }

  /** The preview tracks (for tests and custom compositions). */
  get tracks(): { video?: LocalVideoTrack; audio?: LocalAudioTrack } {
    return { video: this.videoTrack, audio: this.audioTrack };
  }

  override render(): TemplateResult {
    const t = this.#t;
    const showVideo = this.videoOn && !!this.videoTrack;
    return html`
      <div part="base" dir=${t.dir}>
        <slot name="title"></slot>
        <div part="preview">
          <video
            ${ref(this.#video)}
            part="video"
            ?hidden=${!showVideo}
            muted
            playsinline
            autoplay
            aria-label=${t.term('cameraPreview')}
          ></video>
          ${
            showVideo
              ? nothing
              : html`<div part="placeholder">
                  ${this.pending.video ? t.term('startingCamera') : t.term('cameraOff')}
                </div>`
          }
          ${
            this.mediaError
              ? html`<p part="media-error" role="alert">${this.mediaError}</p>`
              : nothing
          }
        </div>
        <div part="controls">
          <button
            part="toggle"
            aria-pressed=${this.audioOn ? 'true' : 'false'}
            ?disabled=${this.pending.audio}
            @click=${() => this.#toggle('audio')}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${icons.micOn}</svg>
            ${t.term('microphone')}
          </button>
          <audio-visualizer .track=${this.audioOn ? this.audioTrack : undefined}></audio-visualizer>
          <device-picker kind="audioinput" @device-change=${this.#onDevice}></device-picker>
          <button
            part="toggle"
            aria-pressed=${this.videoOn ? 'true' : 'false'}
            ?disabled=${this.pending.video}
            @click=${() => this.#toggle('video')}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${icons.camOn}</svg>
            ${t.term('camera')}
          </button>
          <device-picker kind="videoinput" @device-change=${this.#onDevice}></device-picker>
        </div>
        <background-picker part="background"></background-picker>
        <form part="form" @submit=${this.#onSubmit}>
          <label>
            <span>${t.term('yourName')}</span>
            <input
              ${ref(this.#input)}
              part="name-input"
              name="name"
              autocomplete="name"
              maxlength="64"
              .value=${this.name}
            />
          </label>
          <button part="join" type="submit">${t.term('join')}</button>
        </form>
        <slot name="extra"></slot>
      </div>
    `;
  }

  protected override updated(): void {
    this.#preview.set(this.#previewed());
  }

  /**
   * The camera track the preview shows: none while it is off, stopped (muted), being switched,
   * or handed over. The preview lets go of the track before anything stops it or swaps its
   * MediaStreamTrack, and takes it again after: WebKitGTK can deadlock its page when a track a
   * <video> plays is stopped or taken out of its stream while a frame waits to be drawn.
   */
  #previewed(): LocalVideoTrack | undefined {
    const track = this.videoTrack;
    if (!this.videoOn || !track || track.isMuted || this.#switching || this.#handedOver) return;
    // While Join waits for the devices, a camera opening now is not shown (it is about to be
    // handed over): taking a stream from a <video> that has just started it is what hangs.
    if (this.#submitting && this.#preview.track !== track) return;
    return track;
  }

  async #startPreview(): Promise<void> {
    await Promise.all([
      this.videoOn ? this.#open('video') : undefined,
      this.audioOn ? this.#open('audio') : undefined,
    ]);
  }

  #open(kind: 'audio' | 'video'): Promise<void> {
    const opening = this.#openTrack(kind).finally(() => this.#opening.delete(opening));
    this.#opening.add(opening);
    return opening;
  }

  async #openTrack(kind: 'audio' | 'video'): Promise<void> {
    const generation = this.#generation;
    this.pending = { ...this.pending, [kind]: true };
    try {
      // The device the call will use (the remembered one, or the one chosen in the menu); as a
      // string, livekit-client asks for exactly it first and falls back if it is gone.
      const deviceId = this.#session.value?.deviceFor(
        kind === 'video' ? 'videoinput' : 'audioinput',
      );
      const track =
        kind === 'video'
          ? await createLocalVideoTrack({ deviceId, resolution: { width: 1280, height: 720 } })
          : await createLocalAudioTrack({ deviceId });
      if (generation !== this.#generation || !this.isConnected) {
        track.stop();
        return;
      }
      if (kind === 'video') {
        this.videoTrack = track as LocalVideoTrack;
        // The preview shows the background effect chosen (applied while it shows).
        void this.#session.value?.background.previewing(this.videoTrack);
      } else this.audioTrack = track as LocalAudioTrack;
      this.mediaError = undefined;
      // With permission granted, device labels can be read: let the pickers show them.
      this.#session.value?.refreshDevices();
    } catch (error) {
      if (generation !== this.#generation) return;
      if (kind === 'video') this.videoOn = false;
      else this.audioOn = false;
      const code = mediaErrorCode(error, kind === 'video' ? 'videoinput' : 'audioinput');
      this.mediaError = this.#t.termFor(`error:${code}`, 'error:unknown');
    } finally {
      if (generation === this.#generation) this.pending = { ...this.pending, [kind]: false };
    }
  }

  async #toggle(kind: 'audio' | 'video'): Promise<void> {
    const on = kind === 'video' ? !this.videoOn : !this.audioOn;
    if (kind === 'video') this.videoOn = on;
    else this.audioOn = on;
    const track = kind === 'video' ? this.videoTrack : this.audioTrack;
    if (on) {
      if (track) {
        // Unmuting opens the device again (a new MediaStreamTrack), then the preview shows it.
        await track.unmute();
        this.requestUpdate();
      } else await this.#open(kind);
    } else if (track) {
      if (kind === 'video') this.#preview.set(undefined);
      // Muting stops the device (the camera light goes off) and keeps the track for later.
      await track.mute();
    }
  }

  /**
   * The pickers switch the room's device; the preview tracks follow, unless a listener further out
   * cancelled the `device-change` (it comes before the switch).
   */
  #onDevice = unlessCancelled((event: DeviceChangeEvent) => {
    if (event.kind === 'videoinput') void this.#switchCamera(event.deviceId);
    else void this.audioTrack?.setDeviceId({ exact: event.deviceId });
  });

  /** Switch the camera with the preview let go of it (see `#previewed`). */
  async #switchCamera(deviceId: string): Promise<void> {
    const track = this.videoTrack;
    if (!track) return;
    this.#switching = true;
    this.#preview.set(undefined);
    try {
      await track.setDeviceId({ exact: deviceId });
    } finally {
      this.#switching = false;
      this.requestUpdate();
    }
  }

  async #onSubmit(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    this.#submitting = true;
    try {
      await Promise.all(this.#opening);
    } finally {
      this.#submitting = false;
    }
    if (!this.isConnected) return;
    const name = (this.#input.value?.value ?? this.name).trim();
    const join = new JoinEvent({
      name,
      audioTrack: this.audioOn ? this.audioTrack : undefined,
      videoTrack: this.videoOn ? this.videoTrack : undefined,
    });
    if (!this.dispatchEvent(join)) {
      this.requestUpdate(); // Kept: a camera that opened meanwhile is shown now.
      return;
    }
    // Hand the chosen tracks over (the preview lets go of them: they are the listener's to
    // publish or stop); stop the ones left behind (turned off in the preview).
    this.#handedOver = true;
    this.#preview.set(undefined);
    void this.#session.value?.background.previewing(undefined);
    if (!join.audioTrack) this.audioTrack?.stop();
    if (!join.videoTrack) this.videoTrack?.stop();
  }

  #stopTracks(): void {
    this.#preview.set(undefined);
    void this.#session.value?.background.previewing(undefined);
    this.videoTrack?.stop();
    this.audioTrack?.stop();
    this.videoTrack = undefined;
    this.audioTrack = undefined;
  }
}

define('pre-join', PreJoin);

declare global {
  interface HTMLElementTagNameMap {
    'pre-join': PreJoin;
  }
}
