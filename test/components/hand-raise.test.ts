import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/index.js';
import { HAND_ATTRIBUTE, selectRaisedHands } from '../../src/store/index.js';
import { waitFor, waitForValue, callRoot } from '../helpers/live.js';
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

  it('<hand-raise-button> asks the session’s hand raiser; pressed follows the store, not the click', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="height: 40rem"></media-room>`,
    );
    el.room = script.room;
    const local = script.room.localParticipant.identity;
    // The server helper's grant: the participant may not write its own attributes.
    script.setPermissions(local, {});
    const button = await waitForValue(
      () => callRoot(el)?.querySelector('control-bar')?.querySelector('hand-raise-button'),
      'the button',
    );
    await waitFor(() => button.matches(':state(forbidden)'), 'no way to raise a hand yet');
    expect(getComputedStyle(button).display).to.equal('none');

    const asked: boolean[] = [];
    el.session.setHandRaiser(async (raised) => {
      asked.push(raised);
    });
    await waitFor(() => !button.matches(':state(forbidden)'), 'raised through the server');
    const inner = button.shadowRoot!.querySelector('button')!;
    inner.click();
    await waitFor(() => asked.length === 1, 'asked');
    expect(asked).to.deep.equal([true]);
    await el.updateComplete;
    // Nothing changed on the server yet: still lowered.
    expect(button.raised).to.equal(false);
    expect(inner.getAttribute('aria-pressed')).to.equal('false');
    // The server's stamp arrives.
    script.setAttributes(local, { [HAND_ATTRIBUTE]: new Date().toISOString() });
    await waitFor(() => inner.getAttribute('aria-pressed') === 'true', 'pressed');
    expect(selectRaisedHands(el.store.get())).to.deep.equal([local]);
    await waitFor(() => inner.getAttribute('aria-busy') === 'false', 'answered');
    inner.click();
    await waitFor(() => asked.length === 2, 'asked again');
    expect(asked).to.deep.equal([true, false]);
    await script.room.disconnect();
  });
});
