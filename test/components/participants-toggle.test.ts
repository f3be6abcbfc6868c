import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantsToggle } from '../../src/components/participants-toggle/participants-toggle.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/participants-toggle/participants-toggle.js';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import { nextEvent, waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

async function mount(remotes = 2) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin><participants-toggle></participants-toggle></media-room>`,
  );
  el.room = script.room;
  const toggle = el.querySelector('participants-toggle')! as ParticipantsToggle;
  await el.store.settled();
  await toggle.updateComplete;
  const root = toggle.shadowRoot!;
  const button = () => root.querySelector('button')!;
  return { script, el, toggle, root, button };
}

describe('<participants-toggle> on a scripted room', () => {
  it('shows the number of participants in a badge and its description', async () => {
    const { script, toggle, root, button } = await mount(2);
    expect(toggle.count).to.equal(3);
    expect((root.querySelector('[part="badge"]') as HTMLElement).dataset.count).to.equal('3');
    expect(button().getAttribute('aria-label')).to.equal('Participants');
    expect(root.getElementById(button().getAttribute('aria-describedby')!)!.textContent).to.equal(
      '3 participants',
    );
    expect(root.querySelector('[part="hands"]')).to.equal(null);
    await expect(toggle).to.be.accessible();

    script.join('eve', 'Eve Ng');
    await waitFor(
      () => (root.querySelector('[part="badge"]') as HTMLElement | null)?.dataset.count === '4',
      'eve counted',
    );
    await script.room.disconnect();
  });

  it('marks raised hands, in its name and state', async () => {
    const { script, toggle, root, button } = await mount(2);
    const [a, b] = script.identities as [string, string];
    script.setAttributes(a, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    await waitFor(() => toggle.hands === 1, 'one hand');
    await toggle.updateComplete;
    expect(button().getAttribute('aria-label')).to.equal('Participants, 1 hand raised');
    expect(toggle.matches(':state(hands)')).to.equal(true);
    expect((root.querySelector('[part="hands"]') as HTMLElement).dataset.count).to.equal('1');
    expect(root.querySelector('[part="hands"] svg')).to.not.equal(null);

    script.setAttributes(b, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:02.000Z' });
    await waitFor(
      () => button().getAttribute('aria-label') === 'Participants, 2 hands raised',
      '2',
    );
    await expect(toggle).to.be.accessible();

    script.setAttributes(a, { [HAND_ATTRIBUTE]: '' });
    script.setAttributes(b, { [HAND_ATTRIBUTE]: '' });
    await waitFor(() => button().getAttribute('aria-label') === 'Participants', 'all lowered');
    expect(toggle.matches(':state(hands)')).to.equal(false);
    expect(root.querySelector('[part="hands"]')).to.equal(null);
    await script.room.disconnect();
  });

  it('toggles pressed with the keyboard and fires participants-toggle', async () => {
    const { script, toggle, button } = await mount(1);
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    button().focus();
    const opened = nextEvent(toggle, 'participants-toggle');
    await sendKeys({ press: 'Enter' });
    const event = await opened;
    expect(event.open).to.equal(true);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    expect(toggle.pressed).to.equal(true);
    await toggle.updateComplete;
    expect(toggle.hasAttribute('pressed')).to.equal(true);
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(toggle.matches(':state(pressed)')).to.equal(true);

    const closed = nextEvent(toggle, 'participants-toggle');
    await sendKeys({ press: ' ' });
    expect((await closed).open).to.equal(false);
    expect(toggle.pressed).to.equal(false);
    await toggle.updateComplete;
    expect(toggle.matches(':state(pressed)')).to.equal(false);
    await script.room.disconnect();
  });

  it('a cancelled participants-toggle leaves pressed as it was', async () => {
    const { script, toggle, button } = await mount(1);
    const pressedWhenFired: boolean[] = [];
    toggle.addEventListener(
      'participants-toggle',
      (e) => {
        pressedWhenFired.push(toggle.pressed);
        e.preventDefault();
      },
      { once: true },
    );
    button().click();
    // Announced before acting: `pressed` had not changed yet, and stays as it was.
    expect(pressedWhenFired).to.deep.equal([false]);
    expect(toggle.pressed).to.equal(false);
    await toggle.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    await script.room.disconnect();
  });
});
