import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { DeafenButton } from '../../src/components/deafen-button/deafen-button.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/deafen-button/deafen-button.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/room-audio/room-audio.js';
import type { DeafenEvent } from '../../src/events/deafen-events.js';
import { ScriptedRoom, toneTrack } from '../helpers/scripted-room.js';
import { nextEvent, waitFor } from '../helpers/live.js';

async function mount() {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(
    html`<media-room><deafen-button></deafen-button><room-audio></room-audio></media-room>`,
  );
  el.room = script.room;
  const button = el.querySelector<DeafenButton>('deafen-button')!;
  const base = () => button.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
  await waitFor(() => !base().disabled, 'enabled in the room');
  return { script, el, button, base };
}

describe('<deafen-button> on a scripted room', () => {
  const tones: Array<{ close: () => Promise<void> }> = [];
  afterEach(async () => {
    await Promise.all(tones.splice(0).map((t) => t.close()));
  });

  function tone(): MediaStreamTrack {
    const t = toneTrack();
    tones.push(t);
    return t.track;
  }

  it('is disabled outside a room', async () => {
    const lone = await fixture<DeafenButton>(html`<deafen-button></deafen-button>`);
    const base = lone.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
    expect(base.disabled).to.equal(true);
    lone.toggle();
    expect(lone.deafened).to.equal(false);

    const { script, base: inRoom } = await mount();
    await script.room.disconnect();
    await waitFor(() => inRoom().disabled, 'disabled after leaving');
  });

  it('toggles the store’s deafened state by click and keyboard, with name, label, icon and state', async () => {
    const { script, el, button, base } = await mount();
    // Named by what it shows (speech input), described by the longer wording.
    expect(base().getAttribute('aria-label')).to.equal('Deafen');
    expect(base().title).to.equal('Mute incoming audio');
    expect(button.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal('Deafen');
    expect(base().getAttribute('aria-pressed')).to.equal('false');
    const icon = () => button.shadowRoot!.querySelector('[part="icon"]')!.innerHTML;
    const hearing = icon();
    await expect(button).to.be.accessible();

    const event = nextEvent(el, 'deafen');
    base().click();
    expect((await event).deafened).to.equal(true);
    await waitFor(() => base().getAttribute('aria-pressed') === 'true', 'pressed');
    expect(el.store.get().audio.deafened).to.equal(true);
    expect(button.deafened).to.equal(true);
    expect(button.matches(':state(deafened)')).to.equal(true);
    expect(icon(), 'the crossed-out headphones').to.not.equal(hearing);
    await expect(button).to.be.accessible();

    base().focus();
    await sendKeys({ press: ' ' });
    await waitFor(() => base().getAttribute('aria-pressed') === 'false', 'released by keyboard');
    expect(el.store.get().audio.deafened).to.equal(false);
    expect(button.matches(':state(deafened)')).to.equal(false);
    expect(icon()).to.equal(hearing);

    // Another element of the room (or the page) deafening through the store shows here too.
    el.store.setDeafened(true);
    await waitFor(() => base().getAttribute('aria-pressed') === 'true', 'follows the store');
    await script.room.disconnect();
  });

  it('hides itself while the grant lets the participant receive nothing, and comes back', async () => {
    const { script, button } = await mount();
    expect(getComputedStyle(button).display).to.not.equal('none');
    script.setPermissions(script.room.localParticipant.identity, { canSubscribe: false });
    await waitFor(() => button.matches(':state(forbidden)'), 'forbidden without canSubscribe');
    expect(getComputedStyle(button).display).to.equal('none');
    script.setPermissions(script.room.localParticipant.identity, { canSubscribe: true });
    await waitFor(() => !button.matches(':state(forbidden)'), 'back with canSubscribe');
    expect(getComputedStyle(button).display).to.not.equal('none');
    await script.room.disconnect();
  });

  it('a cancelled deafen event changes nothing', async () => {
    const { script, el, base } = await mount();
    el.addEventListener('deafen', (e: DeafenEvent) => e.preventDefault(), { once: true });
    base().click();
    await el.store.settled();
    expect(el.store.get().audio.deafened).to.equal(false);
    expect(base().getAttribute('aria-pressed')).to.equal('false');
    await script.room.disconnect();
  });

  it('<room-audio> plays every remote track at volume 0 while deafened, and as before after', async () => {
    const { script, el, base } = await mount();
    const [a, b] = script.identities as [string, string];
    script.subscribeMedia(a, script.publishAudio(a), tone());
    script.subscribeMedia(b, script.publishAudio(b), tone());
    const audio = el.querySelector('room-audio')!;
    const elements = () => [...audio.shadowRoot!.querySelectorAll('audio')];
    await waitFor(() => elements().length === 2, 'two audio elements');
    el.store.setVolume(a, 0.5);
    const volumes = () => elements().map((e) => [e.dataset['identity'], e.volume]);
    await waitFor(() => elements().some((e) => e.volume === 0.5), 'a at half volume');
    expect(volumes()).to.have.deep.members([
      [a, 0.5],
      [b, 1],
    ]);

    base().click();
    await waitFor(() => elements().every((e) => e.volume === 0), 'all silent');
    expect(elements(), 'subscriptions stay').to.have.length(2);

    base().click();
    await waitFor(() => elements().some((e) => e.volume !== 0), 'playing again');
    expect(volumes()).to.have.deep.members([
      [a, 0.5],
      [b, 1],
    ]);
    await script.room.disconnect();
  });
});
