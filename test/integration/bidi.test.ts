import { expect } from '@open-wc/testing';
import { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import { MAX_MARKS } from '../../src/internal/text.js';
import { callRoot, mountRoom, tileOf, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

/**
 * Text that disguises itself, against a real livekit-server: names and chat messages from other
 * participants carrying bidi controls, invisible characters and piles of combining marks. What
 * the others see must show what it is.
 */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;
const DISGUISED = '\u202Eexe.tnemucod\u202C victim';

/** A plain livekit-client peer with exactly this name (a raw token: the join endpoint would tidy it). */
async function joinNamed(room: string, identity: string, name: string): Promise<Room> {
  const query = new URLSearchParams({ room, identity, name });
  const { url, token } = (await (await fetch(`/test-api/raw-token?${query}`)).json()) as {
    url: string;
    token: string;
  };
  const peer = new Room();
  await peer.connect(url, token);
  return peer;
}

function mount(room: string): Promise<MediaRoom> {
  return mountRoom(room, 'watcher', { name: 'Watcher', style: 'height: 48rem; width: 64rem' });
}

const bar = (el: MediaRoom) => callRoot(el)!.querySelector('control-bar')!;
const toggle = (el: MediaRoom, tag: string) =>
  bar(el).querySelector(tag)!.shadowRoot!.querySelector('button')!;

/** The element is a direction isolate: it cannot reorder, nor be reordered by, its neighbours. */
function expectIsolated(el: Element, what: string): void {
  expect(['isolate', 'plaintext', 'isolate-override'], what).to.include(
    getComputedStyle(el).unicodeBidi,
  );
}

/** Whether `word`, inside `el`'s text, is laid out left to right (first letter leftmost). */
function laidOutLeftToRight(el: Element, word: string): boolean {
  const node = [...el.childNodes].find(
    (n) => n.nodeType === Node.TEXT_NODE && n.textContent!.includes(word),
  )!;
  const start = node.textContent!.indexOf(word);
  const rect = (i: number) => {
    const range = document.createRange();
    range.setStart(node, i);
    range.setEnd(node, i + 1);
    return range.getBoundingClientRect();
  };
  return rect(start).left < rect(start + word.length - 1).left;
}

/** How far ink of `text` in `el`'s font reaches above and below its baseline (canvas metrics). */
function ink(el: Element, text: string): { ascent: number; descent: number; fontAscent: number } {
  const context = document.createElement('canvas').getContext('2d')!;
  context.font = getComputedStyle(el).font;
  const m = context.measureText(text);
  return {
    ascent: m.actualBoundingBoxAscent,
    descent: m.actualBoundingBoxDescent,
    fontAscent: m.fontBoundingBoxAscent,
  };
}

describe('text from others shows what it is (against a real livekit-server)', () => {
  const live = useLiveHooks();

  it('names: no bidi trick, the identity for a blank name, initials from real letters', async () => {
    const room = uniqueRoom('bidi-names');
    const el = await mount(room);
    const peers: Record<string, string> = {
      disguised: DISGUISED,
      'blank-peer': '  \t  ',
      'invisible-peer': '\u200B\u3164\u2800\uFEFF\u2060',
      zed: '\u200Bzed',
      nul: 'a\u0000b',
      fam: '👩‍👩‍👧 Fam',
      'emoji-peer': '😀🎉',
      arabic: 'محمد علي',
    };
    for (const [identity, name] of Object.entries(peers)) {
      live.peers.push(await joinNamed(room, identity, name));
    }
    const ids = Object.keys(peers);
    await waitFor(
      () => ids.every((id) => el.store.get().participants.has(id)),
      'every peer is seen',
      20_000,
    );
    for (const id of ids) {
      expect(el.store.get().participants.get(id)!.name, 'the raw name arrives').to.equal(peers[id]);
    }
    const shown: Record<string, string> = {
      disguised: 'exe.tnemucod victim',
      'blank-peer': 'blank-peer',
      'invisible-peer': 'invisible-peer',
      zed: 'zed',
      nul: 'ab',
      fam: '👩‍👩‍👧 Fam',
      'emoji-peer': '😀🎉',
      arabic: 'محمد علي',
    };
    const avatars: Record<string, string> = {
      disguised: 'EV',
      'blank-peer': 'BP',
      'invisible-peer': 'IP',
      zed: 'Z',
      nul: 'A',
      fam: 'F',
      'emoji-peer': 'EP',
      arabic: 'مع',
    };

    // Tiles (nobody publishes a camera: each shows the avatar).
    await waitFor(
      () => ids.every((id) => !!tileOf(el, id)?.shadowRoot?.querySelector('[part="name"]')),
      'every tile',
    );
    for (const id of ids) {
      const root = tileOf(el, id)!.shadowRoot!;
      const name = root.querySelector('[part="name"]')!;
      expect(name.textContent, `tile name of ${id}`).to.equal(shown[id]);
      expect(name.textContent).to.not.match(BIDI_CONTROL);
      expectIsolated(name, `tile name of ${id}`);
      expect(
        root.querySelector('[part="avatar"]')!.textContent!.trim(),
        `tile avatar of ${id}`,
      ).to.equal(avatars[id]);
      expect(root.querySelector('[part="base"]')!.getAttribute('aria-label')).to.contain(shown[id]);
    }
    const tileName = tileOf(el, 'disguised')!.shadowRoot!.querySelector('[part="name"]')!;
    expect(tileName.textContent).to.not.contain('document.exe');
    expect(laidOutLeftToRight(tileName, 'exe.tnemucod'), 'laid out as written').to.equal(true);

    // The participant list.
    toggle(el, 'participants-toggle').click();
    const list = callRoot(el)!.querySelector('participant-list')!;
    await waitFor(() => !list.hidden, 'the participant list opens');
    const row = (id: string) =>
      list.shadowRoot!.querySelector(`li[data-identity="${CSS.escape(id)}"]`);
    await waitFor(() => ids.every((id) => !!row(id)), 'every peer is listed');
    for (const id of ids) {
      const name = row(id)!.querySelector('[part="name"]')!;
      expect(name.textContent, `list name of ${id}`).to.equal(shown[id]);
      expectIsolated(name, `list name of ${id}`);
      expect(
        row(id)!.querySelector('[part="avatar"]')!.textContent,
        `list avatar of ${id}`,
      ).to.equal(avatars[id]);
    }
    const listName = row('disguised')!.querySelector('[part="name"]')!;
    expect(laidOutLeftToRight(listName, 'exe.tnemucod'), 'laid out as written').to.equal(true);
    // Your own row: the name isolated inside "… (you)".
    const mine = row('watcher')!.querySelector('[part="name"]')!;
    expect(mine.textContent).to.equal('Watcher (you)');
    expectIsolated(mine.querySelector('bdi')!, 'your name in its term');

    // Chat sender names.
    toggle(el, 'chat-toggle').click();
    const panel = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => !panel.hidden, 'the chat opens');
    const senders = ['disguised', 'blank-peer', 'invisible-peer'];
    for (const id of senders) {
      await live.peers[ids.indexOf(id)]!.localParticipant.sendText(`hello from ${id}`, {
        topic: 'lk.chat',
      });
    }
    const messages = () => [...panel.shadowRoot!.querySelectorAll('[part~="message"]')];
    await waitFor(() => messages().length === senders.length, 'every message shown');
    const messageOf = (id: string) =>
      messages().find((m) => m.querySelector('[part="text"]')!.textContent === `hello from ${id}`)!;
    for (const id of senders) {
      const sender = messageOf(id).querySelector('[part="sender"]')!;
      expect(sender.textContent, `chat sender ${id}`).to.equal(shown[id]);
      expect(sender.textContent).to.not.match(BIDI_CONTROL);
      expectIsolated(sender, `chat sender ${id}`);
    }
    const chatSender = messageOf('disguised').querySelector('[part="sender"]')!;
    expect(laidOutLeftToRight(chatSender, 'exe.tnemucod'), 'laid out as written').to.equal(true);
    await el.leave();
  });

  it('chat: links read as their real address, blank messages show nothing, marks are capped', async () => {
    const room = uniqueRoom('bidi-chat');
    const el = await mount(room);
    const peer = await joinNamed(room, 'sender', 'Sender');
    live.peers.push(peer);
    await waitFor(() => el.store.get().participants.has('sender'), 'the sender is seen', 20_000);
    toggle(el, 'chat-toggle').click();
    const panel = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => !panel.hidden, 'the chat opens');

    const marks = '\u0300\u0316\u0301\u0317\u0302\u0318\u0303\u0319'.repeat(6);
    const flood = [...'Zalgo'].map((c) => c + marks).join('');
    const texts = [
      'see https://ok.example/\u202Efdp.exe',
      '   \n\t  ',
      '\u200B\u3164\u2800\uFEFF',
      flood,
      'after the flood',
      'مرحبا، this is mixed',
    ];
    for (const text of texts) await peer.localParticipant.sendText(text, { topic: 'lk.chat' });
    const messages = () => [
      ...panel.shadowRoot!.querySelectorAll<HTMLElement>('[part~="message"]'),
    ];
    await waitFor(
      () => messages().some((m) => m.textContent!.includes('this is mixed')),
      'the last message shown',
    );
    await el.store.settled();
    // The two blank messages are neither recorded nor shown.
    expect(el.store.get().chat).to.have.length(4);
    expect(messages()).to.have.length(4);
    const [link, zalgo, next, mixed] = messages() as [
      HTMLElement,
      HTMLElement,
      HTMLElement,
      HTMLElement,
    ];

    // The link reads as where it goes.
    const a = link.querySelector('a')!;
    expect(a.textContent).to.equal(a.getAttribute('href'));
    expect(a.textContent).to.equal(a.href);
    expect(a.textContent).to.equal('https://ok.example/%E2%80%AEfdp.exe');
    expect(a.textContent).to.contain('%E2%80%AE');
    expect(link.textContent).to.not.match(BIDI_CONTROL);
    expect(a.textContent).to.not.contain('exe.pdf');
    expectIsolated(link.querySelector('[part="text"]')!, 'message text');
    expectIsolated(mixed.querySelector('[part="text"]')!, 'message text');

    // The flood: marks capped, and its ink stays inside the space between its neighbours.
    const text = zalgo.querySelector('[part="text"]')!;
    let run = 0;
    let longest = 0;
    for (const c of text.textContent!) {
      if (/\p{M}/u.test(c)) longest = Math.max(longest, ++run);
      else run = 0;
    }
    expect(longest, 'marks capped').to.equal(MAX_MARKS);
    expect(text.textContent!.normalize('NFD').replace(/\p{M}/gu, ''), 'every letter kept').to.equal(
      'Zalgo',
    );
    const box = zalgo.getBoundingClientRect();
    const above = link.getBoundingClientRect();
    const below = next.getBoundingClientRect();
    expect(box.top, 'not over the message before').to.be.at.least(above.bottom);
    expect(box.bottom, 'not over the message after').to.be.at.most(below.top);
    // Where the ink of the shown text reaches (its one line: baseline = line top + font ascent).
    const range = document.createRange();
    range.selectNodeContents(text);
    const line = range.getBoundingClientRect();
    const shownInk = ink(text, text.textContent!);
    const baseline = line.top + shownInk.fontAscent;
    expect(baseline - shownInk.ascent, 'ink below the message before').to.be.at.least(above.bottom);
    expect(baseline + shownInk.descent, 'ink above the message after').to.be.at.most(below.top);
    await el.leave();
  });
});
