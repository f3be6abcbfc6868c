import { expect, fixture, html } from '@open-wc/testing';
import { DisconnectReason } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/participant-list/participant-list.js';
import { sendKeys } from '../helpers/input.js';
import { waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

const name = (i: number) => `Viewer ${String(i).padStart(4, '0')}`;

/**
 * A `<participant-list>` 400 px high in a `<media-room>` on a scripted room of `count` remote
 * participants (a webinar's audience: viewers, named `Viewer 0000`…), joined in one update.
 */
async function mount(count: number) {
  const script = await ScriptedRoom.create(0);
  const ids = Array.from({ length: count }, (_, i) => `viewer-${i}`);
  script.joinMany(ids.map((identity, i) => ({ identity, name: name(i), viewer: true })));
  const el = await fixture<MediaRoom>(html`
    <media-room skip-prejoin>
      <participant-list style="display:block;height:400px"></participant-list>
    </media-room>
  `);
  el.room = script.room;
  const list = el.querySelector('participant-list')! as ParticipantList;
  const root = list.shadowRoot!;
  const items = () => [...root.querySelectorAll<HTMLElement>('li[data-identity]')];
  const row = (id: string) => items().find((li) => li.dataset.identity === id);
  const scroller = () => root.querySelector<HTMLElement>('.scroller')!;
  await waitFor(() => items().length > 0, 'rows rendered');
  await el.store.settled();
  await list.updateComplete;
  return { script, el, list, root, ids, items, row, scroller };
}

describe('<participant-list> with 1000 participants', () => {
  it('renders only the rows in view, each saying its place, and the last once scrolled to', async () => {
    const m = await mount(1000);
    const rendered = m.items();
    expect(rendered.length, 'a few dozen rows, not 1001').to.be.within(3, 120);
    // You first, then the audience in join order; every row tells its place in the whole list.
    const audience = m.root.querySelectorAll('ul[data-list]');
    const last = audience[audience.length - 1]!;
    const first = last.querySelector<HTMLElement>('li[data-identity]')!;
    expect(first.dataset.identity).to.equal(m.ids[0]);
    expect(first.getAttribute('aria-posinset')).to.equal('1');
    expect(first.getAttribute('aria-setsize')).to.equal('1000');
    // The list keeps the height of all its rows.
    expect(m.scroller().scrollHeight).to.be.greaterThan(1000 * 30);
    expect(m.root.querySelector('[part="count"]')!.textContent).to.equal('(1001)');

    m.scroller().scrollTop = m.scroller().scrollHeight;
    await waitFor(() => !!m.row(m.ids[999]!), 'the last participant rendered');
    const end = m.row(m.ids[999]!)!;
    expect(end.getAttribute('aria-posinset')).to.equal('1000');
    expect(end.querySelector('[part="name"]')!.textContent!.trim()).to.equal(name(999));
    // In view: the row's box is inside the scroller's.
    await waitFor(() => {
      const box = end.getBoundingClientRect();
      const view = m.scroller().getBoundingClientRect();
      return box.bottom <= view.bottom + 1 && box.top >= view.top - 1;
    }, 'the last row in view');
    expect(m.items().length).to.be.within(3, 120);
    await expect(m.list).to.be.accessible();
    await m.script.room.disconnect();
  });

  it('moves with Tab past the rows that were in view, never out of the list', async () => {
    const m = await mount(300);
    const first = new Set(m.items().map((li) => li.dataset.identity));
    const filter = m.root.querySelector<HTMLInputElement>('[part="filter"]')!;
    filter.focus();
    const inRow = () => (m.root.activeElement as HTMLElement | null)?.closest<HTMLElement>('li');
    // A key press is over once focus has moved (on a loaded machine it can land after sendKeys
    // returns).
    const press = async (key: 'Tab' | 'Shift+Tab') => {
      const from = m.root.activeElement;
      await sendKeys({ press: key });
      await waitFor(() => m.root.activeElement !== from, `${key} moves focus`);
    };
    // Firefox stops on the scrolling box itself first.
    for (let i = 0; i < 3 && !inRow(); i += 1) await press('Tab');
    const start = Number(inRow()!.getAttribute('aria-posinset'));
    // Each remote row has one control (the volume); the local row none.
    const presses = first.size + 5;
    const seen: string[] = [];
    for (let i = 0; i < presses; i += 1) {
      await press('Tab');
      expect(!!inRow(), `Tab ${i + 1} stays in a row`).to.equal(true);
      seen.push(inRow()!.getAttribute('aria-posinset')!);
    }
    const at = (m.root.activeElement as HTMLElement).closest<HTMLElement>('li')!;
    expect(first.has(at.dataset.identity), 'a row that was not rendered at first').to.equal(false);
    expect(Number(at.getAttribute('aria-posinset')), `${start} ${seen.join(',')}`).to.equal(
      start + presses,
    );
    // And back up with Shift+Tab.
    await press('Shift+Tab');
    const back = (m.root.activeElement as HTMLElement).closest<HTMLElement>('li')!;
    expect(Number(back.getAttribute('aria-posinset'))).to.equal(start + presses - 1);
    await m.script.room.disconnect();
  });

  it('finds a participant far off-screen by search', async () => {
    const m = await mount(1000);
    expect(m.row(m.ids[977]!), 'not rendered before').to.equal(undefined);
    const filter = m.root.querySelector<HTMLInputElement>('[part="filter"]')!;
    // The field as typing leaves it (WebKitGTK's driver drops a key now and then).
    filter.value = 'viewer 0977';
    filter.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await waitFor(() => m.items().length === 1, 'one row');
    expect(m.items()[0]!.dataset.identity).to.equal(m.ids[977]);
    expect(m.items()[0]!.getAttribute('aria-setsize')).to.equal('1');
    expect(m.root.querySelector('[part="status"]')!.textContent!.trim()).to.equal(
      '1 of 1001 shown',
    );
    await m.script.room.disconnect();
  });
});

describe('<participant-list> and a participant reconnecting', () => {
  it('marks a participant kept through a grace period as reconnecting', async () => {
    const m = await mount(3);
    const [a, b] = m.ids as [string, string];
    m.script.leave(a, DisconnectReason.SIGNAL_CLOSE);
    await waitFor(() => !!m.row(a)?.querySelector('[part="reconnecting"]'), 'marked');
    expect(m.row(a)!.querySelector('[part="reconnecting"]')!.textContent).to.equal('Reconnecting…');
    expect(m.row(a)!.classList.contains('reconnecting')).to.equal(true);
    expect(m.row(b)!.querySelector('[part="reconnecting"]')).to.equal(null);
    await expect(m.list).to.be.accessible();
    m.script.joinMany([{ identity: a, name: name(0), viewer: true }]);
    await waitFor(() => !m.row(a)?.querySelector('[part="reconnecting"]'), 'back');
    expect(m.row(a)!.classList.contains('reconnecting')).to.equal(false);
    await m.script.room.disconnect();
  });
});
