import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { Encryption_Type, ParticipantPermission } from '@livekit/protocol';
import type { Room, SendTextOptions, TextStreamInfo } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/chat-panel/chat-panel.js';
import { segments } from '../../src/internal/links.js';
import { loadLocale } from '../../src/controllers/localize.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';
import { nextEvent, waitFor } from '../helpers/live.js';

/**
 * The scripted room has no server to send to: record what the panel sends through the real
 * `sendText` entry point instead (the real send is covered by test/integration/chat.test.ts).
 */
function recordSends(room: Room, fail = false) {
  const sent: Array<{ text: string; options: SendTextOptions | undefined }> = [];
  room.localParticipant.sendText = async (text, options): Promise<TextStreamInfo> => {
    if (fail) throw new Error('data channel closed');
    sent.push({ text, options });
    return {
      id: crypto.randomUUID(),
      timestamp: Date.now(),
      mimeType: 'text/plain',
      topic: options?.topic ?? '',
      encryptionType: Encryption_Type.NONE,
    };
  };
  return sent;
}

async function mount(lang = 'en', style = 'height: 240px') {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(
    html`<media-room lang=${lang}><chat-panel style=${style}></chat-panel></media-room>`,
  );
  el.room = script.room;
  const panel = el.querySelector('chat-panel')! as ChatPanel;
  const $ = <T extends Element>(sel: string) => panel.shadowRoot!.querySelector<T>(sel);
  const $$ = (sel: string) => [...panel.shadowRoot!.querySelectorAll<HTMLElement>(sel)];
  const input = () => $<HTMLTextAreaElement>('textarea')!;
  await waitFor(() => !!$('textarea') && !input().disabled, 'ready to write');
  const [a, b] = script.identities as [string, string];
  script.update(a, { name: 'Ada Lovelace' });
  return { script, el, panel, $, $$, input, a, b };
}

describe('<chat-panel> on a scripted room', () => {
  it('shows messages as text with sender and localized time; only http(s) links are links', async () => {
    const { script, panel, $, $$, a } = await mount();
    const at = new Date(2026, 0, 2, 15, 4).getTime();
    receiveText(
      script.room,
      a,
      '<img src=x onerror="window.__pwned=1"> javascript:alert(1) see https://example.test/?q=<b> ok',
      { timestamp: at },
    );
    await waitFor(() => $$('[part~="message"]').length === 1, 'message shown');
    const message = $$('[part~="message"]')[0]!;
    expect(message.querySelector('[part="sender"]')!.textContent).to.equal('Ada Lovelace');
    const time = message.querySelector('time')!;
    expect(time.textContent).to.equal(
      new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at),
    );
    expect(time.getAttribute('datetime')).to.equal(new Date(at).toISOString());
    const text = message.querySelector('[part="text"]')!;
    // A link reads as its real (encoded) address.
    expect(text.textContent).to.equal(
      '<img src=x onerror="window.__pwned=1"> javascript:alert(1) see https://example.test/?q=%3Cb%3E ok',
    );
    expect(text.querySelector('img, b, script')).to.equal(null);
    const links = [...text.querySelectorAll('a')];
    expect(links).to.have.length(1);
    expect(links[0]!.textContent).to.equal('https://example.test/?q=%3Cb%3E');
    expect(links[0]!.getAttribute('href')).to.equal('https://example.test/?q=%3Cb%3E');
    expect(links[0]!.target).to.equal('_blank');
    expect(links[0]!.rel).to.equal('noopener noreferrer');
    expect((window as unknown as { __pwned?: number }).__pwned).to.equal(undefined);
    const log = $('[role="log"]')!;
    expect(log.getAttribute('aria-live')).to.equal('polite');
    await expect(panel).to.be.accessible();
  });

  it('formats the time in the element language', async () => {
    const { script, panel, $$, a } = await mount('de');
    const at = new Date(2026, 0, 2, 15, 4).getTime();
    receiveText(script.room, a, 'Hallo', { timestamp: at });
    await waitFor(() => $$('time').length === 1, 'message shown');
    // German is a chunk of its own, loaded on first use: wait for it and the render that uses it.
    await loadLocale('de');
    await panel.updateComplete;
    expect($$('time')[0]!.textContent).to.equal(
      new Intl.DateTimeFormat('de', { hour: 'numeric', minute: '2-digit' }).format(at),
    );
    expect($$('button')[0]!.textContent!.trim()).to.equal('Senden');
  });

  it('Enter sends on lk.chat and shows "You"; Shift+Enter adds a line; the draft survives re-renders', async () => {
    const { script, panel, $$, input, b } = await mount();
    const sent = recordSends(script.room);
    input().focus();
    await sendKeys({ type: 'first line' });
    await sendKeys({ press: 'Shift+Enter' });
    await sendKeys({ type: 'second' });
    // A message arriving while writing re-renders the panel; the draft stays.
    receiveText(script.room, b, 'interrupting');
    await waitFor(() => $$('[part~="message"]').length === 1, 'message shown');
    await panel.updateComplete;
    expect(input().value).to.equal('first line\nsecond');
    const sending = nextEvent(panel, 'chat-send');
    await sendKeys({ press: 'Enter' });
    expect((await sending).text).to.equal('first line\nsecond');
    await waitFor(() => $$('[part~="message"]').length === 2, 'sent message shown');
    expect(sent).to.deep.equal([{ text: 'first line\nsecond', options: { topic: 'lk.chat' } }]);
    const mine = $$('[part~="message"]')[1]!;
    expect(mine.getAttribute('part')).to.equal('message local');
    expect(mine.querySelector('[part="sender"]')!.textContent).to.equal('You');
    expect(mine.querySelector('[part="text"]')!.textContent).to.equal('first line\nsecond');
    expect(input().value).to.equal('');
    expect(document.activeElement).to.equal(panel);
    // Nothing to send: Enter does nothing.
    await sendKeys({ press: 'Enter' });
    expect(sent).to.have.length(1);
  });

  it('cannot send a draft that shows nothing (white space, invisible characters)', async () => {
    const { script, panel, $, input } = await mount();
    const sent = recordSends(script.room);
    const send = () => $<HTMLButtonElement>('[part="send"]')!;
    input().focus();
    await sendKeys({ type: '  ' });
    await panel.updateComplete;
    expect(send().disabled, 'spaces only').to.equal(true);
    for (const draft of ['\u200B\u2060', '\u3164\u2800', '\uFEFF \u200D']) {
      input().value = draft;
      input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      await panel.updateComplete;
      expect(send().disabled, JSON.stringify(draft)).to.equal(true);
      await sendKeys({ press: 'Enter' });
      expect(await panel.send()).to.equal(false);
    }
    expect(sent).to.have.length(0);
    input().value = '\u200Bhi';
    input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await panel.updateComplete;
    expect(send().disabled).to.equal(false);
  });

  it('limits a message to 2000 characters', async () => {
    const { input } = await mount();
    expect(input().maxLength).to.equal(2000);
  });

  it('a cancelled chat-send keeps the draft unsent; a failed send keeps it and reports', async () => {
    const { script, el, panel, input } = await mount();
    const sent = recordSends(script.room);
    input().focus();
    await sendKeys({ type: 'hold on' });
    const stop = (e: Event) => e.preventDefault();
    panel.addEventListener('chat-send', stop);
    expect(await panel.send()).to.equal(false);
    panel.removeEventListener('chat-send', stop);
    expect(sent).to.have.length(0);
    expect(input().value).to.equal('hold on');

    recordSends(script.room, true);
    expect(await panel.send()).to.equal(false);
    await panel.updateComplete;
    expect(input().value).to.equal('hold on');
    await waitFor(() => el.store.get().error?.code === 'chat-send-failed', 'error reported');
  });

  it('is disabled, with the reason, when the grant forbids publishing data', async () => {
    const { script, panel, $, input } = await mount();
    script.room.localParticipant.setPermissions(
      new ParticipantPermission({ canPublish: true, canSubscribe: true, canPublishData: false }),
    );
    await waitFor(() => input().disabled, 'disabled');
    expect($('[part="note"]')!.textContent).to.equal(
      'You may not send chat messages in this room.',
    );
    expect(input().getAttribute('aria-describedby')).to.contain('note');
    expect($<HTMLButtonElement>('[part="send"]')!.disabled).to.equal(true);
    expect(await panel.send()).to.equal(false);
    await expect(panel).to.be.accessible();
  });

  it('follows new messages unless the user scrolled up', async () => {
    const { script, $, a } = await mount();
    const log = $<HTMLElement>('[role="log"]')!;
    for (let i = 0; i < 30; i += 1) receiveText(script.room, a, `message ${i}`);
    await waitFor(
      () => log.querySelectorAll('[part~="message"]').length === 30,
      'all messages shown',
    );
    await waitFor(() => log.scrollHeight > log.clientHeight, 'the log scrolls');
    const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
    await waitFor(atEnd, 'scrolled to the newest');
    log.scrollTop = 0;
    log.dispatchEvent(new Event('scroll'));
    receiveText(script.room, a, 'while reading older ones');
    await waitFor(() => log.querySelectorAll('[part~="message"]').length === 31, 'shown');
    expect(log.scrollTop).to.equal(0);
    log.scrollTop = log.scrollHeight;
    log.dispatchEvent(new Event('scroll'));
    receiveText(script.room, a, 'back at the end');
    await waitFor(() => log.querySelectorAll('[part~="message"]').length === 32, 'shown');
    await waitFor(atEnd, 'follows again');
  });

  it('stops following the store once taken off the page', async () => {
    const { script, panel, $$, a } = await mount();
    panel.remove();
    receiveText(script.room, a, 'not shown');
    // One frame on purpose: this proves nothing is shown, and there is nothing to wait for.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    await panel.updateComplete;
    expect($$('[part~="message"]')).to.have.length(0);
  });
});

/** `n` characters of words. */
const words = (n: number) =>
  `${'Wilhelmina Montgomery '.repeat(Math.ceil(n / 22)).slice(0, n - 1)}Z`;

describe('<chat-panel> folds long messages', () => {
  const TALL = 'width: 320px; height: 520px';

  /** The panel, one short message (whose text height is one line) and helpers for the others. */
  async function mountFolding() {
    const mounted = await mount('en', TALL);
    const { script, $, $$, a } = mounted;
    receiveText(script.room, a, 'one line');
    await waitFor(() => $$('[part="text"]').length === 1, 'short message shown');
    const line = $$('[part="text"]')[0]!.getBoundingClientRect().height;
    expect(line).to.be.within(10, 40);
    const log = $<HTMLElement>('[role="log"]')!;
    const article = (i: number) => $$('[part~="message"]')[i]!;
    const text = (i: number) => article(i).querySelector<HTMLElement>('[part="text"]')!;
    const more = (i: number) =>
      article(i)?.querySelector<HTMLButtonElement>('button[part="show-more"]') ?? null;
    const height = (e: Element) => e.getBoundingClientRect().height;
    const atEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight <= 2;
    return { ...mounted, line, log, article, text, more, height, atEnd };
  }

  it('shows a 70,000-character message as its first 12 lines and a Show more button that unfolds it in place and folds it back', async () => {
    const { script, panel, $$, a, line, log, article, text, more, height } = await mountFolding();
    // Messages before and after it, so that the log scrolls either way.
    for (let i = 0; i < 19; i += 1) receiveText(script.room, a, `before ${i}`);
    const long = words(70_000);
    receiveText(script.room, a, long);
    for (let i = 0; i < 20; i += 1) receiveText(script.room, a, `after ${i}`);
    await waitFor(() => $$('[part~="message"]').length === 41, 'all shown');
    const L = 20;
    await waitFor(() => !!more(L), 'Show more');
    // Folded by rendered height: 12 lines, no more, and its bubble not much taller.
    expect(height(text(L))).to.be.within(11.5 * line, 12 * line + 1);
    expect(height(article(L))).to.be.at.most(12 * line + 80);
    expect(text(L).className).to.equal('folded');
    // Only about what fills the fold is in the page (and read out by the log).
    expect(text(L).textContent!.length).to.be.within(200, 5000);
    expect(long.startsWith(text(L).textContent!)).to.equal(true);
    expect(text(L).getAttribute('aria-live')).to.equal('off');
    const button = more(L)!;
    expect(button.textContent!.trim()).to.equal('Show more');
    expect(button.getAttribute('aria-expanded')).to.equal('false');
    expect(button.getAttribute('aria-controls')).to.equal(text(L).id);
    expect(panel.shadowRoot!.getElementById(text(L).id)).to.equal(text(L));
    await expect(panel).to.be.accessible();

    // Reached with Tab from the log, unfolded with Enter: the whole text, focus on the button.
    log.focus();
    await sendKeys({ press: 'Tab' });
    expect(panel.shadowRoot!.activeElement).to.equal(button);
    const top = log.scrollTop;
    await sendKeys({ press: 'Enter' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'true', 'unfolded');
    await panel.updateComplete;
    expect(more(L)).to.equal(button);
    expect(panel.shadowRoot!.activeElement).to.equal(button);
    expect(button.textContent!.trim()).to.equal('Show less');
    expect(text(L).textContent).to.equal(long);
    expect(height(text(L))).to.be.greaterThan(50 * line);
    // In place: the text reads on below where it was.
    expect(log.scrollTop).to.be.closeTo(top, 1);
    await expect(panel).to.be.accessible();

    // Read to its end, then folded back with Space: the button stays where it was.
    button.scrollIntoView({ block: 'end' });
    log.dispatchEvent(new Event('scroll'));
    const before = button.getBoundingClientRect().top;
    await sendKeys({ press: ' ' });
    await waitFor(() => button.getAttribute('aria-expanded') === 'false', 'folded back');
    await panel.updateComplete;
    expect(panel.shadowRoot!.activeElement).to.equal(button);
    expect(button.textContent!.trim()).to.equal('Show more');
    expect(height(text(L))).to.be.at.most(12 * line + 1);
    expect(button.getBoundingClientRect().top).to.be.closeTo(before, 1);
  });

  it('folds by rendered height: 12 lines stay whole, 13 fold, and so does a long message of your own', async () => {
    const { script, $, $$, a, line, text, more, height, input } = await mountFolding();
    const sent = recordSends(script.room);
    const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`).join('\n');
    receiveText(script.room, a, lines(12));
    receiveText(script.room, a, lines(13));
    // Short enough in characters, but 12 wrapped lines and more at this width.
    receiveText(script.room, a, 'i '.repeat(400).trim());
    await waitFor(() => $$('[part="text"]').length === 4, 'shown');
    await waitFor(() => !!more(2) && !!more(3), 'the taller ones fold');
    expect(more(1)).to.equal(null);
    expect(height(text(1))).to.be.closeTo(12 * line, 1);
    expect(text(1).textContent).to.equal(lines(12));
    expect(height(text(2))).to.be.closeTo(12 * line, 1);
    expect(height(text(3))).to.be.closeTo(12 * line, 1);

    // A message of your own at the send limit folds like anyone's.
    const mine = words(2000);
    input().value = mine;
    input().dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    await waitFor(() => !$<HTMLButtonElement>('[part="send"]')!.disabled, 'can send');
    $<HTMLButtonElement>('[part="send"]')!.click();
    await waitFor(() => $$('[part~="local"]').length === 1, 'own message shown');
    expect(sent.map((m) => m.text)).to.deep.equal([mine]);
    await waitFor(() => !!more(4), 'your own long message folds');
    expect(height(text(4))).to.be.at.most(12 * line + 1);
    expect($$('[part~="message"]')[4]!.getAttribute('part')).to.equal('message local');
  });

  it('keeps the links of a folded message; a link cut by the fold is text until unfolded', async () => {
    const { script, a, text, more, panel } = await mountFolding();
    const url = `https://example.test/${'a'.repeat(20_000)}`;
    receiveText(script.room, a, `see https://example.test/start then ${url}`);
    await waitFor(() => !!more(1), 'folds');
    const links = () => [...text(1).querySelectorAll('a')];
    expect(links().map((l) => l.href)).to.deep.equal(['https://example.test/start']);
    expect(links()[0]!.rel).to.equal('noopener noreferrer');
    more(1)!.click();
    await waitFor(() => links().length === 2, 'the long link is a link once unfolded');
    expect(links()[1]!.textContent).to.equal(url);
    await expect(panel).to.be.accessible();
  });

  it('follows the newest past a folded message, and stops following once the reader unfolds one', async () => {
    const { script, a, log, more, atEnd, $$, $ } = await mountFolding();
    for (let i = 0; i < 5; i += 1) receiveText(script.room, a, words(3000));
    await waitFor(() => $$('[part="show-more"]').length === 5, 'five folded');
    await waitFor(atEnd, 'at the newest, below the folded ones');
    receiveText(script.room, a, 'after the long ones');
    await waitFor(() => $$('[part~="message"]').length === 7, 'shown');
    await waitFor(atEnd, 'still following');
    // Unfolding the last long one: the reader is reading it, the view stays.
    const top = log.scrollTop;
    more(5)!.click();
    await waitFor(() => more(5)!.getAttribute('aria-expanded') === 'true', 'unfolded');
    expect(log.scrollTop).to.be.closeTo(top, 1);
    receiveText(script.room, a, 'while reading');
    await waitFor(() => $$('[part~="message"]').length === 8, 'shown');
    await waitFor(() => !!$('[part="new-messages"]'), 'New messages offered');
    expect(log.scrollTop).to.be.closeTo(top, 1);
    $<HTMLButtonElement>('[part="new-messages"]')!.click();
    await waitFor(atEnd, 'at the newest');
  });

  it('marks your messages waiting for the connection, and those not sent with Send again', async () => {
    const { el, panel, $$ } = await mount('fr');
    const store = el.session.store;
    const base = { from: 'simulated-local', fromName: 'Me', timestamp: Date.now(), isLocal: true };
    store.addChat({ ...base, id: 'p-1', text: 'waiting', delivery: 'pending' });
    store.addChat({ ...base, id: 'f-1', text: 'gave up', delivery: 'failed' });
    await loadLocale('fr');
    await waitFor(() => $$('[part="delivery"]').length === 2, 'marked');
    await panel.updateComplete;
    const [pending, failed] = $$('[part="delivery"]') as [HTMLElement, HTMLElement];
    expect(pending.textContent!.trim()).to.equal('En attente de la connexion…');
    expect(pending.querySelector('button')).to.equal(null);
    expect(failed.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Non envoyé. Renvoyer');
    await expect(panel).to.be.accessible();
    const retried: string[] = [];
    el.session.retryChat = async (id) => void retried.push(id);
    failed.querySelector<HTMLButtonElement>('[part="retry"]')!.click();
    expect(retried).to.deep.equal(['f-1']);
    // Sent: the mark goes.
    store.addChat({ ...base, id: 'f-1', text: 'gave up' });
    await waitFor(() => $$('[part="delivery"]').length === 1, 'sent at last');
  });
});

describe('chat link splitting', () => {
  it('makes only parsable http(s) URLs links, leaving sentence punctuation outside', () => {
    expect(segments('(see https://a.test/x).')).to.deep.equal([
      { text: '(see ' },
      { text: 'https://a.test/x', href: 'https://a.test/x' },
      { text: ').' },
    ]);
    expect(segments('https://en.test/wiki/Foo_(bar), then')).to.deep.equal([
      { text: 'https://en.test/wiki/Foo_(bar)', href: 'https://en.test/wiki/Foo_(bar)' },
      { text: ', then' },
    ]);
    expect(segments('javascript:alert(1) data:text/html,<b> ftp://x.test')).to.deep.equal([
      { text: 'javascript:alert(1) data:text/html,<b> ftp://x.test' },
    ]);
    expect(segments('HTTP://A.TEST')).to.deep.equal([
      { text: 'http://a.test/', href: 'http://a.test/' },
    ]);
  });
});
