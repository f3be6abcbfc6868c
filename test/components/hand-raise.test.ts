import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/index.js';
import { HAND_ATTRIBUTE, selectRaisedHands } from '../../src/store/index.js';
import { waitFor, callRoot } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('raised hands on a scripted room', () => {
  it('queues hands in the order raised, and marks each tile with its place', async () => {
    const script = await ScriptedRoom.create(3);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="height: 40rem"></media-room>`,
    );
    el.room = script.room;
    const [a, b, c] = script.identities;
    const tile = (id: string) =>
      callRoot(el)
        ?.querySelector('layout-grid')
        ?.shadowRoot?.querySelector<ParticipantTile>(`participant-tile[identity="${id}"]`);
    await waitFor(() => !!tile(c!), 'tiles');

    // `c` raised first, then `a`; `b` never.
    script.update(c!, { attributes: { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' } });
    script.update(a!, { attributes: { [HAND_ATTRIBUTE]: '2026-11-22T10:00:05.000Z' } });
    await el.store.settled();
    expect(selectRaisedHands(el.store.get())).to.deep.equal([c, a]);
    const label = (id: string) =>
      tile(id)?.shadowRoot?.querySelector('[part="hand"]')?.getAttribute('aria-label');
    await waitFor(() => label(a!) === 'Hand raised (2 in line)', 'a is second');
    expect(label(c!)).to.equal('Hand raised (1 in line)');
    expect(label(b!)).to.equal(undefined);
    expect(tile(c!)!.matches(':state(hand-raised)')).to.equal(true);
    await expect(tile(a!)!).to.be.accessible();

    // `c` lowers: `a` moves up.
    script.update(c!, { attributes: { [HAND_ATTRIBUTE]: '' } });
    await waitFor(() => label(a!) === 'Hand raised (1 in line)', 'a moves up');
    expect(label(c!)).to.equal(undefined);
    await script.room.disconnect();
  });
});
