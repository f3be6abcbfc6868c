import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { RoomEvent, type Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { StartAudio } from '../../src/components/start-audio/start-audio.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/start-audio/start-audio.js';
import { loadLocale } from '../../src/controllers/localize.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/** What livekit-client does when playback fails or starts: its private flag, then the event. */
function setPlayback(room: Room, allowed: boolean): void {
  (room as unknown as { audioEnabled: boolean }).audioEnabled = allowed;
  room.emit(RoomEvent.AudioPlaybackStatusChanged, allowed);
}

async function mount() {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(html`<media-room><start-audio></start-audio></media-room>`);
  el.room = script.room;
  const start = el.querySelector<StartAudio>('start-audio')!;
  await start.updateComplete;
  const button = () => start.shadowRoot!.querySelector<HTMLButtonElement>('button');
  let calls = 0;
  script.room.startAudio = async () => {
    calls += 1;
    setPlayback(script.room, true);
  };
  return { script, el, start, button, calls: () => calls };
}

describe('<start-audio> on a scripted room', () => {
  it('is hidden while audio may play', async () => {
    const { script, start, button } = await mount();
    expect(script.room.canPlaybackAudio).to.equal(true);
    expect(button()).to.equal(null);
    expect(getComputedStyle(start).display).to.equal('none');
    expect(start.matches(':state(blocked)')).to.equal(false);
    await script.room.disconnect();
  });

  it('appears when the browser blocks autoplay, is accessible, and a click starts audio', async () => {
    const { script, el, start, button, calls } = await mount();
    setPlayback(script.room, false);
    await waitFor(() => !!button(), 'button shown');
    expect(el.store.get().canPlaybackAudio).to.equal(false);
    expect(start.matches(':state(blocked)')).to.equal(true);
    expect(getComputedStyle(start).display).to.not.equal('none');
    expect(button()!.textContent).to.equal('Start audio');
    await expect(start).to.be.accessible();

    button()!.click();
    expect(calls()).to.equal(1);
    await waitFor(() => !button(), 'hidden again');
    expect(getComputedStyle(start).display).to.equal('none');
    await script.room.disconnect();
  });

  it('works from the keyboard', async () => {
    const { script, button, calls } = await mount();
    setPlayback(script.room, false);
    await waitFor(() => !!button(), 'button shown');
    button()!.focus();
    await sendKeys({ press: 'Enter' });
    expect(calls()).to.equal(1);
    await waitFor(() => !button(), 'hidden after Enter');
    setPlayback(script.room, false);
    await waitFor(() => !!button(), 'shown again');
    button()!.focus();
    await sendKeys({ press: ' ' });
    expect(calls()).to.equal(2);
    await script.room.disconnect();
  });

  it('is localized', async () => {
    const { script, start, button } = await mount();
    start.setAttribute('lang', 'de');
    // German is a chunk of its own, loaded on first use: wait for it and the render that uses it.
    await loadLocale('de');
    setPlayback(script.room, false);
    await waitFor(() => !!button(), 'button shown');
    await start.updateComplete;
    expect(button()!.textContent).to.equal('Ton starten');
    await script.room.disconnect();
  });

  it('lets go of the store when removed', async () => {
    const { script, el, start } = await mount();
    let renders = 0;
    const render = start.render.bind(start);
    start.render = () => {
      renders += 1;
      return render();
    };
    start.remove();
    setPlayback(script.room, false);
    await el.store.settled();
    expect(el.store.get().canPlaybackAudio).to.equal(false);
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});
