import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/index.js';
import { sendKeys } from '../helpers/input.js';
import { TilePinEvent } from '../../src/events/tile-events.js';
import { ScriptedRoom, canvasTrack } from '../helpers/scripted-room.js';
import { Track } from 'livekit-client';
import { nextEvent, waitFor, callRoot } from '../helpers/live.js';

/** A `<media-room>` showing a scripted room (no server) in its default UI. */
async function roomWith(remotes: number) {
  const script = await ScriptedRoom.create(remotes);
  // Tall enough for twelve tiles on one page (the grid pages by its size).
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin style="height: 48rem"></media-room>`,
  );
  el.room = script.room;
  await el.updateComplete;
  // The default UI lays the tiles out in a <layout-grid>.
  const grid = () => callRoot(el)!.querySelector('layout-grid')!;
  const tiles = () => [
    ...(grid()?.shadowRoot?.querySelectorAll<ParticipantTile>('participant-tile') ?? []),
  ];
  await waitFor(() => tiles().length === remotes + 1, 'a tile per participant');
  await Promise.all(tiles().map((t) => t.updateComplete));
  return { script, el, grid, tiles };
}

/** Count each element's renders from now on. */
function countRenders(elements: Array<{ render(): unknown }>): Map<unknown, number> {
  const counts = new Map<unknown, number>();
  for (const element of elements) {
    counts.set(element, 0);
    const render = element.render.bind(element);
    element.render = () => {
      counts.set(element, counts.get(element)! + 1);
      return render();
    };
  }
  return counts;
}

describe('<participant-tile> on a scripted room', () => {
  it('shows name and initials without video, marks a missing microphone, is accessible', async () => {
    const { script, el, tiles } = await roomWith(2);
    const id = script.identities[0]!;
    script.update(id, { name: 'Grace Hopper' });
    const tile = tiles().find((t) => t.identity === id)!;
    await waitFor(
      () => tile.shadowRoot!.querySelector('[part="name"]')?.textContent === 'Grace Hopper',
      'name shown',
    );
    expect(tile.shadowRoot!.querySelector('[part="avatar"]')?.textContent).to.equal('GH');
    expect(tile.shadowRoot!.querySelector('video'), 'no <video> before there is video').to.equal(
      null,
    );
    expect(
      tile.shadowRoot!.querySelector('[part="mic-muted"]')?.getAttribute('aria-label'),
    ).to.equal('Microphone muted');
    expect(tile.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(
      'Participant Grace Hopper',
    );
    expect(tile.matches(':state(muted)')).to.equal(true);
    expect(tile.matches(':state(video-off)')).to.equal(true);
    const local = tiles().find((t) => t.identity === 'simulated-local')!;
    expect(local.shadowRoot!.querySelector('[part="name"]')?.textContent).to.equal(
      'local-name (you)',
    );
    expect(local.matches(':state(local)')).to.equal(true);
    await expect(tile).to.be.accessible();
    await expect(el).to.be.accessible();
    await script.room.disconnect();
  });

  it('shows the speaking state, as a custom state and to screen readers', async () => {
    const { script, tiles } = await roomWith(3);
    const [a, b] = script.identities;
    const tileA = tiles().find((t) => t.identity === a)!;
    script.speakers([a!]);
    await waitFor(() => tileA.matches(':state(speaking)'), 'a speaks');
    expect(tileA.shadowRoot!.textContent).to.contain('Speaking');
    script.speakers([b!]);
    await waitFor(() => !tileA.matches(':state(speaking)'), 'a stops speaking');
    await script.room.disconnect();
  });

  it('a speaker change re-renders the two tiles it concerns, not the grid or the others', async () => {
    const { script, el, grid, tiles } = await roomWith(11);
    const ids = script.identities;
    script.speakers([ids[0]!]);
    await waitFor(
      () =>
        !!tiles()
          .find((t) => t.identity === ids[0])
          ?.matches(':state(speaking)'),
      'first speaker shown',
    );
    // The grid too: it lays the tiles out at its measured size in an update of its own.
    await Promise.all([
      el.updateComplete,
      grid().updateComplete,
      ...tiles().map((t) => t.updateComplete),
    ]);

    expect(tiles(), 'everyone on one page').to.have.length(12);
    const counts = countRenders([el, grid(), ...tiles()]);
    script.speakers([ids[5]!]);
    await waitFor(
      () =>
        !!tiles()
          .find((t) => t.identity === ids[5])
          ?.matches(':state(speaking)'),
      'new speaker shown',
    );
    await Promise.all([el.updateComplete, ...tiles().map((t) => t.updateComplete)]);

    const rendered = tiles()
      .filter((t) => counts.get(t)! > 0)
      .map((t) => t.identity)
      .sort();
    expect(rendered).to.deep.equal([ids[0]!, ids[5]!].sort());
    expect(counts.get(el), '<media-room> renders').to.equal(0);
    // The grid looks at the new order once (nothing on the page moves), and passes its tiles
    // nothing new: only the two tiles above re-render.
    expect(counts.get(grid()), '<layout-grid> renders').to.be.at.most(1);
    await script.room.disconnect();
  });

  it('follows a change of identity', async () => {
    const { script, el } = await roomWith(2);
    const [a, b] = script.identities;
    script.update(a!, { name: 'Alpha' });
    script.update(b!, { name: 'Beta' });
    const tile = document.createElement('participant-tile');
    tile.identity = a!;
    el.append(tile);
    await waitFor(
      () => tile.shadowRoot?.querySelector('[part="name"]')?.textContent === 'Alpha',
      'first identity',
    );
    tile.identity = b!;
    await waitFor(
      () => tile.shadowRoot?.querySelector('[part="name"]')?.textContent === 'Beta',
      'second identity',
    );
    await script.room.disconnect();
  });

  it('lets go of the store when removed', async () => {
    const { script, el, tiles } = await roomWith(2);
    const before = el.store.get();
    const tile = tiles()[1]!;
    const counts = countRenders([tile]);
    tile.remove();
    script.update(tile.identity, { name: 'After removal' });
    await el.store.settled();
    expect(el.store.get()).to.not.equal(before);
    expect(counts.get(tile)).to.equal(0);
    await script.room.disconnect();
  });
});

describe('<media-room> notices', () => {
  it('says a problem that does not end the call, and lets it be dismissed', async () => {
    const { script, el, tiles } = await roomWith(1);
    el.store.reportError({ code: 'camera-denied', detail: 'NotAllowedError', fatal: false });
    await el.store.settled();
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.querySelector('[part="notice-message"]')?.textContent).to.equal(
      'Camera access was denied. Allow it in the browser to be seen.',
    );
    // The call goes on underneath.
    expect(tiles()).to.have.length(2);
    await expect(el).to.be.accessible();
    notice.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
    await el.store.settled();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    await script.room.disconnect();
  });
});

/** Tiles composed inside a `<media-room>` on a scripted room with `remotes` remotes. */
async function composed(remotes: number, tiles: (ids: string[]) => unknown, lang = 'en') {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin lang=${lang}>${tiles(script.identities)}</media-room>`,
  );
  el.room = script.room;
  await el.updateComplete;
  return { script, el };
}

const part = (tile: ParticipantTile, name: string) =>
  tile.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/** A canvas's video arrives as `id`'s subscribed camera; returns it (to stop). */
function subscribeCamera(script: ScriptedRoom, id: string): MediaStreamTrack {
  const media = canvasTrack();
  const sid = script.remote(id).getTrackPublication(Track.Source.Camera)!.trackSid;
  script.subscribeMedia(id, sid, media);
  return media;
}

describe('<participant-tile> additions', () => {
  it('shows the connection quality of its participant', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`<participant-tile identity=${id!}></participant-tile>`,
    );
    const tile = el.querySelector('participant-tile')!;
    const id = script.identities[0]!;
    await tile.updateComplete;
    const quality = part(tile, 'connection-quality') as HTMLElementTagNameMap['connection-quality'];
    expect(quality.localName).to.equal('connection-quality');
    expect(quality.identity).to.equal(id);
    script.connectionQuality(id, 'poor');
    await waitFor(() => quality.matches(':state(poor)'), 'poor quality shown');
    await quality.updateComplete;
    expect(quality.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label')).to.equal(
      'Connection: poor',
    );
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });

  it('Pin fires a cancelable tile-pin with identity and source; pinned is the owner’s', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`<participant-tile identity=${id!}></participant-tile>`,
    );
    const tile = el.querySelector('participant-tile')!;
    const id = script.identities[0]!;
    await tile.updateComplete;
    const pin = part(tile, 'pin-button') as HTMLButtonElement;
    expect(pin.localName).to.equal('button');
    const name = part(tile, 'name')!.textContent!;
    expect(name).to.not.equal('');
    // Named after the participant and what it does; the name says the state (no aria-pressed).
    expect(pin.getAttribute('aria-label')).to.equal(`Pin ${name}`);
    expect(pin.hasAttribute('aria-pressed')).to.equal(false);
    expect(tile.matches(':state(pinned)')).to.equal(false);

    const events: TilePinEvent[] = [];
    const onPin = (e: TilePinEvent) => events.push(e);
    document.addEventListener('tile-pin', onPin);
    pin.click();
    document.removeEventListener('tile-pin', onPin);
    expect(events).to.have.length(1);
    const event = events[0]!;
    expect(event).to.be.instanceOf(TilePinEvent);
    expect(event.type).to.equal('tile-pin');
    expect(event.identity).to.equal(id);
    expect(event.source).to.equal('camera');
    expect(event.pinned).to.equal(true);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await tile.updateComplete;
    expect(tile.pinned, 'the tile does not pin itself').to.equal(false);

    // A listener can stop it, as the owner sees.
    tile.addEventListener('tile-pin', (e) => e.preventDefault(), { once: true });
    const stopped = nextEvent(el, 'tile-pin');
    pin.click();
    expect((await stopped).defaultPrevented).to.equal(true);

    // The owner pins it.
    tile.pinned = true;
    await tile.updateComplete;
    expect(tile.hasAttribute('pinned')).to.equal(true);
    expect(tile.matches(':state(pinned)')).to.equal(true);
    expect(pin.getAttribute('aria-label')).to.equal(`Unpin ${name}`);
    expect(pin.title).to.equal(`Unpin ${name}`);
    const unpin = nextEvent(el, 'tile-pin');
    pin.click();
    expect((await unpin).pinned).to.equal(false);
    await expect(tile).to.be.accessible();

    tile.removeAttribute('pinned');
    await tile.updateComplete;
    expect(tile.pinned).to.equal(false);
    expect(pin.getAttribute('aria-label')).to.equal(`Pin ${name}`);
    await script.room.disconnect();
  });

  it('Pin is reachable and operable by keyboard, and shown when focused', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`
        <button id="before">before</button>
        <participant-tile identity=${id!} source="camera"></participant-tile>
      `,
    );
    const tile = el.querySelector('participant-tile')!;
    await tile.updateComplete;
    const actions = part(tile, 'actions')!;
    const pin = part(tile, 'pin-button') as HTMLButtonElement;
    el.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(tile.shadowRoot!.activeElement).to.equal(pin);
    await waitFor(() => getComputedStyle(actions).opacity === '1', 'actions shown on focus');

    let fired = 0;
    const count = () => fired++;
    tile.addEventListener('tile-pin', count);
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: ' ' });
    tile.removeEventListener('tile-pin', count);
    expect(fired).to.equal(2);
    await script.room.disconnect();
  });

  it('the actions slot holds extra buttons next to Pin', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`
        <participant-tile identity=${id!}>
          <button slot="actions" aria-label="Mute for me">M</button>
          <span slot="overlay">Host</span>
        </participant-tile>
      `,
    );
    const tile = el.querySelector('participant-tile')!;
    await tile.updateComplete;
    const slot = tile.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="actions"]')!;
    expect(slot.parentElement).to.equal(part(tile, 'actions'));
    expect(slot.assignedElements().map((e) => e.getAttribute('aria-label'))).to.deep.equal([
      'Mute for me',
    ]);
    expect(slot.nextElementSibling).to.equal(part(tile, 'pin-button'));
    const overlay = tile.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="overlay"]')!;
    expect(overlay.assignedElements()).to.have.length(1);
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });

  it('a screen share: its own label, a screen icon, contain, its audio mark', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`<participant-tile identity=${id!} source="screen_share"></participant-tile>`,
    );
    const id = script.identities[0]!;
    script.update(id, { name: 'Ada Lovelace' });
    script.publishTrack(id, 'screen_share');
    const tile = el.querySelector('participant-tile')!;
    await waitFor(
      () => part(tile, 'name')?.textContent === "Ada Lovelace's screen",
      'screen-share label',
    );
    await waitFor(() => !!el.store.get().participants.get(id)?.tracks.screen_share, 'published');
    await tile.updateComplete;
    expect(part(tile, 'base')!.getAttribute('aria-label')).to.equal("Ada Lovelace's screen");
    expect(tile.matches(':state(screen-share)')).to.equal(true);
    expect(tile.matches(':state(video-off)')).to.equal(true);
    const avatar = part(tile, 'avatar')!;
    expect(avatar.textContent!.trim()).to.equal('');
    expect(avatar.querySelector('svg')).to.not.equal(null);
    expect(part(tile, 'video'), 'no <video> before there is video').to.equal(null);
    // No camera-off mark; the audio mark is the screen share's.
    expect(tile.shadowRoot!.textContent).to.not.contain('Camera off');
    expect(part(tile, 'mic-muted')!.getAttribute('aria-label')).to.equal('Screen share audio off');
    expect(tile.matches(':state(muted)')).to.equal(true);
    await expect(tile).to.be.accessible();

    script.publishTrack(id, 'screen_share_audio');
    await waitFor(() => !tile.matches(':state(muted)'), 'screen audio on');
    expect(part(tile, 'mic-muted')).to.equal(null);
    script.publishTrack(id, 'screen_share_audio', { muted: true });
    await waitFor(() => tile.matches(':state(muted)'), 'screen audio muted');
    // A microphone does not count for a screen share.
    script.publishTrack(id, 'microphone');
    await waitFor(() => !!el.store.get().participants.get(id)?.tracks.microphone, 'mic published');
    await tile.updateComplete;
    expect(tile.matches(':state(muted)')).to.equal(true);

    // The pin event names the source.
    const pinned = nextEvent(el, 'tile-pin');
    (part(tile, 'pin-button') as HTMLButtonElement).click();
    const event = await pinned;
    expect([event.identity, event.source]).to.deep.equal([id, 'screen_share']);
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });

  it('a screen share label is localized, and says "Your screen" for the local participant', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`
        <participant-tile identity=${id!} source="screen_share"></participant-tile>
        <participant-tile identity="simulated-local" source="screen_share"></participant-tile>
      `,
      'de',
    );
    const id = script.identities[0]!;
    script.update(id, { name: 'Ada' });
    const [remote, local] = [...el.querySelectorAll('participant-tile')];
    await waitFor(() => part(remote!, 'name')?.textContent === 'Bildschirm von Ada', 'German');
    expect(part(remote!, 'pin-button')!.getAttribute('aria-label')).to.equal(
      'Bildschirm von Ada anheften',
    );
    el.lang = 'en';
    await waitFor(() => part(local!, 'name')?.textContent === 'Your screen', 'local screen');
    await waitFor(
      () => part(remote!, 'pin-button')?.getAttribute('aria-label') === "Pin Ada's screen",
      'the screen’s Pin button is named after its participant',
    );
    expect(local!.matches(':state(local)')).to.equal(true);
    await expect(local!).to.be.accessible();
    await script.room.disconnect();
  });

  it('camera video fits by cover, or by --participant-tile-video-fit', async () => {
    const { script, el } = await composed(
      2,
      ([a, b]) => html`
        <participant-tile identity=${a!}></participant-tile>
        <participant-tile
          identity=${b!}
          style="--participant-tile-video-fit: contain"
        ></participant-tile>
      `,
    );
    const [first, second] = [...el.querySelectorAll('participant-tile')];
    const media = script.identities.map((id) => subscribeCamera(script, id));
    await waitFor(() => !!part(first!, 'video') && !!part(second!, 'video'), 'videos built');
    expect(getComputedStyle(part(first!, 'video')!).objectFit).to.equal('cover');
    expect(getComputedStyle(part(second!, 'video')!).objectFit).to.equal('contain');
    await script.room.disconnect();
    for (const m of media) m.stop();
  });

  it('binds by a participant property, which wins over identity', async () => {
    const { script, el } = await composed(2, () => html``);
    const [a, b] = script.identities;
    script.update(a!, { name: 'Alpha' });
    script.update(b!, { name: 'Beta' });
    const tile = document.createElement('participant-tile');
    tile.identity = b!;
    tile.participant = script.remote(a!);
    el.append(tile);
    await waitFor(() => part(tile, 'name')?.textContent === 'Alpha', 'participant bound');
    expect(part(tile, 'connection-quality')!.getAttribute('identity')).to.equal(a);
    const pinned = nextEvent(el, 'tile-pin');
    (part(tile, 'pin-button') as HTMLButtonElement).click();
    expect((await pinned).identity).to.equal(a);

    // State still comes from the store.
    script.speakers([a!]);
    await waitFor(() => tile.matches(':state(speaking)'), 'speaking from the store');
    tile.participant = script.remote(b!);
    await waitFor(() => part(tile, 'name')?.textContent === 'Beta', 'another participant');
    tile.participant = undefined;
    tile.identity = a!;
    await waitFor(() => part(tile, 'name')?.textContent === 'Alpha', 'back to identity');
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });

  it('lets go of the store, its connection quality included, when removed', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`<participant-tile identity=${id!}></participant-tile>`,
    );
    const id = script.identities[0]!;
    const tile = el.querySelector('participant-tile')!;
    await tile.updateComplete;
    const quality = part(tile, 'connection-quality') as HTMLElementTagNameMap['connection-quality'];
    await quality.updateComplete;
    const counts = countRenders([tile, quality]);
    tile.remove();
    script.connectionQuality(id, 'excellent');
    script.update(id, { name: 'After removal' });
    await el.store.settled();
    expect(el.store.get().participants.get(id)?.connectionQuality).to.equal('excellent');
    expect(counts.get(tile)).to.equal(0);
    expect(counts.get(quality)).to.equal(0);
    expect(quality.quality).to.equal('unknown');
    await script.room.disconnect();
  });
});
