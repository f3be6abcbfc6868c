import { expect, fixture, html } from '@open-wc/testing';
import type { PreJoin } from '../../src/components/pre-join/pre-join.js';
import '../../src/components/pre-join/pre-join.js';
import { DeviceChangeEvent } from '../../src/events/control-events.js';
import { nextEvent, waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

async function mountPreJoin(name = ''): Promise<PreJoin> {
  const el = await fixture<PreJoin>(html`<pre-join name=${name}></pre-join>`);
  await waitFor(() => !!el.tracks.video && !!el.tracks.audio, 'preview tracks open');
  await el.updateComplete;
  return el;
}

const part = (el: PreJoin, name: string) =>
  el.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
const toggles = (el: PreJoin) => [
  ...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part="toggle"]'),
];

describe('<pre-join>', () => {
  it('previews the camera and opens the microphone, and is accessible', async () => {
    const el = await mountPreJoin('Ada');
    const video = part(el, 'video') as HTMLVideoElement;
    await waitFor(() => video.videoWidth > 0, 'preview frames');
    expect(video.hidden).to.equal(false);
    expect(el.tracks.audio!.mediaStreamTrack.readyState).to.equal('live');
    expect((part(el, 'name-input') as HTMLInputElement).value).to.equal('Ada');
    expect(toggles(el).map((b) => b.getAttribute('aria-pressed'))).to.deep.equal(['true', 'true']);
    await expect(el).to.be.accessible();
  });

  it('turns the camera off and on again', async () => {
    const el = await mountPreJoin();
    const camera = toggles(el)[1]!;
    camera.click();
    await waitFor(() => camera.getAttribute('aria-pressed') === 'false', 'camera off');
    await waitFor(() => !!part(el, 'placeholder'), 'placeholder instead of video');
    expect((part(el, 'video') as HTMLVideoElement).hidden).to.equal(true);
    camera.click();
    await waitFor(() => camera.getAttribute('aria-pressed') === 'true', 'camera on');
    await waitFor(() => !(part(el, 'video') as HTMLVideoElement).hidden, 'video back');
  });

  it('hands its tracks to whoever handles join, and keeps them alive after it is removed', async () => {
    const el = await mountPreJoin();
    (part(el, 'name-input') as HTMLInputElement).value = '  Grace Hopper ';
    const joined = nextEvent(el, 'join');
    part(el, 'join').click();
    const event = await joined;
    expect(event.name).to.equal('Grace Hopper');
    expect(event.videoTrack).to.equal(el.tracks.video);
    expect(event.audioTrack).to.equal(el.tracks.audio);
    el.remove();
    expect(event.videoTrack!.mediaStreamTrack.readyState).to.equal('live');
    expect(event.audioTrack!.mediaStreamTrack.readyState).to.equal('live');
    event.videoTrack!.stop();
    event.audioTrack!.stop();
  });

  it('leaves out a track turned off, and stops it', async () => {
    const el = await mountPreJoin();
    const microphone = toggles(el)[0]!;
    const audio = el.tracks.audio!;
    microphone.click();
    await waitFor(() => microphone.getAttribute('aria-pressed') === 'false', 'mic off');
    const joined = nextEvent(el, 'join');
    part(el, 'join').click();
    const event = await joined;
    expect(event.audioTrack).to.equal(undefined);
    expect(audio.mediaStreamTrack.readyState).to.equal('ended');
    event.videoTrack?.stop();
  });

  it('keeps the preview when join is canceled, and stops its tracks when removed', async () => {
    const el = await mountPreJoin();
    el.addEventListener('join', (e) => e.preventDefault(), { once: true });
    const { video, audio } = el.tracks;
    part(el, 'join').click();
    await el.updateComplete;
    expect(video!.mediaStreamTrack.readyState).to.equal('live');
    el.remove();
    expect(video!.mediaStreamTrack.readyState).to.equal('ended');
    expect(audio!.mediaStreamTrack.readyState).to.equal('ended');
  });

  it('submits with Enter in the name field', async () => {
    const el = await mountPreJoin();
    const input = part(el, 'name-input') as HTMLInputElement;
    input.value = 'Keyboard User';
    const joined = nextEvent(el, 'join');
    input.form!.requestSubmit();
    expect((await joined).name).to.equal('Keyboard User');
    el.tracks.video?.stop();
    el.tracks.audio?.stop();
  });

  it('a Join clicked while the devices are still opening waits for them', async () => {
    const el = await fixture<PreJoin>(html`<pre-join></pre-join>`);
    const joined = nextEvent(el, 'join');
    part(el, 'join').click(); // straight away: the camera and microphone are not open yet
    const event = await joined;
    expect(event.videoTrack, 'camera handed over').to.not.equal(undefined);
    expect(event.audioTrack, 'microphone handed over').to.not.equal(undefined);
    expect(event.audioTrack!.mediaStreamTrack.readyState).to.equal('live');
    event.videoTrack!.stop();
    event.audioTrack!.stop();
  });

  itIn('switches the preview microphone when a device is picked', async () => {
    const el = await mountPreJoin();
    const inputs = (await navigator.mediaDevices.enumerateDevices()).filter(
      (d) => d.kind === 'audioinput' && d.deviceId !== 'default',
    );
    const current = await el.tracks.audio!.getDeviceId();
    const other = inputs.find((d) => d.deviceId !== current);
    expect(other, 'Chromium offers a second fake microphone').to.not.equal(undefined);
    const picker = el.shadowRoot!.querySelector('device-picker[kind="audioinput"]')!;
    picker.dispatchEvent(new DeviceChangeEvent('audioinput', other!.deviceId));
    await waitFor(
      () => el.tracks.audio!.mediaStreamTrack.getSettings().deviceId === other!.deviceId,
      'the preview uses the chosen microphone',
    );
    expect(el.tracks.audio!.mediaStreamTrack.readyState).to.equal('live');
    el.remove();
  });
});
