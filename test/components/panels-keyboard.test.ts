import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/index.js';
import { loadLocale } from '../../src/controllers/localize.js';
import { PanelCloseEvent } from '../../src/events/panel-events.js';
import { callRoot, nextEvent, waitFor, waitForValue } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';
import { deepActive, hostsOf } from '../helpers/focus.js';

/** A short name for the focused element: `chat-toggle`, `leave`, `chat-panel:input`… */
function stop(node: Element | null): string {
  if (!node) return 'nothing';
  const host = hostsOf(node)[0];
  if (!host) return node.localName;
  if (host.localName === 'leave-button') return 'leave';
  if (host.localName === 'chat-toggle' || host.localName === 'participants-toggle') {
    return host.localName;
  }
  return `${host.localName}:${node.getAttribute('part') ?? node.localName}`;
}

/** The default UI on a scripted room: the local participant moderates, with two others. */
async function call(style = 'height: 40rem; width: 60rem') {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(html`<media-room skip-prejoin style=${style}></media-room>`);
  el.room = script.room;
  el.session.setModerator(async () => {});
  script.makeModerator();
  script.identities.forEach((id, i) => script.update(id, { name: ['Ada', 'Grace'][i] }));
  const root = await waitForValue(
    () => (callRoot(el)?.querySelector('chat-toggle') ? callRoot(el) : undefined),
    'the default UI',
  );
  const chat = root.querySelector('chat-panel')!;
  const list = root.querySelector('participant-list')!;
  const chatToggle = root.querySelector('chat-toggle')!;
  const listToggle = root.querySelector('participants-toggle')!;
  const button = (host: Element) => host.shadowRoot!.querySelector('button')!;
  await waitFor(
    () => !!chatToggle.shadowRoot?.querySelector('button') && !!el.store.get().local,
    'in the room',
  );
  return { script, el, root, chat, list, chatToggle, listToggle, button };
}

/** Press `key` until focus is on `target` (at most `max` presses); the stops on the way. */
async function pressUntil(key: string, target: Element, max: number): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < max && deepActive() !== target; i += 1) {
    await sendKeys({ press: key });
    stops.push(stop(deepActive()));
  }
  return stops;
}

describe('the side panels by keyboard', () => {
  it('chat: the toggle moves focus to the message field, past the bar and the close button of the panel; Escape closes it and returns to the toggle', async () => {
    const { script, chat, chatToggle, button, root } = await call();
    const input = await waitForValue(
      () => chat.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea:not(:disabled)'),
      'the field can be written in',
    );
    button(chatToggle).focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !chat.hidden, 'the chat opens');
    await waitFor(() => deepActive() === input, 'focus is in the message field');
    expect(chatToggle.pressed).to.equal(true);

    // The panel (its close button first) follows the control bar: back to the toggle in four
    // steps, not ten.
    const back = await pressUntil('Shift+Tab', button(chatToggle), 10);
    expect(back).to.deep.equal([
      'chat-panel:log',
      'media-call:panel-close',
      'leave',
      'chat-toggle',
    ]);
    const forward = await pressUntil('Tab', input, 10);
    expect(forward).to.deep.equal([
      'leave',
      'media-call:panel-close',
      'chat-panel:log',
      'chat-panel:input',
    ]);
    // In the DOM too: grid, bar, then the panels' sheets.
    const order = [...root.querySelector('.stage')!.children].map(
      (c) => c.querySelector('chat-panel, participant-list')?.localName ?? c.localName,
    );
    expect(order).to.deep.equal(['layout-grid', 'control-bar', 'chat-panel', 'participant-list']);

    await sendKeys({ type: 'draft' });
    const closing = nextEvent(chat, 'panel-close');
    await sendKeys({ press: 'Escape' });
    const event = await closing;
    expect(event).to.be.instanceOf(PanelCloseEvent);
    expect(event.bubbles && event.composed && event.cancelable).to.equal(true);
    await waitFor(() => chat.hidden, 'Escape closes the chat');
    await waitFor(() => deepActive() === button(chatToggle), 'focus is back on the toggle');
    expect(chatToggle.pressed).to.equal(false);
    expect(input.value, 'the draft is kept').to.equal('draft');

    // Escape elsewhere (the bar) closes nothing and moves nothing.
    await sendKeys({ press: 'Escape' });
    await chat.updateComplete;
    expect(deepActive()).to.equal(button(chatToggle));
    await script.room.disconnect();
  });

  it('participants: the toggle moves focus to the search; Escape clears the search, closes a question, then the list', async () => {
    const { script, el, list, listToggle, chatToggle, button } = await call();
    button(listToggle).focus();
    await sendKeys({ press: ' ' });
    await waitFor(() => !list.hidden, 'the list opens');
    const filter = await waitForValue(
      () => list.shadowRoot!.querySelector<HTMLInputElement>('[part="filter"]'),
      'the search field',
    );
    await waitFor(() => deepActive() === filter, 'focus is in the search field');
    const back = await pressUntil('Shift+Tab', button(listToggle), 10);
    expect(back).to.deep.equal([
      'media-call:panel-close',
      'leave',
      'chat-toggle',
      'participants-toggle',
    ]);
    await pressUntil('Tab', filter, 10);

    // A search holding text: Escape clears it first, and the list stays.
    await sendKeys({ type: 'Ada' });
    await waitFor(() => list.matches(':state(filtering)'), 'filtering');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => filter.value === '', 'Escape cleared the search');
    await list.updateComplete;
    expect(list.hidden).to.equal(false);

    // The removal question takes Escape first.
    const remove = await waitForValue(
      () => list.shadowRoot!.querySelector<HTMLButtonElement>('[part="remove"]'),
      'a Remove button',
    );
    remove.focus();
    await sendKeys({ press: 'Enter' });
    const confirm = await waitForValue(
      () => list.shadowRoot!.querySelector<HTMLButtonElement>('[part="confirm"]'),
      'the question',
    );
    await waitFor(() => deepActive() === confirm, 'focus on Confirm');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !list.shadowRoot!.querySelector('[part="confirm"]'), 'question gone');
    await list.updateComplete;
    expect(list.hidden, 'the list stays open').to.equal(false);
    await waitFor(() => deepActive()?.getAttribute('part') === 'remove', 'focus back on Remove');

    // A page listener may keep the panel open.
    const keep = (e: Event) => e.preventDefault();
    el.addEventListener('panel-close', keep, { once: true });
    await sendKeys({ press: 'Escape' });
    await el.updateComplete;
    await list.updateComplete;
    expect(list.hidden, 'cancelled: still open').to.equal(false);

    await sendKeys({ press: 'Escape' });
    await waitFor(() => list.hidden, 'Escape closes the list');
    await waitFor(() => deepActive() === button(listToggle), 'focus back on its toggle');
    expect(listToggle.pressed).to.equal(false);
    expect(chatToggle.pressed).to.equal(false);
    await script.room.disconnect();
  });

  it('keeps the screen the same: the open panel beside the tiles, above the bar; on a phone it takes the stage', async () => {
    const wide = await call();
    const grid = wide.root.querySelector('layout-grid')!;
    const bar = wide.root.querySelector('control-bar')!;
    const gridWidth = grid.getBoundingClientRect().width;
    wide.button(wide.chatToggle).click();
    await waitFor(() => !wide.chat.hidden, 'opens');
    await waitFor(() => grid.getBoundingClientRect().width < gridWidth, 'the tiles make room');
    // The chat's sheet: its heading and close button over the panel.
    const sheet = wide.chat.closest('.sheet')!;
    const [g, c, b] = [grid, sheet, bar].map((n) => n.getBoundingClientRect()) as [
      DOMRect,
      DOMRect,
      DOMRect,
    ];
    expect(c.left, 'beside the tiles').to.be.at.least(g.right);
    expect(c.top).to.be.closeTo(g.top, 1);
    expect(c.bottom, 'above the bar').to.be.at.most(b.top);
    expect(b.width, 'the bar spans the call').to.be.closeTo(
      wide.root.querySelector('.stage')!.clientWidth,
      1,
    );
    expect(c.width).to.be.closeTo(Math.min(22 * 16, 0.4 * b.width), 2);
    await expect(wide.el).to.be.accessible();
    await wide.script.room.disconnect();

    const phone = await call('width: 360px; height: 640px');
    const phoneGrid = phone.root.querySelector('layout-grid')!;
    phone.button(phone.listToggle).click();
    await waitFor(() => !phone.list.hidden, 'opens');
    await waitFor(() => getComputedStyle(phoneGrid).display === 'none', 'the tiles make way');
    const stage = phone.root.querySelector<HTMLElement>('.stage')!;
    const l = phone.list.closest('.sheet')!.getBoundingClientRect();
    expect(l.width).to.be.closeTo(stage.clientWidth, 1);
    expect(l.bottom).to.be.at.most(
      phone.root.querySelector('control-bar')!.getBoundingClientRect().top,
    );
    await sendKeys({ press: 'Escape' });
    await waitFor(() => phone.list.hidden, 'Escape closes it');
    await waitFor(() => getComputedStyle(phoneGrid).display !== 'none', 'the tiles are back');
    await phone.script.room.disconnect();
  });

  it('names every per-participant control after its participant: no two controls share a name', async () => {
    const { script, el, list, button, listToggle } = await call();
    button(listToggle).click();
    await waitFor(() => !list.hidden, 'the list opens');
    await waitFor(
      () => list.shadowRoot!.querySelectorAll('[part="remove"]').length === 2,
      'moderator actions on both rows',
    );
    const controls: { name: string; where: string }[] = [];
    const walk = (node: Element | ShadowRoot) => {
      for (const child of node.children) {
        if (
          child.matches('button, input, select, textarea, [role="button"]') &&
          child.checkVisibility()
        ) {
          const name = (child.getAttribute('aria-label') ?? child.textContent ?? '').trim();
          controls.push({ name, where: `${hostsOf(child)[0]?.localName}` });
        }
        if (child.shadowRoot) walk(child.shadowRoot);
        walk(child);
      }
    };
    walk(el.shadowRoot!);
    const names = controls.map((c) => c.name);
    const pins = names.filter((n) => n.startsWith('Pin '));
    expect(pins).to.include.members(['Pin Ada', 'Pin Grace']);
    expect(names).to.include.members(['Volume of Ada', 'Volume of Grace']);
    expect(names).to.include.members(['Remove Ada', 'Remove Grace']);
    const repeated = names.filter((n, i) => names.indexOf(n) !== i);
    expect(repeated, JSON.stringify(controls)).to.deep.equal([]);
    await script.room.disconnect();
  });

  it('a standalone panel fires panel-close and stays as it is; focus() goes to its field', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(html`
      <media-room skip-prejoin>
        <chat-panel style="height: 240px"></chat-panel>
        <participant-list></participant-list>
      </media-room>
    `);
    el.room = script.room;
    const chat = el.querySelector('chat-panel')! as ChatPanel;
    const list = el.querySelector('participant-list')! as ParticipantList;
    const input = await waitForValue(
      () => chat.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea:not(:disabled)'),
      'ready',
    );
    chat.focus();
    expect(deepActive()).to.equal(input);
    const closing = nextEvent(el, 'panel-close');
    await sendKeys({ press: 'Escape' });
    expect((await closing).target).to.equal(chat);
    await chat.updateComplete;
    expect(chat.hidden, 'the owner decides').to.equal(false);

    await list.updateComplete;
    list.focus();
    expect(deepActive()?.getAttribute('part')).to.equal('filter');
    const listClosing = nextEvent(el, 'panel-close');
    await sendKeys({ press: 'Escape' });
    expect((await listClosing).target).to.equal(list);
    // With a modifier, or while an inner element used it, Escape is not for the panel.
    let fired = 0;
    const count = () => (fired += 1);
    el.addEventListener('panel-close', count);
    await sendKeys({ press: 'Shift+Escape' });
    el.removeEventListener('panel-close', count);
    expect(fired).to.equal(0);
    await script.room.disconnect();
  });
});

describe('<chat-panel> New messages', () => {
  async function mount(lang = 'en') {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(
      html`<media-room lang=${lang}><chat-panel style="height: 240px"></chat-panel></media-room>`,
    );
    el.room = script.room;
    const panel = el.querySelector('chat-panel')! as ChatPanel;
    const log = await waitForValue(
      () => panel.shadowRoot!.querySelector<HTMLElement>('[part="log"]'),
      'the log',
    );
    const count = () => log.querySelectorAll('[part~="message"]').length;
    const button = () =>
      panel.shadowRoot!.querySelector<HTMLButtonElement>('[part="new-messages"]');
    const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
    /** Scroll the log as a reader does, and wait for its scroll event. */
    const scrollTo = async (top: number) => {
      const scrolled = new Promise((resolve) =>
        log.addEventListener('scroll', resolve, { once: true }),
      );
      log.scrollTop = top;
      await scrolled;
    };
    const [a] = script.identities as [string];
    return { script, panel, log, count, button, atEnd, scrollTo, a };
  }

  it('appears when a message comes while scrolled up; pressing it goes to the newest; scrolling down hides it', async () => {
    const { script, panel, log, count, button, atEnd, scrollTo, a } = await mount();
    for (let i = 0; i < 30; i += 1) receiveText(script.room, a, `message ${i}`);
    await waitFor(() => count() === 30 && atEnd(), 'follows to the newest');
    expect(button()).to.equal(null);

    await scrollTo(0);
    receiveText(script.room, a, 'while reading older ones');
    await waitFor(() => count() === 31, 'shown');
    await waitFor(() => !!button(), 'New messages appears');
    expect(log.scrollTop, 'the view stays').to.equal(0);
    expect(button()!.textContent!.trim()).to.equal('New messages');
    await expect(panel).to.be.accessible();
    button()!.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => atEnd() && !button(), 'at the newest, and the button is gone');
    expect(deepActive(), 'focus stays in the panel, on the list').to.equal(log);

    await scrollTo(0);
    receiveText(script.room, a, 'again');
    await waitFor(() => !!button(), 'appears again');
    await scrollTo(log.scrollHeight);
    await waitFor(() => !button(), 'scrolling to the end hides it');
    receiveText(script.room, a, 'followed');
    await waitFor(() => count() === 33 && atEnd(), 'following again');
    await script.room.disconnect();
  });

  for (const [lang, text] of [
    ['de', 'Neue Nachrichten'],
    ['es', 'Mensajes nuevos'],
    ['fr', 'Nouveaux messages'],
    ['ja', '新着メッセージ'],
    ['ar', 'رسائل جديدة'],
  ] as const) {
    it(`is localized (${lang})`, async () => {
      const { script, panel, count, button, atEnd, scrollTo, a } = await mount(lang);
      await loadLocale(lang);
      for (let i = 0; i < 20; i += 1) receiveText(script.room, a, `message ${i}`);
      await waitFor(() => count() === 20 && atEnd(), 'shown');
      await scrollTo(0);
      receiveText(script.room, a, 'new');
      await waitFor(() => !!button(), 'the button');
      await panel.updateComplete;
      expect(button()!.textContent!.trim()).to.equal(text);
      await script.room.disconnect();
    });
  }
});
