import { expect } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import { callRoot, mountRoom, tileOf, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

/**
 * Names and messages from other participants cannot move the layout: the side panels keep their
 * designed width, the tiles keep theirs, Send and a host's Remove stay on screen and clickable,
 * and a long name is cut with an ellipsis at its end (its start visible, in either direction).
 */

/** `n` characters with no place to break a line. */
const unbroken = (n: number) => 'Abcdefghij'.repeat(Math.ceil(n / 10)).slice(0, n);
/** `n` characters of words. */
const words = (n: number) =>
  `${'Wilhelmina Montgomery '.repeat(Math.ceil(n / 22)).slice(0, n - 1)}Z`;
const MESSAGE = 70_000;
/** The most a folded message's bubble may be tall (12 lines, its sender line and Show more). */
const FOLDED_MAX = 320;

/** A plain livekit-client peer with a token for any name (the join endpoint refuses long ones). */
async function joinNamed(room: string, identity: string, name: string): Promise<Room> {
  const query = new URLSearchParams({ room, identity, name });
  const response = await fetch(`/test-api/raw-token?${query}`);
  const { url, token } = (await response.json()) as { url: string; token: string };
  const peer = new Room();
  await peer.connect(url, token);
  return peer;
}

/** Joins `room` as its host (dev/roles.ts), filling the viewport. */
function mountHost(room: string, lang = 'en', dir = 'ltr'): Promise<MediaRoom> {
  return mountRoom(room, 'host', {
    name: 'Host',
    role: 'host',
    lang,
    dir,
    style: 'position: fixed; inset: 0',
  });
}

const part = (el: MediaRoom, selector: string) =>
  callRoot(el)!.querySelector<HTMLElement>(selector)!;
const list = (el: MediaRoom) => part(el, 'participant-list');
const chat = (el: MediaRoom) => part(el, 'chat-panel');
const row = (el: MediaRoom, identity: string) =>
  list(el).shadowRoot!.querySelector<HTMLElement>(`li[data-identity="${CSS.escape(identity)}"]`);
const width = (e: Element) => e.getBoundingClientRect().width;

/** Opens a side panel through its toggle in the control bar (closing the other one). */
async function open(el: MediaRoom, which: 'participants' | 'chat'): Promise<void> {
  const panel = which === 'chat' ? chat(el) : list(el);
  if (!panel.hidden) return;
  const toggle = part(el, 'control-bar').querySelector(`${which}-toggle`)!;
  toggle.shadowRoot!.querySelector('button')!.click();
  await waitFor(() => !panel.hidden, `the ${which} panel opens`);
}

/** The element at a point, looking through shadow roots. */
function deepElementFromPoint(x: number, y: number): Element | null {
  let hit = document.elementFromPoint(x, y);
  while (hit?.shadowRoot) {
    const inner = hit.shadowRoot.elementFromPoint(x, y);
    if (!inner || inner === hit) break;
    hit = inner;
  }
  return hit;
}

/** `target` lies inside the viewport and a click at its centre would land on it. */
function expectReachable(target: HTMLElement | null | undefined, what: string): void {
  expect(target, what).to.be.instanceOf(HTMLElement);
  const r = target!.getBoundingClientRect();
  expect(r.width, `${what} has a size`).to.be.greaterThan(0);
  expect(r.left, `${what}: left edge in the viewport`).to.be.at.least(0);
  expect(r.right, `${what}: right edge in the viewport`).to.be.at.most(innerWidth);
  expect(r.top, `${what}: top edge in the viewport`).to.be.at.least(0);
  expect(r.bottom, `${what}: bottom edge in the viewport`).to.be.at.most(innerHeight);
  const hit = deepElementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
  expect(
    !!hit && (hit === target || target!.contains(hit)),
    `${what} is hit at its centre`,
  ).to.equal(true);
}

/** Scrolls the list (vertically only) so that the Remove button of `identity` is in its view. */
function removeButton(el: MediaRoom, identity: string): HTMLElement | null {
  const button = row(el, identity)?.querySelector<HTMLElement>('button[part~="remove"]') ?? null;
  const scroller = list(el).shadowRoot!.querySelector<HTMLElement>('.scroller')!;
  if (button) {
    const b = button.getBoundingClientRect();
    const s = scroller.getBoundingClientRect();
    scroller.scrollTop += b.top + b.height / 2 - (s.top + s.height / 2);
  }
  return button;
}

/** A name cut with an ellipsis: its whole text is its title, and the element shows less of it. */
function expectCut(name: HTMLElement, what: string): void {
  expect(name.title, `${what}: the whole name is the title`).to.equal(name.textContent!.trim());
  expect(name.scrollWidth, `${what}: cut`).to.be.greaterThan(name.clientWidth);
}

/** The first character of a cut name is inside the element's box (the cut is at the end). */
function expectStartVisible(name: HTMLElement, what: string): void {
  const walker = document.createTreeWalker(name, NodeFilter.SHOW_TEXT);
  let text = walker.nextNode();
  while (text && !text.textContent!.trim()) text = walker.nextNode();
  const start = text!.textContent!.search(/\S/);
  const range = document.createRange();
  range.setStart(text!, start);
  range.setEnd(text!, start + 1);
  const first = range.getBoundingClientRect();
  const box = name.getBoundingClientRect();
  expect(first.left, `${what}: its first character is visible (left)`).to.be.at.least(box.left - 1);
  expect(first.right, `${what}: its first character is visible (right)`).to.be.at.most(
    box.right + 1,
  );
}

const HOSTILE: ReadonlyArray<readonly [string, string]> = [
  ['words-64', words(64)],
  ['unbroken-64', unbroken(64)],
  ['words-256', words(256)],
  ['unbroken-256', unbroken(256)],
  ['words-10000', words(10_000)],
  ['unbroken-10000', unbroken(10_000)],
];

describe('a layout no remote name or message can break, against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  afterEach(async () => {
    await setViewport({ width: 800, height: 600 });
  });

  it('at 1280×800, names up to 10,000 characters and 70,000-character messages leave the panels, tiles, Send and Remove in place', async function () {
    this.timeout(120_000);
    await setViewport({ width: 1280, height: 800 });
    const room = uniqueRoom('layout');
    const el = await mountHost(room);
    const grid = part(el, 'layout-grid');

    // The designed widths, with short names.
    peers.push(await joinNamed(room, 'bob', 'Bob'));
    await open(el, 'participants');
    await waitFor(() => !!row(el, 'bob'), 'Bob is listed');
    const listWidth = width(list(el));
    const gridWidth = width(grid);
    expect(listWidth).to.be.within(100, width(part(el, '.stage')) / 2);
    expectReachable(removeButton(el, 'bob'), 'Remove for Bob');
    await open(el, 'chat');
    const chatWidth = width(chat(el));
    expect(chatWidth).to.be.within(100, width(part(el, '.stage')) / 2);
    expect(width(grid)).to.be.closeTo(gridWidth, 1);

    // Long names.
    for (const [identity, name] of HOSTILE) peers.push(await joinNamed(room, identity, name));
    await open(el, 'participants');
    await waitFor(() => HOSTILE.every(([id]) => !!row(el, id)), 'every long name is listed');
    expect(width(list(el)), 'the participant list keeps its width').to.be.closeTo(listWidth, 1);
    expect(width(grid), 'the tiles keep their width').to.be.closeTo(gridWidth, 1);
    for (const [identity] of HOSTILE) {
      const r = row(el, identity)!;
      expect(r.scrollWidth, `the row of ${identity} holds its content`).to.be.at.most(
        r.clientWidth,
      );
      expectCut(r.querySelector<HTMLElement>('[part="name"]')!, `the listed ${identity}`);
      expectReachable(removeButton(el, identity), `Remove for ${identity}`);
    }
    for (const [identity] of HOSTILE) {
      const tile = await waitForTile(el, identity);
      const name = tile.shadowRoot!.querySelector<HTMLElement>('[part="name"]')!;
      expectCut(name, `the tile name of ${identity}`);
      expect(width(tile.shadowRoot!.querySelector('[part="info"]')!)).to.be.at.most(width(tile));
    }

    // The question before a removal stays within the row.
    removeButton(el, 'unbroken-10000')!.click();
    const question = await waitForElement(
      () => row(el, 'unbroken-10000')?.querySelector<HTMLElement>('[part~="confirmation"]'),
      'the removal question',
    );
    expect(width(list(el))).to.be.closeTo(listWidth, 1);
    expect(question.scrollWidth).to.be.at.most(question.clientWidth);
    expectReachable(question.querySelector<HTMLElement>('[part="confirm"]'), 'Confirm');
    question.querySelector<HTMLElement>('[part="cancel"]')!.click();
    await waitFor(() => !!removeButton(el, 'unbroken-10000'), 'the question is taken back');

    // Messages from the longest names, two of 70,000 characters.
    const sender = (identity: string) => peers[1 + HOSTILE.findIndex(([id]) => id === identity)]!;
    await sender('unbroken-10000').localParticipant.sendText(unbroken(MESSAGE), {
      topic: 'lk.chat',
    });
    await sender('words-10000').localParticipant.sendText(words(MESSAGE), { topic: 'lk.chat' });
    await sender('unbroken-256').localParticipant.sendText('hi', { topic: 'lk.chat' });
    await open(el, 'chat');
    const articles = () => [...chat(el).shadowRoot!.querySelectorAll<HTMLElement>('article')];
    await waitFor(() => articles().length === 3, 'the three messages are shown', 30_000);
    expect(width(chat(el)), 'the chat keeps its width').to.be.closeTo(chatWidth, 1);
    expect(width(grid), 'the tiles keep their width').to.be.closeTo(gridWidth, 1);
    expectReachable(chat(el).shadowRoot!.querySelector<HTMLElement>('[part="send"]'), 'Send');
    const log = chat(el)
      .shadowRoot!.querySelector<HTMLElement>('[part="log"]')!
      .getBoundingClientRect();
    for (const article of articles()) {
      const a = article.getBoundingClientRect();
      expect(a.left, 'a message stays inside the log').to.be.at.least(log.left - 1);
      expect(a.right, 'a message stays inside the log').to.be.at.most(log.right + 1);
      expect(article.scrollWidth, 'a message holds its text').to.be.at.most(article.clientWidth);
      expectCut(article.querySelector<HTMLElement>('[part="sender"]')!, 'a sender');
    }

    // The two long messages show folded: 12 lines and a Show more button, not a bubble tens of
    // thousands of pixels tall.
    const more = (article: HTMLElement) =>
      article.querySelector<HTMLButtonElement>('[part="show-more"]');
    const height = (e: Element) => e.getBoundingClientRect().height;
    // The short one may arrive first: the long ones are streamed in chunks.
    const textOf = (article: HTMLElement) =>
      article.querySelector<HTMLElement>('[part="text"]')!.textContent!;
    const long = articles().filter((a) => textOf(a) !== 'hi');
    expect(long).to.have.length(2);
    const unbrokenMessage = long.find((a) => textOf(a).startsWith('Abc'))!;
    const wordsMessage = long.find((a) => textOf(a).startsWith('Wil'))!;
    for (const article of [unbrokenMessage, wordsMessage]) {
      await waitFor(() => !!more(article), 'a long message folds');
      expect(height(article), 'a folded message').to.be.at.most(FOLDED_MAX);
      expect(more(article)!.getAttribute('aria-expanded')).to.equal('false');
      expect(textOf(article).length, 'only the folded part is in the page').to.be.below(5000);
    }
    more(wordsMessage)!.click();
    await waitFor(() => more(wordsMessage)!.getAttribute('aria-expanded') === 'true', 'unfolds');
    await waitFor(() => textOf(wordsMessage).length === MESSAGE, 'the whole message shows');
    expect(height(wordsMessage), 'unfolded').to.be.greaterThan(20 * FOLDED_MAX);
    expect(width(chat(el)), 'the chat keeps its width unfolded').to.be.closeTo(chatWidth, 1);
    expect(width(grid), 'the tiles keep their width').to.be.closeTo(gridWidth, 1);
    expect(wordsMessage.scrollWidth, 'the unfolded message holds its text').to.be.at.most(
      wordsMessage.clientWidth,
    );
    expectReachable(chat(el).shadowRoot!.querySelector<HTMLElement>('[part="send"]'), 'Send');
    more(wordsMessage)!.click();
    await waitFor(() => height(wordsMessage) <= FOLDED_MAX, 'folds back');

    // The sender of the longest name leaves: nothing they left behind widens the chat.
    await sender('unbroken-10000').disconnect();
    await open(el, 'participants');
    await waitFor(() => !row(el, 'unbroken-10000'), 'the sender is gone from the list');
    expect(width(list(el))).to.be.closeTo(listWidth, 1);
    await open(el, 'chat');
    expect(width(chat(el)), 'the chat keeps its width after the sender left').to.be.closeTo(
      chatWidth,
      1,
    );
    expect(width(grid)).to.be.closeTo(gridWidth, 1);
    expectReachable(chat(el).shadowRoot!.querySelector<HTMLElement>('[part="send"]'), 'Send');
  });

  it('at 390×844 (a phone), an open panel fills the stage and no more; Send and Remove stay on screen', async function () {
    this.timeout(90_000);
    await setViewport({ width: 390, height: 844 });
    const room = uniqueRoom('layout-phone');
    const el = await mountHost(room);
    const stage = part(el, '.stage');
    const stageWidth = width(stage);
    expect(stageWidth).to.be.at.most(390);
    for (const [identity, name] of HOSTILE.slice(3)) {
      peers.push(await joinNamed(room, identity, name));
    }
    await open(el, 'participants');
    await waitFor(() => HOSTILE.slice(3).every(([id]) => !!row(el, id)), 'the names are listed');
    // The panel's sheet (its heading, close button and border around the panel) fills the stage.
    expect(width(list(el).closest('.sheet')!)).to.be.closeTo(stageWidth, 1);
    for (const [identity] of HOSTILE.slice(3)) {
      expectReachable(removeButton(el, identity), `Remove for ${identity}`);
    }
    await peers.at(-1)!.localParticipant.sendText(unbroken(MESSAGE), { topic: 'lk.chat' });
    await open(el, 'chat');
    await waitFor(
      () => !!chat(el).shadowRoot!.querySelector('article'),
      'the message is shown',
      30_000,
    );
    expect(width(chat(el).closest('.sheet')!)).to.be.closeTo(stageWidth, 1);
    expect(width(stage)).to.be.closeTo(stageWidth, 1);
    expectReachable(chat(el).shadowRoot!.querySelector<HTMLElement>('[part="send"]'), 'Send');
  });

  for (const [lang, dir] of [
    ['ar', 'rtl'],
    ['en', 'ltr'],
  ] as const) {
    it(`in ${lang} (${dir}), a long name in either script is cut at its end, its start visible`, async function () {
      this.timeout(90_000);
      await setViewport({ width: 1280, height: 800 });
      const room = uniqueRoom(`layout-${dir}`);
      const el = await mountHost(room, lang, dir);
      const names = [
        ['latin', unbroken(256)],
        ['arabic', 'مرحبابكمجميعا'.repeat(20)],
      ] as const;
      for (const [identity, name] of names) peers.push(await joinNamed(room, identity, name));
      await open(el, 'participants');
      await waitFor(() => names.every(([id]) => !!row(el, id)), 'both names are listed');
      // Sent once the host knows their names (a message carries the name known when it came).
      for (const peer of peers) await peer.localParticipant.sendText('hi', { topic: 'lk.chat' });
      for (const [identity] of names) {
        const listed = row(el, identity)!.querySelector<HTMLElement>('[part="name"]')!;
        expectCut(listed, `the listed ${identity} name`);
        expectStartVisible(listed, `the listed ${identity} name`);
        const tile = await waitForTile(el, identity);
        const label = tile.shadowRoot!.querySelector<HTMLElement>('[part="name"]')!;
        expectCut(label, `the tile name of ${identity}`);
        expectStartVisible(label, `the tile name of ${identity}`);
      }
      await open(el, 'chat');
      const senders = () => [
        ...chat(el).shadowRoot!.querySelectorAll<HTMLElement>('[part="sender"]'),
      ];
      await waitFor(() => senders().length === 2, 'both messages are shown');
      for (const sender of senders()) {
        expectCut(sender, 'a sender');
        expectStartVisible(sender, 'a sender');
      }
    });
  }
});

async function waitForElement<T extends HTMLElement>(
  get: () => T | null | undefined,
  message: string,
): Promise<T> {
  await waitFor(() => !!get(), message);
  return get()!;
}

function waitForTile(el: MediaRoom, identity: string): Promise<HTMLElement> {
  return waitForElement(() => tileOf(el, identity), `the tile of ${identity}`);
}
