import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/layout-grid/layout-grid.js';
import {
  REACTION_MS,
  REACTION_TOPIC,
  REACTIONS_PER_SENDER,
  selectReactionsOf,
} from '../../src/store/index.js';
import { receiveData } from '../helpers/data-packet.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor, callRoot } from '../helpers/live.js';
import { itIn } from '../engines.js';

/** A `<media-room>` showing a scripted room (no server) in its default UI. */
async function mount(remotes: number) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin style="height: 40rem"></media-room>`,
  );
  el.room = script.room;
  const grid = () => callRoot(el)?.querySelector('layout-grid') as LayoutGrid;
  const tiles = () => [
    ...(grid()?.shadowRoot?.querySelectorAll<ParticipantTile>('participant-tile') ?? []),
  ];
  const tile = (identity: string, source = 'camera') =>
    tiles().find((t) => t.identity === identity && t.source === source);
  await waitFor(() => tiles().length === remotes + 1, 'a tile per participant');
  await Promise.all(tiles().map((t) => t.updateComplete));
  const shown = (identity: string, source = 'camera') => [
    ...(tile(identity, source)?.shadowRoot?.querySelectorAll('[part="reaction"]') ?? []),
  ];
  const announced = (identity: string) =>
    [...(tile(identity)?.shadowRoot?.querySelectorAll('[role="status"] span') ?? [])].map(
      (s) => s.textContent,
    );
  return { script, el, grid, tiles, tile, shown, announced };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('reactions over <participant-tile> on a scripted room', () => {
  it('shows an incoming reaction over the sender’s tile, announces it once, and drops it after REACTION_MS', async () => {
    const { script, el, tile, shown, announced } = await mount(2);
    const [a, b] = script.identities as [string, string];
    script.update(a, { name: 'Ada Lovelace' });
    await waitFor(() => tile(a)!.shadowRoot!.textContent!.includes('Ada Lovelace'), 'named');

    const layer = () => tile(a)!.shadowRoot!.querySelector('[part="reactions"]');
    expect(layer(), 'no reactions layer before a reaction').to.equal(null);
    expect(
      tile('simulated-local')!.shadowRoot!.querySelector('[role="status"]'),
      'your own tile announces none: no live region',
    ).to.equal(null);

    const sentAt = Date.now();
    receiveData(script.room, a, REACTION_TOPIC, '🎉');
    await waitFor(() => shown(a).length === 1, 'shown over the sender’s tile');
    const emoji = shown(a)[0]!;
    expect(emoji.textContent).to.equal('🎉');
    expect(emoji.closest('[part="reactions"]')!.getAttribute('aria-hidden')).to.equal('true');
    expect(getComputedStyle(emoji).animationName).to.equal('mr-reaction-rise');
    expect(shown(b), 'not over anyone else’s').to.have.length(0);
    expect(shown('simulated-local')).to.have.length(0);
    const region = tile(a)!.shadowRoot!.querySelector('[role="status"]')!;
    expect(region.getAttribute('aria-live')).to.equal('polite');
    expect(announced(a)).to.deep.equal(['Ada Lovelace: Celebration']);
    await expect(tile(a)!).to.be.accessible();

    // A second one adds a second line (announced on its own); the first stays as it was.
    receiveData(script.room, a, REACTION_TOPIC, '👍');
    await waitFor(() => shown(a).length === 2, 'two shown');
    expect(shown(a)[0], 'the first keeps its element (its animation goes on)').to.equal(emoji);
    expect(announced(a)).to.deep.equal(['Ada Lovelace: Celebration', 'Ada Lovelace: Thumbs up']);

    // Gone after REACTION_MS (and not long after).
    await waitFor(() => !shown(a).includes(emoji), 'the first is dropped', REACTION_MS + 3000);
    expect(Date.now() - sentAt).to.be.at.least(REACTION_MS - 50);
    await waitFor(() => shown(a).length === 0, 'all dropped', REACTION_MS + 3000);
    expect(announced(a)).to.deep.equal([]);
    expect(el.store.get().reactions).to.deep.equal([]);
    expect(layer(), 'the layer goes with the last reaction').to.equal(null);
    expect(region.isConnected, 'the live region stays').to.equal(true);
    await script.room.disconnect();
  });

  it('shows nothing for a payload that is not an allowed emoji, or one on another topic', async () => {
    const { script, el, tile, shown, announced } = await mount(1);
    const [a] = script.identities as [string];
    receiveData(script.room, a, REACTION_TOPIC, '<img src=x onerror=alert(1)>');
    receiveData(script.room, a, REACTION_TOPIC, '🦄');
    receiveData(script.room, a, REACTION_TOPIC, '👍👍');
    receiveData(script.room, a, REACTION_TOPIC, new Uint8Array([0xff, 0xfe]));
    receiveData(script.room, a, 'something-else', '👍');
    // Then an allowed one: once it shows, everything before it has been handled.
    receiveData(script.room, a, REACTION_TOPIC, '😮');
    await waitFor(() => shown(a).length > 0, 'the allowed one shows');
    await el.store.settled();
    expect(shown(a).map((e) => e.textContent)).to.deep.equal(['😮']);
    expect(announced(a)).to.have.length(1);
    expect(tile(a)!.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.store.get().reactions.map((r) => r.emoji)).to.deep.equal(['😮']);
    await script.room.disconnect();
  });

  it(`shows at most REACTIONS_PER_SENDER (${REACTIONS_PER_SENDER}) at once per sender`, async () => {
    const { script, el, shown } = await mount(2);
    const [a, b] = script.identities as [string, string];
    for (let i = 0; i < REACTIONS_PER_SENDER + 3; i += 1) {
      receiveData(script.room, a, REACTION_TOPIC, '👏');
    }
    receiveData(script.room, b, REACTION_TOPIC, '❤️');
    await waitFor(() => shown(b).length === 1, 'the other sender is not limited by the first');
    await el.store.settled();
    expect(shown(a)).to.have.length(REACTIONS_PER_SENDER);
    expect(selectReactionsOf(a)(el.store.get())).to.have.length(REACTIONS_PER_SENDER);
    await script.room.disconnect();
  });

  it('a reaction from A re-renders A’s tile only (not B’s, yours, the grid or the room)', async () => {
    const { script, el, grid, tiles, tile, shown } = await mount(3);
    const [a, b] = script.identities as [string, string];
    // The grid measures itself in the frame after its layout is observed, and re-renders for it:
    // counted from after that (three frames), as a busy machine can delay it past the mount.
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    for (let i = 0; i < 3; i += 1) await frame();
    await grid().updateComplete;
    const counts = new Map<object, number>();
    for (const element of [el, grid(), ...tiles()] as Array<{ render(): unknown }>) {
      counts.set(element, 0);
      const render = element.render.bind(element);
      element.render = () => {
        counts.set(element, counts.get(element)! + 1);
        return render();
      };
    }
    receiveData(script.room, a, REACTION_TOPIC, '😂');
    await waitFor(() => shown(a).length === 1, 'shown');
    // A fixed window on purpose: this proves other elements do not render (a late render from a
    // frame or timer included), and there is no event to wait for when nothing should happen.
    await sleep(100);
    expect(counts.get(tile(a)!), 'A’s tile').to.equal(1);
    expect(counts.get(tile(b)!), 'B’s tile').to.equal(0);
    expect(counts.get(tile('simulated-local')!), 'your tile').to.equal(0);
    expect(counts.get(grid()), '<layout-grid>').to.equal(0);
    expect(counts.get(el), '<media-room>').to.equal(0);
    await script.room.disconnect();
  });

  it('shows none on a screen-share tile (the camera tile has them)', async () => {
    const { script, tile, shown } = await mount(1);
    const [a] = script.identities as [string];
    script.publishTrack(a, 'screen_share');
    await waitFor(() => !!tile(a, 'screen_share'), 'a screen-share tile');
    receiveData(script.room, a, REACTION_TOPIC, '👍');
    await waitFor(() => shown(a).length === 1, 'over the camera tile');
    expect(shown(a, 'screen_share')).to.have.length(0);
    expect(tile(a, 'screen_share')!.shadowRoot!.querySelector('[part="reactions"]')).to.equal(null);
    await script.room.disconnect();
  });

  itIn('with reduced motion, a reaction fades in place instead of rising', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { script, shown } = await mount(1);
      const [a] = script.identities as [string];
      receiveData(script.room, a, REACTION_TOPIC, '👍');
      await waitFor(() => shown(a).length === 1, 'shown');
      expect(getComputedStyle(shown(a)[0]!).animationName).to.equal('mr-reaction-fade');
      await script.room.disconnect();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
  });
});
