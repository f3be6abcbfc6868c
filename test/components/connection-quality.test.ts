import { expect, fixture, html } from '@open-wc/testing';
import type { ConnectionQuality } from '../../src/components/connection-quality/connection-quality.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/connection-quality/connection-quality.js';
import '../../src/index.js';
import { waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

/** A `<media-room>` on a scripted room with one `<connection-quality>` for the first remote. */
async function mount(lang = 'en') {
  const script = await ScriptedRoom.create(2);
  const id = script.identities[0]!;
  const el = await fixture<MediaRoom>(html`
    <media-room skip-prejoin lang=${lang}
      ><connection-quality identity=${id}></connection-quality
    ></media-room>
  `);
  el.room = script.room;
  await el.updateComplete;
  const cq = el.querySelector<ConnectionQuality>('connection-quality')!;
  await cq.updateComplete;
  return { script, el, cq, id };
}

const label = (cq: ConnectionQuality) =>
  cq.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-label');
const litBars = (cq: ConnectionQuality) =>
  cq.shadowRoot!.querySelectorAll('[part~="bar-on"]').length;

describe('<connection-quality> on a scripted room', () => {
  it('shows every quality as bars, a custom state and a label, accessibly', async () => {
    const { script, cq, id } = await mount();
    expect(cq.quality).to.equal('unknown');
    expect(cq.matches(':state(unknown)')).to.equal(true);
    expect(label(cq)).to.equal('Connection: unknown');
    expect(cq.shadowRoot!.querySelectorAll('[part~="bar"]')).to.have.length(3);
    expect(litBars(cq)).to.equal(0);
    await expect(cq).to.be.accessible();

    const expected = { excellent: 3, good: 2, poor: 1, lost: 0 } as const;
    for (const quality of ['excellent', 'good', 'poor', 'lost'] as const) {
      script.connectionQuality(id, quality);
      await waitFor(() => cq.matches(`:state(${quality})`), `${quality} state`);
      await cq.updateComplete;
      expect(cq.quality).to.equal(quality);
      expect(label(cq)).to.equal(`Connection: ${quality}`);
      expect(litBars(cq), `${quality} bars`).to.equal(expected[quality]);
      expect(cq.shadowRoot!.querySelector('[part="base"]')!.getAttribute('role')).to.equal('img');
      expect(!!cq.shadowRoot!.querySelector('[part="lost-mark"]')).to.equal(quality === 'lost');
      const others = ['excellent', 'good', 'poor', 'lost', 'unknown'].filter((q) => q !== quality);
      for (const other of others) expect(cq.matches(`:state(${other})`)).to.equal(false);
      await expect(cq).to.be.accessible();
    }
    await script.room.disconnect();
  });

  it('follows the local participant and a change of identity', async () => {
    const { script, cq, id } = await mount();
    const local = script.room.localParticipant.identity;
    script.connectionQuality(local, 'poor');
    script.connectionQuality(id, 'excellent');
    await waitFor(() => cq.quality === 'excellent', 'remote quality');
    cq.identity = local;
    await waitFor(() => cq.quality === 'poor', 'local quality');
    cq.identity = 'nobody';
    await waitFor(() => cq.quality === 'unknown', 'no such participant');
    await script.room.disconnect();
  });

  it('is localized', async () => {
    const { script, cq, id } = await mount('de');
    script.connectionQuality(id, 'good');
    await waitFor(() => label(cq) === 'Verbindung: gut', 'German label');
    await script.room.disconnect();
  });

  it('re-renders only for its own participant, and lets go of the store when removed', async () => {
    const { script, el, cq, id } = await mount();
    const other = script.identities[1]!;
    let renders = 0;
    const render = cq.render.bind(cq);
    cq.render = () => {
      renders++;
      return render();
    };
    script.connectionQuality(other, 'poor');
    script.update(id, { name: 'Renamed' });
    await el.store.settled();
    await cq.updateComplete;
    expect(renders, 'no render for others or for a rename').to.equal(0);
    script.connectionQuality(id, 'lost');
    await waitFor(() => cq.quality === 'lost', 'own change');
    expect(renders).to.equal(1);
    cq.remove();
    script.connectionQuality(id, 'good');
    await el.store.settled();
    expect(renders, 'no render once removed').to.equal(1);
    await script.room.disconnect();
  });

  it('shows unknown without a room', async () => {
    const cq = await fixture<ConnectionQuality>(
      html`<connection-quality identity="x"></connection-quality>`,
    );
    expect(cq.quality).to.equal('unknown');
    expect(label(cq)).to.equal('Connection: unknown');
    await expect(cq).to.be.accessible();
  });
});
