import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/** A `<media-room>` showing a scripted room (no server) in its default UI. */
async function roomWith(remotes: number) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(html`<media-room></media-room>`);
  el.room = script.room;
  await el.updateComplete;
  const tiles = () => [...el.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile')];
  await waitFor(() => tiles().length === remotes + 1, 'a tile per participant');
  await Promise.all(tiles().map((t) => t.updateComplete));
  return { script, el, tiles };
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
    expect(tile.shadowRoot!.querySelector('video')!.hidden).to.equal(true);
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
    const { script, el, tiles } = await roomWith(11);
    const ids = script.identities;
    script.speakers([ids[0]!]);
    await waitFor(
      () =>
        tiles()
          .find((t) => t.identity === ids[0])!
          .matches(':state(speaking)'),
      'first speaker shown',
    );
    await Promise.all([el.updateComplete, ...tiles().map((t) => t.updateComplete)]);

    const counts = countRenders([el, ...tiles()]);
    script.speakers([ids[5]!]);
    await waitFor(
      () =>
        tiles()
          .find((t) => t.identity === ids[5])!
          .matches(':state(speaking)'),
      'new speaker shown',
    );
    await Promise.all([el.updateComplete, ...tiles().map((t) => t.updateComplete)]);

    const rendered = tiles()
      .filter((t) => counts.get(t)! > 0)
      .map((t) => t.identity)
      .sort();
    expect(rendered).to.deep.equal([ids[0]!, ids[5]!].sort());
    expect(counts.get(el), '<media-room> renders').to.equal(0);
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
    const { script, el } = await roomWith(1);
    el.store.reportError({ code: 'camera-denied', detail: 'NotAllowedError', fatal: false });
    await el.store.settled();
    await el.updateComplete;
    const notice = el.shadowRoot!.querySelector('[part="notice"]')!;
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.querySelector('[part="notice-message"]')?.textContent).to.equal(
      'Camera access was denied. Allow it in the browser to be seen.',
    );
    // The call goes on underneath.
    expect(el.shadowRoot!.querySelectorAll('participant-tile')).to.have.length(2);
    await expect(el).to.be.accessible();
    notice.querySelector<HTMLButtonElement>('[part="dismiss"]')!.click();
    await el.store.settled();
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="notice"]')).to.equal(null);
    await script.room.disconnect();
  });
});
