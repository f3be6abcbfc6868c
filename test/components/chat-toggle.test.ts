import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ChatToggle } from '../../src/components/chat-toggle/chat-toggle.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/chat-toggle/chat-toggle.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';
import { nextEvent, waitFor } from '../helpers/live.js';

async function mount() {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(html`<media-room><chat-toggle></chat-toggle></media-room>`);
  el.room = script.room;
  const toggle = el.querySelector('chat-toggle')! as ChatToggle;
  await toggle.updateComplete;
  const button = () => toggle.shadowRoot!.querySelector('button')!;
  return { script, el, toggle, button, remote: script.identities[0]! };
}

describe('<chat-toggle> on a scripted room', () => {
  it('counts messages from others while the chat is hidden, in its name and badge', async () => {
    const { script, toggle, button, remote } = await mount();
    expect(button().getAttribute('aria-label')).to.equal('Chat');
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.shadowRoot!.querySelector('[part="badge"]')).to.equal(null);
    receiveText(script.room, remote, 'one');
    receiveText(script.room, remote, 'two');
    receiveText(script.room, remote, 'three');
    await waitFor(() => toggle.unread === 3, 'three unread');
    await toggle.updateComplete;
    expect(button().getAttribute('aria-label')).to.equal('Chat, 3 unread');
    expect(toggle.shadowRoot!.querySelector('[part="badge"]')!.textContent).to.equal('3');
    expect(toggle.matches(':state(unread)')).to.equal(true);
    await expect(toggle).to.be.accessible();
  });

  it('opens with the keyboard, fires chat-toggle, and counts nothing while open', async () => {
    const { script, el, toggle, button, remote } = await mount();
    receiveText(script.room, remote, 'before opening');
    await waitFor(() => toggle.unread === 1, 'one unread');
    button().focus();
    const opened = nextEvent(toggle, 'chat-toggle');
    await sendKeys({ press: 'Enter' });
    expect((await opened).open).to.equal(true);
    expect(toggle.pressed).to.equal(true);
    await toggle.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('true');
    expect(button().getAttribute('aria-label')).to.equal('Chat');
    receiveText(script.room, remote, 'while open');
    await waitFor(() => el.store.get().chat.length === 2, 'received');
    await toggle.updateComplete;
    expect(toggle.unread).to.equal(0);

    const closed = nextEvent(toggle, 'chat-toggle');
    await sendKeys({ press: ' ' });
    expect((await closed).open).to.equal(false);
    expect(toggle.unread).to.equal(0);
    receiveText(script.room, remote, 'after closing');
    await waitFor(() => toggle.unread === 1, 'only the new one is unread');
    await toggle.updateComplete;
    expect(button().getAttribute('aria-label')).to.equal('Chat, 1 unread');
  });

  it('a cancelled chat-toggle leaves pressed as it was', async () => {
    const { toggle, button } = await mount();
    const pressedWhenFired: boolean[] = [];
    toggle.addEventListener(
      'chat-toggle',
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
  });
});
