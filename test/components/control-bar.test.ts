import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/control-bar/control-bar.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

const EXTRA = 'color: #f3f4f6; background: #1f2937';

async function mount(attrs = '') {
  const script = await ScriptedRoom.create(1);
  // The extra buttons are styled, as an app's own would be: an unstyled one takes the room's
  // dark color-scheme, whose white text WebKitGTK draws on its light grey button face.
  const el = await fixture<MediaRoom>(html`
    <media-room>
      <div style="width: 900px">
        <control-bar>
          <button slot="start" style=${EXTRA}>Start extra</button>
          <button slot="end" style=${EXTRA}>End extra</button>
        </control-bar>
      </div>
    </media-room>
  `);
  const bar = el.querySelector('control-bar')!;
  for (const a of attrs.split(' ').filter(Boolean)) bar.setAttribute(a, '');
  el.room = script.room;
  await bar.updateComplete;
  const part = (name: string) => bar.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`);
  await waitFor(
    () => !part('leave')?.shadowRoot?.querySelector('button')?.disabled,
    'controls ready in the room',
  );
  return { script, el, bar, part };
}

describe('<control-bar> on a scripted room', () => {
  it('composes toggles, pickers, screen share and leave in a labelled group; accessible', async () => {
    const { script, bar, part } = await mount();
    const base = part('base')!;
    expect(base.getAttribute('role')).to.equal('group');
    expect(base.getAttribute('aria-label')).to.equal('Call controls');
    for (const name of [
      'microphone',
      'microphone-picker',
      'camera',
      'camera-picker',
      'screen-share',
      'leave',
    ]) {
      expect(part(name), name).to.not.equal(null);
    }
    expect(part('speaker-picker')).to.equal(null);
    expect(part('microphone')!.getAttribute('source')).to.equal('microphone');
    expect(part('camera-picker')!.getAttribute('kind')).to.equal('videoinput');
    const slots = [...bar.shadowRoot!.querySelectorAll('slot')].map((s) => [
      s.name,
      s.assignedElements().map((e) => e.textContent),
    ]);
    expect(slots).to.deep.equal([
      ['start', ['Start extra']],
      ['end', ['End extra']],
    ]);
    await expect(bar).to.be.accessible();
    await script.room.disconnect();
  });

  it('attributes leave parts out or add the speaker picker', async () => {
    const { script, part } = await mount(
      'no-screen-share no-leave no-device-pickers speaker-picker no-camera',
    );
    expect(part('screen-share')).to.equal(null);
    expect(part('leave')).to.equal(null);
    expect(part('microphone-picker')).to.equal(null);
    expect(part('camera')).to.equal(null);
    expect(part('microphone')).to.not.equal(null);
    expect(part('speaker-picker')).to.not.equal(null);
    await script.room.disconnect();
  });

  it('condenses to icons on narrow widths, keeping accessible names', async () => {
    const { script, el, bar, part } = await mount();
    const label = () =>
      part('microphone')!.shadowRoot!.querySelector<HTMLElement>('[part="label"]')!;
    expect(label().getBoundingClientRect().width).to.be.greaterThan(20);
    el.querySelector('div')!.style.width = '320px';
    await waitFor(() => label().getBoundingClientRect().width <= 1, 'label hidden visually');
    await expect(bar).to.be.accessible();
    await script.room.disconnect();
  });

  it('Tab moves through every control in order (keyboard)', async () => {
    const { script, el, bar } = await mount();
    const inner = (n: string) =>
      bar.shadowRoot!.querySelector(`[part="${n}"]`)!.shadowRoot!.querySelector('button')!;
    const expected = [
      el.querySelector('[slot="start"]')!,
      inner('microphone'),
      inner('microphone-picker'),
      inner('camera'),
      inner('camera-picker'),
      inner('screen-share'),
      el.querySelector('[slot="end"]')!,
      inner('leave'),
    ];
    (expected[0] as HTMLElement).focus();
    const seen: Element[] = [];
    for (let i = 0; i < expected.length; i++) {
      let active: Element | null = document.activeElement;
      while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
      seen.push(active!);
      if (i < expected.length - 1) await sendKeys({ press: 'Tab' });
    }
    expect(seen).to.deep.equal(expected);
    await script.room.disconnect();
  });
});
