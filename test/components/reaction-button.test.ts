import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { ParticipantInfo, ParticipantPermission } from '@livekit/protocol';
import type { DataPublishOptions, Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ReactionButton } from '../../src/components/reaction-button/reaction-button.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/layout-grid/layout-grid.js';
import '../../src/components/reaction-button/reaction-button.js';
import type { ReactionSendEvent } from '../../src/events/reaction-events.js';
import { CAPABILITIES_ATTRIBUTE, REACTION_TOPIC, REACTIONS } from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { nextEvent, waitFor } from '../helpers/live.js';

/**
 * The scripted room has no server to send to: record what goes through the real `publishData`
 * entry point instead (the Room's own data channel needs an SFU).
 */
function recordPublishes(room: Room) {
  const sent: Array<{ text: string; options: DataPublishOptions | undefined }> = [];
  room.localParticipant.publishData = async (data, options) => {
    sent.push({ text: new TextDecoder().decode(data), options });
  };
  return sent;
}

let version = 1000;

/**
 * The SFU's update of the local participant's attributes (as a token's `mr.capabilities` are),
 * with the server helper's grant: the participant cannot write its own attributes, so they count.
 */
function setLocalAttributes(room: Room, attributes: Record<string, string>): void {
  const lp = room.localParticipant;
  lp.updateInfo(
    new ParticipantInfo({
      sid: lp.sid,
      identity: lp.identity,
      name: lp.name,
      attributes,
      permission: new ParticipantPermission({
        canPublish: true,
        canSubscribe: true,
        canPublishData: true,
        canUpdateMetadata: false,
      }),
      version: version++,
    }),
  );
}

async function mount() {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(html`
    <media-room>
      <reaction-button></reaction-button>
      <layout-grid style="height: 30rem"></layout-grid>
    </media-room>
  `);
  el.room = script.room;
  const sent = recordPublishes(script.room);
  const button = el.querySelector<ReactionButton>('reaction-button')!;
  const root = button.shadowRoot!;
  const base = () => root.querySelector<HTMLButtonElement>('[part="base"]')!;
  const popover = () => root.querySelector<HTMLElement>('[part="popover"]');
  const emojis = () => [...root.querySelectorAll<HTMLButtonElement>('[part="emoji"]')];
  const focused = () => root.activeElement;
  await waitFor(() => !base().disabled, 'enabled in the room');
  return { script, el, sent, button, base, popover, emojis, focused };
}

describe('<reaction-button> on a scripted room', () => {
  it('is disabled outside a room, and once the room is left', async () => {
    const lone = await fixture<ReactionButton>(html`<reaction-button></reaction-button>`);
    expect(lone.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!.disabled).to.equal(
      true,
    );
    await lone.show();
    expect(lone.shadowRoot!.querySelector('[part="popover"]')).to.equal(null);

    const { script, base, popover } = await mount();
    expect(base().textContent!.trim()).to.equal('React');
    await script.room.disconnect();
    await waitFor(() => base().disabled, 'disabled after leaving');
    expect(popover()).to.equal(null);
  });

  it('works by keyboard: open on the first emoji, arrows, Home/End, Escape returns focus, Enter sends', async () => {
    const { script, el, sent, button, base, popover, emojis, focused } = await mount();
    base().focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !!popover(), 'open');
    expect(button.matches(':state(open)')).to.equal(true);
    expect(base().getAttribute('aria-expanded')).to.equal('true');
    expect(base().getAttribute('aria-controls')).to.equal('popover');
    expect(popover()!.getAttribute('role')).to.equal('toolbar');
    expect(popover()!.getAttribute('aria-label')).to.equal('Reactions');
    expect(emojis().map((b) => b.getAttribute('aria-label'))).to.deep.equal([
      'Thumbs up',
      'Applause',
      'Laughter',
      'Love',
      'Celebration',
      'Surprise',
    ]);
    expect(emojis().map((b) => b.textContent!.trim())).to.deep.equal([...REACTIONS]);
    expect(emojis()[0]!.querySelector('span')!.getAttribute('aria-hidden')).to.equal('true');
    expect(focused(), 'first emoji focused').to.equal(emojis()[0]);

    await sendKeys({ press: 'ArrowRight' });
    expect(focused()).to.equal(emojis()[1]);
    await button.updateComplete;
    expect(emojis().map((b) => b.tabIndex)).to.deep.equal([-1, 0, -1, -1, -1, -1]);
    await sendKeys({ press: 'ArrowLeft' });
    await sendKeys({ press: 'ArrowLeft' });
    expect(focused(), 'wraps to the last').to.equal(emojis()[5]);
    await sendKeys({ press: 'Home' });
    expect(focused()).to.equal(emojis()[0]);
    await sendKeys({ press: 'End' });
    expect(focused()).to.equal(emojis()[5]);

    await sendKeys({ press: 'Escape' });
    await waitFor(() => !popover(), 'closed');
    expect(focused(), 'focus back on the button').to.equal(base());
    expect(button.matches(':state(open)')).to.equal(false);
    expect(base().getAttribute('aria-expanded')).to.equal('false');
    expect(sent, 'nothing sent').to.deep.equal([]);

    await sendKeys({ press: 'ArrowUp' });
    await waitFor(() => !!popover(), 'open again');
    await sendKeys({ press: 'ArrowRight' });
    const event = nextEvent(el, 'reaction-send');
    await sendKeys({ press: 'Enter' });
    expect((await event).emoji).to.equal('👏');
    await waitFor(() => sent.length === 1, 'sent');
    expect(sent[0]!.text).to.equal('👏');
    expect(sent[0]!.options).to.include({ topic: REACTION_TOPIC, reliable: true });
    await waitFor(() => !popover(), 'closed on choosing');
    expect(focused()).to.equal(base());

    // Your own reaction shows over your own tile (LiveKit does not echo it back).
    const tile = () =>
      el
        .querySelector('layout-grid')!
        .shadowRoot!.querySelector('participant-tile[identity="simulated-local"]');
    await waitFor(
      () => tile()?.shadowRoot?.querySelector('[part="reaction"]')?.textContent === '👏',
      'shown over your own tile',
    );
    // Your own tile has no live region: nothing on it is announced to you.
    expect(
      tile()!.shadowRoot!.querySelector('[role="status"]')?.textContent?.trim() ?? '',
      'your own is not announced to you',
    ).to.equal('');
    expect(el.store.get().reactions.map((r) => [r.from, r.emoji, r.isLocal])).to.deep.equal([
      ['simulated-local', '👏', true],
    ]);
    await script.room.disconnect();
  });

  it('is accessible with the popover open', async () => {
    const { script, button, base, popover } = await mount();
    base().click();
    await waitFor(() => !!popover(), 'open');
    await expect(button).to.be.accessible();
    await script.room.disconnect();
  });

  it('closes on a click outside; a cancelled reaction-send sends nothing; Shift keeps it open', async () => {
    const { script, el, sent, button, base, popover, emojis, focused } = await mount();
    base().click();
    await waitFor(() => !!popover(), 'open');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => !popover(), 'closed by a click outside');
    expect(focused(), 'focus not pulled back by a click outside').to.not.equal(base());

    const cancel = (e: ReactionSendEvent) => e.preventDefault();
    el.addEventListener('reaction-send', cancel);
    base().click();
    await waitFor(() => !!popover(), 'open');
    emojis()[0]!.click();
    await waitFor(() => !popover(), 'closed on choosing');
    await el.store.settled();
    expect(sent, 'cancelled: not sent').to.deep.equal([]);
    expect(el.store.get().reactions).to.deep.equal([]);
    el.removeEventListener('reaction-send', cancel);

    base().click();
    await waitFor(() => !!popover(), 'open');
    emojis()[4]!.dispatchEvent(
      new MouseEvent('click', { bubbles: true, composed: true, shiftKey: true }),
    );
    await waitFor(() => sent.length === 1, 'sent');
    expect(sent[0]!.text).to.equal('🎉');
    await button.updateComplete;
    expect(popover(), 'Shift keeps it open').to.not.equal(null);
    emojis()[3]!.click();
    await waitFor(() => sent.length === 2, 'sent again');
    expect(sent[1]!.text).to.equal('❤️');
    await waitFor(() => !popover(), 'closed');
    await script.room.disconnect();
  });

  it('is forbidden (disabled, with the reason, hidden) without reactions:send or data publishing', async () => {
    const { script, sent, button, base, popover } = await mount();
    const forbidden = () => button.matches(':state(forbidden)');
    expect(forbidden()).to.equal(false);
    expect(getComputedStyle(button).display).to.not.equal('none');

    // A token whose capabilities do not list reactions:send.
    base().click();
    await waitFor(() => !!popover(), 'open');
    setLocalAttributes(script.room, { [CAPABILITIES_ATTRIBUTE]: 'chat:send,hand:raise' });
    await waitFor(forbidden, 'forbidden');
    expect(base().disabled).to.equal(true);
    expect(base().title).to.equal('You may not send reactions in this room.');
    expect(
      button.shadowRoot!.getElementById(base().getAttribute('aria-describedby')!)!.textContent,
    ).to.equal('You may not send reactions in this room.');
    expect(popover(), 'the popover closes').to.equal(null);
    expect(getComputedStyle(button).display, 'hidden by default').to.equal('none');
    await button.show();
    expect(popover(), 'cannot be opened').to.equal(null);
    await button.send('👍');
    expect(sent, 'send() sends nothing').to.deep.equal([]);

    // Shown disabled with its reason when the page asks for it; accessible so.
    button.style.display = 'inline-block';
    await expect(button).to.be.accessible();
    button.style.display = '';

    // Granted.
    setLocalAttributes(script.room, { [CAPABILITIES_ATTRIBUTE]: 'chat:send,reactions:send' });
    await waitFor(() => !forbidden() && !base().disabled, 'allowed');
    expect(base().hasAttribute('title')).to.equal(false);

    // Publishing data denied by the grant.
    script.room.localParticipant.setPermissions(
      new ParticipantPermission({ canPublish: true, canSubscribe: true, canPublishData: false }),
    );
    await waitFor(forbidden, 'forbidden without canPublishData');
    expect(base().disabled).to.equal(true);
    await script.room.disconnect();
  });
});
