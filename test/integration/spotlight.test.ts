import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/index.js';
import { selectHostLayout } from '../../src/store/host-layout.js';
import { callRoot, mountRoom, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

/** Joins `room` through the dev token route, as a host or not (dev/roles.ts). */
const mountAs = (room: string, identity: string, role = ''): Promise<MediaRoom> =>
  mountRoom(room, identity, { role, style: 'height: 30rem; width: 48rem' });

const grid = (el: MediaRoom) => callRoot(el)!.querySelector<LayoutGrid>('layout-grid')!;
/** The identity of the large tile, '' when the grid shows none. */
const featured = (el: MediaRoom): string => {
  const main = grid(el).shadowRoot!.querySelector<HTMLElement>('[part="main"]')!;
  if (main.hidden) return '';
  return main.querySelector('participant-tile')?.getAttribute('identity') ?? '';
};
/** The identities of the grid's (or strip's) tiles, in order. */
const order = (el: MediaRoom): string[] =>
  [...grid(el).shadowRoot!.querySelectorAll('[part="grid"] participant-tile')].map(
    (t) => t.getAttribute('identity') ?? '',
  );
const list = (el: MediaRoom) => callRoot(el)!.querySelector<ParticipantList>('participant-list')!;
const spotlightButton = (el: MediaRoom, identity: string) =>
  list(el)
    .shadowRoot!.querySelector(`li[data-identity="${CSS.escape(identity)}"]`)
    ?.querySelector<HTMLButtonElement>('button[part~="spotlight"]') ?? null;

async function openList(el: MediaRoom): Promise<void> {
  const toggle = callRoot(el)!.querySelector('control-bar')!.querySelector('participants-toggle')!;
  toggle.shadowRoot!.querySelector('button')!.click();
  await waitFor(() => !list(el).hidden, 'the participant list opens');
}

describe('spotlight and positions for everyone against a real livekit-server', () => {
  useLiveHooks();

  it('a host spotlights a participant for everyone; a local pin wins; clearing brings the automatic layout back', async () => {
    const room = uniqueRoom('spotlight');
    const host = await mountAs(room, 'host', 'host');
    const ann = await mountAs(room, 'ann');
    const bob = await mountAs(room, 'bob');
    const everyone = [host, ann, bob];
    await waitFor(
      () => everyone.every((el) => el.store.get().remotes.length === 2),
      'everyone sees the two others',
    );
    expect(everyone.map(featured)).to.deep.equal(['', '', ''], 'no large tile at first');

    // Only the host is offered the toggle.
    await openList(host);
    await openList(ann);
    await waitFor(() => !!spotlightButton(host, 'bob'), 'the host is offered the spotlight');
    expect(spotlightButton(ann, 'bob') === null, 'not offered to a participant').to.equal(true);
    const toggle = spotlightButton(host, 'bob')!;
    expect(toggle.getAttribute('aria-label')).to.equal('Spotlight Name of bob for everyone');
    expect(toggle.getAttribute('aria-pressed')).to.equal('false');
    toggle.click();

    await waitFor(() => everyone.every((el) => featured(el) === 'bob'), 'bob is large everywhere');
    await waitFor(
      () => spotlightButton(host, 'bob')?.getAttribute('aria-pressed') === 'true',
      'the toggle is pressed',
    );
    expect(spotlightButton(host, 'bob')!.getAttribute('aria-label')).to.equal(
      'Remove spotlight from Name of bob',
    );
    // The large tile says so.
    const tile = grid(ann).shadowRoot!.querySelector('[part="main"] participant-tile')!;
    await waitFor(
      () =>
        tile.shadowRoot!.querySelector('[part="spotlight"]')?.textContent?.trim() === 'Spotlight',
      'the tile is marked "Spotlight"',
    );

    // Ann pins the host: her pin wins for her, the others still see bob.
    grid(ann).pin('host');
    await waitFor(() => featured(ann) === '' && order(ann)[0] === 'host', 'ann sees her pin');
    expect(featured(bob)).to.equal('bob');
    expect(featured(host)).to.equal('bob');

    // Cleared: the automatic layout returns for everyone (ann keeps her pin).
    spotlightButton(host, 'bob')!.click();
    await waitFor(
      () => featured(host) === '' && featured(bob) === '',
      'no large tile without the spotlight',
    );
    expect(order(ann)[0]).to.equal('host');
    // No tile anywhere says "Spotlight" any more.
    await waitFor(
      () =>
        everyone.every(
          (el) =>
            ![...grid(el).shadowRoot!.querySelectorAll('participant-tile')].some(
              (t) => !!t.shadowRoot?.querySelector('[part="spotlight"]'),
            ),
        ),
      'the Spotlight mark is gone',
    );
    expect(selectHostLayout(bob.store.get()).spotlight).to.equal(undefined);
    await Promise.all(everyone.map((el) => el.leave()));
  });

  it('positions reorder the tiles for everyone until cleared', async () => {
    const room = uniqueRoom('positions');
    const host = await mountAs(room, 'host', 'host');
    const ann = await mountAs(room, 'ann');
    const bob = await mountAs(room, 'bob');
    const everyone = [host, ann, bob];
    await waitFor(
      () => everyone.every((el) => order(el).length === 3),
      'everyone shows three tiles',
    );
    // Automatic: your own tile first.
    expect(order(ann)[0]).to.equal('ann');
    expect(order(bob)[0]).to.equal('bob');

    await host.session.setPositions({ bob: 0, host: 1, ann: 2 });
    await waitFor(
      () => everyone.every((el) => order(el).join() === 'bob,host,ann'),
      'the same order for everyone',
    );
    await host.session.setPositions({ ann: 0 });
    await waitFor(() => everyone.every((el) => order(el)[0] === 'ann'), 'ann first for everyone');
    await host.session.setPositions(null);
    await waitFor(
      () => everyone.every((el) => selectHostLayout(el.store.get()).positions.size === 0),
      'the places are cleared',
    );
    expect(order(host)).to.have.members(['host', 'ann', 'bob']);
    await Promise.all(everyone.map((el) => el.leave()));
  });

  it('the server refuses a spotlight or positions from a participant who is not a host', async () => {
    const room = uniqueRoom('spot-refused');
    const host = await mountAs(room, 'host', 'host');
    const ann = await mountAs(room, 'ann');
    await waitFor(() => ann.store.get().remotes.length === 1, 'ann sees the host');
    let refused: unknown;
    await ann.session.spotlight('ann').catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('403');
    await waitFor(
      () => ann.store.get().error?.code === 'moderation-failed',
      'the failure is reported',
    );
    expect(ann.shadowRoot!.querySelector('[part="notice"]')?.textContent).to.contain(
      'The action could not be carried out.',
    );
    refused = undefined;
    await ann.session.setPositions({ ann: 0 }).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('403');
    expect(host.store.get().room.metadata).to.equal(ann.store.get().room.metadata);
    expect(selectHostLayout(host.store.get()).spotlight).to.equal(undefined);
    expect(featured(host)).to.equal('');
    await Promise.all([host.leave(), ann.leave()]);
  });
});
