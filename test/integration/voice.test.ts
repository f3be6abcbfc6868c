import { expect } from '@open-wc/testing';
import { itIn } from '../engines.js';
import { LocalAudioTrack, Track, type RemoteAudioTrack, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { DevicePicker } from '../../src/components/device-picker/device-picker.js';
import { sendKeys } from '../helpers/input.js';
import {
  callRoot,
  joinPeer,
  mountRoom,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

/** Wide enough for the control bar to hold the device pickers (not the phone-sized "More"). */
const WIDE = 'display: block; width: 1100px; height: 700px';

/** The microphone menu of the default UI's control bar. */
const micPicker = (el: MediaRoom) =>
  callRoot(el)!
    .querySelector('control-bar')!
    .shadowRoot!.querySelector<DevicePicker>('[part="microphone-picker"]')!;

/** The microphone the room publishes now. */
const micOf = (el: MediaRoom) =>
  el.session.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track as
    LocalAudioTrack | undefined;

/** The level a listener receives from `identity`: RMS of the received audio, read when asked. */
async function listen(peer: Room, identity: string): Promise<{ level(): number; stop(): void }> {
  const track = await waitForValue(
    () =>
      peer.remoteParticipants.get(identity)?.getTrackPublication(Track.Source.Microphone)?.track as
        RemoteAudioTrack | undefined,
    'the listener receives the microphone',
  );
  // Chromium gives Web Audio the received audio only while a media element plays it.
  const element = track.attach();
  element.muted = true;
  const ctx = new AudioContext();
  await ctx.resume();
  const analyser = ctx.createAnalyser();
  analyser.fftSize = 2048;
  ctx.createMediaStreamSource(new MediaStream([track.mediaStreamTrack])).connect(analyser);
  const samples = new Float32Array(analyser.fftSize);
  return {
    level() {
      analyser.getFloatTimeDomainData(samples);
      let sum = 0;
      for (const s of samples) sum += s * s;
      return Math.sqrt(sum / samples.length);
    },
    stop() {
      track.detach(element);
      void ctx.close();
    },
  };
}

/** A steady 440 Hz tone at RMS ≈ 0.21 published as the microphone: the input is known exactly. */
async function publishTone(el: MediaRoom): Promise<() => void> {
  const ctx = new AudioContext();
  await ctx.resume();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  gain.gain.value = 0.3;
  const destination = ctx.createMediaStreamDestination();
  osc.connect(gain).connect(destination);
  osc.start();
  const track = new LocalAudioTrack(destination.stream.getAudioTracks()[0]!, undefined, true);
  await el.session.room.localParticipant.publishTrack(track, { source: Track.Source.Microphone });
  return () => void ctx.close();
}

describe('voice processing against the SFU', function () {
  this.timeout(60_000);
  const live = useLiveHooks();

  beforeEach(() => localStorage.removeItem('media-room-elements:voice'));

  afterEach(() => localStorage.removeItem('media-room-elements:voice'));

  itIn(
    "the browser's switches reach the published microphone's settings, live, from the menu too",
    async () => {
      const el = await mountRoom(uniqueRoom('voice'), 'speaker', { audio: true, style: WIDE });
      const mic = await waitForValue(() => micOf(el), 'the microphone is published');
      const settings = () => mic.mediaStreamTrack.getSettings();
      await waitFor(() => settings().noiseSuppression === true, 'noise suppression on by default');

      await el.session.setVoiceProcessing({ noiseSuppression: false, echoCancellation: false });
      expect(settings().noiseSuppression).to.equal(false);
      expect(settings().echoCancellation).to.equal(false);
      expect(el.session.voice.$settings.get().noiseSuppression).to.equal(false);
      expect(
        JSON.parse(localStorage.getItem('media-room-elements:voice')!).echoCancellation,
      ).to.equal(false);
      expect(el.session.room.options.audioCaptureDefaults?.noiseSuppression).to.equal(false);

      // The microphone menu, by keyboard: a switch in a labelled group.
      const picker = micPicker(el);
      picker.shadowRoot!.querySelector<HTMLButtonElement>('button[part="base"]')!.focus();
      await sendKeys({ press: 'ArrowDown' });
      const item = await waitForValue(
        () => picker.shadowRoot!.querySelector<HTMLElement>('[data-voice="noiseSuppression"]'),
        'the menu opens',
      );
      expect(item.getAttribute('role')).to.equal('menuitemcheckbox');
      expect(item.closest('[role="group"]')!.getAttribute('aria-label')).to.equal(
        'Voice processing',
      );
      expect(item.getAttribute('aria-checked')).to.equal('false');
      await expect(picker).to.be.accessible();
      // The last item is "Voice settings…"; the four switches are above it.
      await sendKeys({ press: 'End' });
      for (let i = 0; i < 4; i++) await sendKeys({ press: 'ArrowUp' });
      expect(picker.shadowRoot!.activeElement).to.equal(item);
      await sendKeys({ press: 'Enter' });
      await waitFor(() => settings().noiseSuppression === true, 'the menu turns it on');
      await picker.updateComplete;
      expect(item.getAttribute('aria-checked')).to.equal('true');
      expect(picker.shadowRoot!.activeElement, 'the menu stays open on the switch').to.equal(item);
      picker.hide();
    },
  );

  itIn('input volume and the gate change the level a remote participant receives', async () => {
    const room = uniqueRoom('voice-level');
    const el = await mountRoom(room, 'speaker');
    const stopTone = await publishTone(el);
    const listener = await joinPeer(room, 'listener', {});
    live.peers.push(listener);
    const heard = await listen(listener, 'speaker');
    try {
      await waitFor(() => heard.level() > 0.1, 'the tone is heard as sent', 20_000);

      await el.session.setVoiceProcessing({ inputVolume: 0.1 });
      await waitFor(() => heard.level() < 0.05 && heard.level() > 0.005, 'quiet at 10 %', 20_000);
      await el.session.setVoiceProcessing({ inputVolume: 2 });
      await waitFor(() => heard.level() > 0.25, 'loud at 200 %', 20_000);

      await el.session.setVoiceProcessing({ inputVolume: 1, inputSensitivity: -5 });
      await waitFor(() => heard.level() < 0.005, 'the gate closes over a tone below −5 dB', 20_000);
      await el.session.setVoiceProcessing({ inputSensitivity: -30 });
      await waitFor(() => heard.level() > 0.1, 'the gate opens at −30 dB', 20_000);

      await el.session.setVoiceProcessing({ inputSensitivity: -100 });
      expect(micOf(el)!.getProcessor(), 'no processor when nothing needs it').to.equal(undefined);
      // The page's own track is sent again as it is (in Firefox too, which refuses constraints on
      // a track the page made).
      await waitFor(() => heard.level() > 0.1, 'heard as sent again, unprocessed', 20_000);
    } finally {
      heard.stop();
      stopTone();
    }
  });

  it('remembered settings are applied on joining (the processor on the published microphone)', async () => {
    localStorage.setItem(
      'media-room-elements:voice',
      JSON.stringify({ inputVolume: 0.5, noiseSuppression: false }),
    );
    const el = await mountRoom(uniqueRoom('voice-remembered'), 'speaker', { audio: true });
    const mic = await waitForValue(() => micOf(el), 'the microphone is published');
    await waitFor(() => mic.getProcessor()?.name === 'media-room-voice', 'processed on publishing');
    await waitFor(() => mic.getSourceTrackSettings().noiseSuppression === false, 'constraint kept');
    const published = mic.sender?.track;
    expect(published, 'the processed track is the one sent').to.equal(
      mic.getProcessor()!.processedTrack,
    );
    await waitFor(() => (el.session.voice.level() ?? 0) > 0, 'the meter reads the fake microphone');

    // Teardown: leaving ends the processor with its track.
    await el.session.leave();
    await waitFor(() => mic.getProcessor() === undefined, 'the processor ends with the call');
  });

  it('the Voice settings dialog: labelled sliders, Escape closes it and focus returns', async () => {
    const el = await mountRoom(uniqueRoom('voice-dialog'), 'speaker', { audio: true, style: WIDE });
    await waitForValue(() => micOf(el), 'the microphone is published');
    const picker = micPicker(el);
    picker.shadowRoot!.querySelector<HTMLButtonElement>('button[part="base"]')!.focus();
    await sendKeys({ press: 'ArrowUp' }); // opens on the last item: "Voice settings…"
    await waitFor(
      () => picker.shadowRoot!.activeElement?.getAttribute('data-voice') === 'dialog',
      'the menu opens on Voice settings…',
    );
    await sendKeys({ press: 'Enter' });
    const dialog = await waitForValue(
      () => picker.shadowRoot!.querySelector<HTMLDialogElement>('dialog[part="voice-dialog"]'),
      'the dialog opens',
    );
    expect(dialog.open).to.equal(true);
    const settings = dialog.querySelector('voice-settings')!;
    await settings.updateComplete;
    const volume = settings.shadowRoot!.querySelector<HTMLInputElement>('#volume')!;
    expect(settings.shadowRoot!.querySelector('label[for="volume"]')!.textContent).to.equal(
      'Input volume',
    );
    volume.value = '150';
    volume.dispatchEvent(new Event('input'));
    await waitFor(
      () => el.session.voice.$settings.get().inputVolume === 1.5,
      'the slider sets the volume',
    );
    await waitFor(() => micOf(el)!.getProcessor()?.name === 'media-room-voice', 'processed');
    await settings.updateComplete;
    expect(volume.getAttribute('aria-valuetext')).to.match(/150/);
    const button = picker.shadowRoot!.querySelector('[part="base"]');
    volume.focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !dialog.isConnected, 'the dialog is removed');
    expect(picker.shadowRoot!.activeElement).to.equal(button);
  });
});
