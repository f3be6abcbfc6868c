import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/leave-button/leave-button.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

async function mount() {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(html`<media-room><leave-button></leave-button></media-room>`);
  el.room = script.room;
  const leave = el.querySelector('leave-button')!;
  const button = () => leave.shadowRoot!.querySelector('button')!;
  await waitFor(() => !button().disabled, 'enabled once in the room');
  return { script, el, leave, button };
}

describe('<leave-button> on a scripted room', () => {
  it('is a labelled, accessible button', async () => {
    const { script, leave, button } = await mount();
    expect(button().textContent).to.contain('Leave');
    await expect(leave).to.be.accessible();
    await script.room.disconnect();
  });

  it("calls the enclosing <media-room>'s leave() after a cancelable leave event", async () => {
    const { script, el, leave, button } = await mount();
    let left = 0;
    const original = el.session.leave.bind(el.session);
    el.session.leave = async () => {
      left += 1;
      await original();
    };
    const stop = (e: Event) => e.preventDefault();
    leave.addEventListener('leave', stop);
    button().click();
    await leave.updateComplete;
    expect(left).to.equal(0);
    leave.removeEventListener('leave', stop);
    button().focus();
    await sendKeys({ press: ' ' });
    await waitFor(() => left === 1, 'leave() called');
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left');
    await waitFor(() => button().disabled, 'disabled outside a room');
    void script;
  });

  it('finds the <media-room> across shadow roots', async () => {
    const script = await ScriptedRoom.create(0);
    const el = await fixture<MediaRoom>(html`<media-room><div></div></media-room>`);
    el.room = script.room;
    const host = el.querySelector('div')!;
    const shadow = host.attachShadow({ mode: 'open' });
    const leave = document.createElement('leave-button');
    shadow.append(leave);
    const button = () => leave.shadowRoot!.querySelector('button')!;
    await waitFor(() => !!leave.shadowRoot?.querySelector('button') && !button().disabled, 'ready');
    let left = false;
    el.session.leave = async () => {
      left = true;
    };
    button().click();
    await waitFor(() => left, 'leave() of the outer media-room called');
    await script.room.disconnect();
  });
});
