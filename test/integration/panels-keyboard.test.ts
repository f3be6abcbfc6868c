import { expect } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import {
  callRoot,
  joinPeer,
  mountRoom,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';
import { deepActive } from '../helpers/focus.js';

/** The default UI's chat, its toggle and the pieces the tests read. */
function chatOf(el: MediaRoom) {
  const root = callRoot(el)!;
  const panel = root.querySelector('chat-panel')!;
  const toggle = root.querySelector('chat-toggle')!;
  const toggleButton = toggle.shadowRoot!.querySelector('button')!;
  const $ = <T extends Element>(sel: string) => panel.shadowRoot!.querySelector<T>(sel);
  const log = $<HTMLElement>('[part="log"]')!;
  const count = () => log.querySelectorAll('[part~="message"]').length;
  const newMessages = () => $<HTMLButtonElement>('[part="new-messages"]');
  const atEnd = () =>
    log.clientHeight > 0 && log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
  const scrolls = () => log.scrollHeight > log.clientHeight;
  /** Scroll the log as a reader does, and wait for its scroll event. */
  const scrollTo = async (top: number) => {
    const scrolled = new Promise((resolve) =>
      log.addEventListener('scroll', resolve, { once: true }),
    );
    log.scrollTop = top;
    await scrolled;
  };
  return { panel, toggle, toggleButton, $, log, count, newMessages, atEnd, scrolls, scrollTo };
}

async function send(peer: Room, texts: string[]): Promise<void> {
  for (const text of texts) await peer.localParticipant.sendText(text, { topic: 'lk.chat' });
}

const numbered = (from: number, n: number, label = 'message') =>
  Array.from({ length: n }, (_, i) => `${label} ${from + i}`);

describe('the chat and the participant list by keyboard, against a real livekit-server', () => {
  const live = useLiveHooks();

  it('opens at the newest of 30 messages sent while closed, follows the next, and offers New messages to a reader scrolled up', async () => {
    const room = uniqueRoom('chat-follow');
    const el = await mountRoom(room, 'alice');
    el.style.cssText = 'display: block; width: 60rem; height: 36rem';
    const peer = await joinPeer(room, 'bob', {});
    live.peers.push(peer);
    await waitFor(() => !!tileOf(el, 'bob'), 'bob seen');
    await waitFor(() => peer.remoteParticipants.has('alice'), 'alice seen by bob');
    const chat = chatOf(el);
    expect(chat.panel.hidden, 'the chat starts closed').to.equal(true);

    await send(peer, numbered(1, 30));
    await waitFor(() => chat.count() === 30, 'the 30 messages are in the (closed) chat');
    await waitFor(() => chat.toggle.unread === 30, 'counted as unread');

    // Opened by keyboard: focus goes to the message field, the log to the newest message.
    chat.toggleButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !chat.panel.hidden, 'the chat opens');
    const input = chat.$<HTMLTextAreaElement>('textarea')!;
    await waitFor(() => deepActive() === input, 'focus in the message field');
    await waitFor(() => chat.scrolls() && chat.atEnd(), 'scrolled to the newest on opening');
    const last = [...chat.log.querySelectorAll('[part="text"]')].at(-1)!;
    expect(last.textContent).to.equal('message 30');
    expect(chat.newMessages()).to.equal(null);

    // At the end, the next message is followed.
    await send(peer, ['message 31']);
    await waitFor(() => chat.count() === 31 && chat.atEnd(), 'the next message is followed');
    expect(chat.newMessages()).to.equal(null);

    // Scrolled up, new messages leave the view where it is and New messages appears.
    await chat.scrollTo(0);
    await send(peer, ['message 32', 'message 33']);
    await waitFor(() => chat.count() === 33, 'shown');
    const button = await waitForValue(() => chat.newMessages(), 'New messages appears');
    expect(chat.log.scrollTop, 'the reader keeps their place').to.equal(0);
    expect(button.textContent!.trim()).to.equal('New messages');
    await expect(chat.panel).to.be.accessible();

    // Pressing it (by keyboard) goes to the newest and hides it.
    button.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => chat.atEnd() && !chat.newMessages(), 'at the newest; the button is gone');
    expect(deepActive(), 'focus stays in the chat').to.equal(chat.log);

    // Scrolling to the end by hand hides it too.
    await chat.scrollTo(0);
    await send(peer, ['message 34']);
    await waitForValue(() => chat.newMessages(), 'New messages appears again');
    await chat.scrollTo(chat.log.scrollHeight);
    await waitFor(() => !chat.newMessages(), 'reaching the end hides it');

    // Closed by Escape (focus back on the toggle), scrolled up before: reopened at the newest.
    await chat.scrollTo(0);
    input.focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => chat.panel.hidden, 'Escape closes the chat');
    await waitFor(() => deepActive() === chat.toggleButton, 'focus back on the Chat button');
    await send(peer, numbered(35, 5));
    await waitFor(() => chat.count() === 39, 'arrived while closed');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !chat.panel.hidden, 'reopened');
    await waitFor(() => chat.atEnd(), 'at the newest again');
    await waitFor(() => !chat.newMessages(), 'no New messages button once at the newest');
    await el.leave();
  });

  it('the participant list opens by keyboard with focus in it, closes by Escape back to its button, and Pin names the participant', async () => {
    const room = uniqueRoom('list-keys');
    const el = await mountRoom(room, 'alice');
    el.style.cssText = 'display: block; width: 60rem; height: 36rem';
    const peer = await joinPeer(room, 'bob', {});
    live.peers.push(peer);
    const tile = await waitForValue(() => tileOf(el, 'bob'), 'bob seen');
    const pin = await waitForValue(
      () => tile.shadowRoot?.querySelector<HTMLButtonElement>('[part="pin-button"]') ?? null,
      'the Pin button',
    );
    expect(pin.getAttribute('aria-label'), 'named after the participant').to.equal('Pin bob');

    const root = callRoot(el)!;
    const list = root.querySelector('participant-list')!;
    const toggleButton = root
      .querySelector('participants-toggle')!
      .shadowRoot!.querySelector('button')!;
    toggleButton.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !list.hidden, 'the list opens');
    const search = list.shadowRoot!.querySelector('input')!;
    await waitFor(() => deepActive() === search, 'focus in the search field');
    await waitFor(() => !!list.shadowRoot!.querySelector('[data-identity="bob"]'), 'bob listed');

    // Backwards from the panel: the control bar comes right before it, and the toggle is in it.
    const seen: Array<Element | null> = [];
    for (let i = 0; i < 12 && deepActive() !== toggleButton; i += 1) {
      await sendKeys({ press: 'Shift+Tab' });
      seen.push(deepActive());
    }
    expect(deepActive(), 'Shift+Tab from the panel reaches its button').to.equal(toggleButton);
    expect(seen.length, 'within the control bar').to.be.below(6);

    // Forward again into the panel, then Escape closes it and returns focus to the button.
    search.focus();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => list.hidden, 'Escape closes the list');
    await waitFor(() => deepActive() === toggleButton, 'focus back on the Participants button');
    await el.leave();
  });
});
