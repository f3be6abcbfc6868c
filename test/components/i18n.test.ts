import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { LocalizeController, loadLocale } from '../../src/controllers/localize.js';
import '../../src/index.js';
import { ar } from '../../src/locales/ar.js';
import { de } from '../../src/locales/de.js';
import { en, type MessageKey, type Messages } from '../../src/locales/en.js';
import { englishEffects } from '../../src/locales/en-effects.js';
import { englishE2ee } from '../../src/locales/en-e2ee.js';
import { es } from '../../src/locales/es.js';
import { fr } from '../../src/locales/fr.js';
import { ja } from '../../src/locales/ja.js';
import { HAND_ATTRIBUTE } from '../../src/store/index.js';
import { tileOf, waitFor, callRoot } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { receiveText } from '../helpers/text-stream.js';

const LOCALES: Record<string, Messages> = { fr, es, ja, ar, de };

/**
 * Keys a locale may leave as in English (the same word in both languages). Anything else equal to
 * English is an untranslated copy.
 */
const SAME_AS_ENGLISH: Record<string, MessageKey[]> = {
  fr: ['$dir', 'chatMessage', 'gridLabel', 'participants', 'reaction:😮'],
  es: ['$dir', 'chat'],
  ja: ['$dir'],
  ar: [],
  de: ['$dir', 'chat'],
};

/** Names that share no word with English terms. */
const NAMES = ['Ḱwame Ñdùbùísí', 'Żaneta Wąsik', 'Øystein Bjørnø', 'Xöchitl Quispe'];
const NAME_SAMPLES = [['Ḱwame Ñdùbùísí'], ['']];

/** Sample arguments for every term that is a function (numbers cover each plural form). */
const SAMPLES: { [K in MessageKey]?: unknown[][] } = (() => {
  const counts = [0, 1, 2, 3, 10, 11, 21, 100, 101, 102, 111];
  const name = NAME_SAMPLES;
  return {
    roomLabel: [['Xöchitl'], ['']],
    closePanel: [['Xöchitl']],
    participantCount: counts.map((n) => [n]),
    you: name,
    tileLabel: name,
    gridPageOf: [
      [1, 3],
      [2, 2],
    ],
    gridPageShown: [
      [1, 3, 1, 9, 25],
      [2, 2, 10, 12, 12],
    ],
    gridViewers: counts.map((n) => [n]),
    tileScreenLabel: name,
    tilePin: name,
    tileUnpin: name,
    tilePinScreen: name,
    tileUnpinScreen: name,
    connectionQuality: [[fr['quality:good']], ['']],
    republishFailed: [[fr['source:camera']]],
    unnamedAudioinput: [[1], [2]],
    unnamedVideoinput: [[1], [2]],
    unnamedAudiooutput: [[1], [2]],
    audioLevel: name,
    chatUnread: counts.map((n) => [n]),
    handRaised: [[1], [2], [3], [11]],
    participantsUnread: counts.map((n) => [n]),
    participantsShown: [
      [1, 1],
      [2, 12],
      [0, 3],
    ],
    participantActions: name,
    moderateMute: name,
    moderateRemove: name,
    moderateRemoveConfirm: name,
    moderatePromote: name,
    moderateLowerHand: name,
    // Host: spotlight and end for everyone
    moderateSpotlight: name,
    moderateUnspotlight: name,
    hostEndedBy: name,
    volumeOf: name,
    reactedWith: [['Ḱwame', '👍']],
    announceJoined: name,
    announceLeft: name,
    announceHand: name,
    // Captions and transcript
    captionLine: [
      ['Ḱwame', 'Xöchitl'],
      ['', ''],
    ],
    transcriptMatches: [
      [1, 4],
      [0, 1],
      [2, 2],
      [11, 101],
    ],
    // waiting room
    waitingAdmitName: name,
    waitingDenyName: name,
    waitingKnock: name,
    waitingMore: counts.map((n) => [n]),
    // voice processing
    voiceGateDb: [[-60], [-5]],
  };
})();

englishEffects(); // English whole: with the background and voice UI's words,
englishE2ee(); // and encryption's
const KEYS = Object.keys(en) as MessageKey[];

/** What a term says for its sample arguments, and for marker arguments (to find its fixed text). */
function renderings(messages: Messages, key: MessageKey): string[] {
  const value = messages[key] as string | ((...args: unknown[]) => string) | undefined;
  // A missing term shows English: nothing of it is the locale's own.
  if (value === undefined) return [];
  if (typeof value === 'string') return [value];
  const markers = Array.from({ length: value.length }, (_, i) => `\u2063${i}\u2063`);
  return [value(...markers), ...(SAMPLES[key] ?? []).map((args) => value(...args))];
}

/**
 * English text a translated UI must not show, for a locale: every English string term that the
 * locale says otherwise, and the fixed parts (5+ characters) of English function terms that the
 * locale's own term does not also contain. `exact` ones (under 4 characters) only count whole.
 */
function englishLeftovers(messages: Messages): { text: string; key: string; exact: boolean }[] {
  const out: { text: string; key: string; exact: boolean }[] = [];
  for (const key of KEYS) {
    if (key === '$code' || key === '$dir') continue;
    const own = renderings(messages, key);
    const value = en[key] as string | ((...args: unknown[]) => string);
    const fixed =
      typeof value === 'string'
        ? [value]
        : renderings(en, key)
            .flatMap((s) => s.split(/\u2063\d+\u2063|\d+|Ḱwame Ñdùbùísí|Ḱwame|Xöchitl|good|👍/))
            .map((s) => s.trim())
            .filter((s) => s.length >= 5);
    for (const text of new Set(fixed)) {
      if (own.some((s) => s.includes(text))) continue;
      out.push({ text, key, exact: text.length < 4 });
    }
    // Terms of a participant's name, in full, with each name the UI shows (`Mute Żaneta Wąsik`).
    if (typeof value === 'function' && SAMPLES[key] === NAME_SAMPLES) {
      const mine = messages[key] as ((name: string) => string) | undefined;
      for (const name of NAMES) {
        const text = (value as (name: string) => string)(name);
        if (mine?.(name) !== text) out.push({ text, key, exact: false });
      }
    }
  }
  return out;
}

/** Every text node and text attribute in `root` and, through every shadow root, inside it. */
function visibleTexts(root: Node): string[] {
  const texts: string[] = [];
  const attributes = [
    'aria-label',
    'title',
    'placeholder',
    'aria-valuetext',
    'aria-description',
    'aria-roledescription',
    'alt',
  ];
  const walk = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      const parent = node.parentElement?.localName;
      const text = node.textContent?.trim();
      if (text && parent !== 'style' && parent !== 'script') texts.push(text);
      return;
    }
    if (node instanceof Element) {
      for (const name of attributes) {
        const value = node.getAttribute(name)?.trim();
        if (value) texts.push(value);
      }
      if (node.shadowRoot) walk(node.shadowRoot);
    }
    for (const child of node.childNodes) walk(child);
  };
  walk(root);
  return texts;
}

async function fullRoom(lang: string, ancestor: boolean) {
  const script = await ScriptedRoom.create(NAMES.length);
  const wrapper = await fixture<HTMLElement>(
    ancestor
      ? html`<div lang=${lang}>
          <media-room skip-prejoin style="height: 40rem; width: 64rem"></media-room>
        </div>`
      : html`<div>
          <media-room skip-prejoin lang=${lang} style="height: 40rem; width: 64rem"></media-room>
        </div>`,
  );
  const el = wrapper.querySelector('media-room')!;
  el.room = script.room;
  el.session.setModerator(async () => {});
  const [first, second, third] = script.identities;
  script.identities.forEach((id, i) => script.update(id, { name: NAMES[i] }));
  script.publishTrack(second!, 'microphone');
  script.setAttributes(first!, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
  script.setAttributes(third!, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:03.000Z' });
  script.makeModerator();
  await el.store.settled();
  await waitFor(() => !!tileOf(el, script.identities.at(-1)!), 'tiles');
  return { script, el, wrapper };
}

/** A part inside the default control bar. */
function inBar(el: MediaRoom, selector: string): HTMLElement | null {
  const bar = callRoot(el)!.querySelector('control-bar')!;
  return (
    bar.shadowRoot!.querySelector<HTMLElement>(selector) ??
    callRoot(el)!.querySelector<HTMLElement>(`control-bar > ${selector}`)
  );
}

async function clickToggle(el: MediaRoom, tag: 'chat-toggle' | 'participants-toggle') {
  const toggle = callRoot(el)!.querySelector(tag)!;
  toggle.shadowRoot!.querySelector('button')!.click();
  const panel = tag === 'chat-toggle' ? 'chat-panel' : 'participant-list';
  await waitFor(() => !callRoot(el)!.querySelector(panel)!.hidden, `${panel} opens`);
}

class I18nProbe extends LitElement {
  readonly t = new LocalizeController(this);
}
customElements.define('i18n-probe', I18nProbe);

describe('internationalisation', () => {
  it('gives every term of every locale a non-empty text, for every sample', async () => {
    const probe = await fixture<I18nProbe>(html`<i18n-probe></i18n-probe>`);
    const term = (key: MessageKey, ...args: unknown[]) =>
      (probe.t.term as (k: MessageKey, ...a: unknown[]) => string).call(probe.t, key, ...args);
    for (const key of KEYS) {
      if (typeof en[key] === 'function') {
        expect(SAMPLES[key], `sample arguments for ${key}`).to.be.an('array');
      }
    }
    for (const [code, messages] of Object.entries(LOCALES)) {
      await loadLocale(code);
      probe.lang = code;
      expect(probe.t.lang).to.equal(code);
      expect(Object.keys(messages).sort(), `${code} has exactly the keys of en`).to.deep.equal(
        [...KEYS].sort(),
      );
      for (const key of KEYS) {
        expect(typeof messages[key], `${code} ${key}`).to.equal(typeof en[key]);
        for (const args of SAMPLES[key] ?? [[]]) {
          const text = term(key, ...args);
          expect(text, `${code} ${key}(${args.join(', ')})`).to.be.a('string');
          expect(text.trim(), `${code} ${key}(${args.join(', ')})`).not.to.equal('');
          expect(text, `${code} ${key}`).to.equal(renderTerm(messages, key, args));
        }
      }
      const same = KEYS.filter((key) => key !== '$code' && messages[key] === en[key]);
      expect(same.sort(), `${code} terms left as in English`).to.deep.equal(
        [...SAME_AS_ENGLISH[code]!].sort(),
      );
    }
    expect(ar.$dir).to.equal('rtl');
  });

  it('counts in Arabic with one, two, few (3–10) and many (11–99) forms; Japanese has one form', () => {
    const forms = [1, 2, 3, 10, 11, 99, 100, 103].map((n) => ar.participantCount(n));
    expect(forms[0]).to.equal('مشارك واحد');
    expect(forms[1]).to.equal('مشاركان');
    expect(forms[2]).to.equal('3 مشاركين');
    expect(forms[3]).to.equal('10 مشاركين');
    expect(forms[4]).to.equal('11 مشاركًا');
    expect(forms[5]).to.equal('99 مشاركًا');
    expect(forms[6]).to.equal('100 مشارك');
    expect(forms[7]).to.equal('103 مشاركين');
    expect(ar.participantsUnread(2)).to.contain('يدان');
    expect(ja.participantCount(1)).to.equal('参加者 1 人');
    expect(ja.participantCount(5)).to.equal('参加者 5 人');
    expect(fr.participantCount(0)).to.equal('0 participant');
    expect(es.participantCount(2)).to.equal('2 participantes');
  });

  for (const [code, messages] of Object.entries(LOCALES)) {
    it(`shows no English in the full default UI in ${code} (moderator, hands, chat and list open)`, async () => {
      const { script, el } = await fullRoom(code, code === 'de');
      const leftovers = englishLeftovers(messages);
      const check = (stage: string) => {
        const texts = visibleTexts(el);
        const english = texts.flatMap((text) =>
          leftovers
            .filter((l) => (l.exact ? text === l.text : text.includes(l.text)))
            .map((l) => `"${text}" shows English "${l.text}" (${l.key}) ${stage}`),
        );
        expect(english, `English in ${code}`).to.deep.equal([]);
        return texts;
      };
      const base = el.shadowRoot!.querySelector('[part="base"]')!;
      await waitFor(() => base.getAttribute('lang') === code, 'lang');
      const leave = inBar(el, 'leave-button')!;
      await waitFor(
        () => leave.shadowRoot?.textContent?.includes(messages.leave) ?? false,
        'the control bar is localized',
      );

      check('in the grid');
      await clickToggle(el, 'chat-toggle');
      // A long message, folded behind its localized Show more.
      receiveText(script.room, script.identities[0]!, '1\n'.repeat(30));
      const chat = callRoot(el)!.querySelector('chat-panel')!;
      await waitFor(() => !!chat.shadowRoot!.querySelector('[part="show-more"]'), 'folded');
      expect(check('with the chat open'), `${code} shows Show more`).to.include(
        messages.chatShowMore,
      );
      await clickToggle(el, 'participants-toggle');
      const list = callRoot(el)!.querySelector('participant-list')!;
      // The moderator actions and both raised hands are shown.
      await waitFor(
        () =>
          !!list.shadowRoot?.querySelector(
            `[aria-label="${messages.moderateLowerHand(NAMES[0]!)}"], [title="${messages.moderateLowerHand(NAMES[0]!)}"]`,
          ),
        'moderator actions in the list',
      );
      const texts = check('with the participant list open');
      // It really looked at translated text (not an empty tree).
      for (const expected of [
        messages.leave,
        messages.moderateLowerHand(NAMES[0]!),
        messages.participants,
        messages.moderateRemove(NAMES[1]!),
        messages.moderateMute(NAMES[1]!),
        messages.chatSend,
        messages.callControls,
      ]) {
        expect(texts, `${code} shows ${expected}`).to.include(expected);
      }
      expect(texts.length).to.be.greaterThan(40);
      await script.room.disconnect();
    });
  }

  it('mirrors the layout right to left in Arabic', async () => {
    const { script, el } = await fullRoom('ar', false);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('rtl');
    expect(base.getAttribute('lang')).to.equal('ar');
    const x = (node: Element) => node.getBoundingClientRect();

    const leave = inBar(el, 'leave-button')!;
    const microphone = inBar(el, '[part="microphone"]')!;
    await waitFor(() => x(leave).width > 0 && x(microphone).width > 0, 'controls laid out');
    expect(x(leave).right, 'leave is left of the microphone').to.be.at.most(x(microphone).left);
    const chatToggle = callRoot(el)!.querySelector('chat-toggle')!;
    expect(x(chatToggle).right, 'chat toggle is left of the microphone').to.be.at.most(
      x(microphone).left,
    );

    const tile = tileOf(el, script.identities[0]!)!;
    const name = tile.shadowRoot!.querySelector('[part="info"]')!;
    const tileBox = x(tile);
    expect(x(name).right, 'name badge at the right end').to.be.closeTo(tileBox.right, 24);
    expect(x(name).left).to.be.greaterThan(tileBox.left + tileBox.width / 2 - x(name).width);

    await clickToggle(el, 'chat-toggle');
    const grid = callRoot(el)!.querySelector('layout-grid')!;
    const chat = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => x(chat).width > 0, 'chat laid out');
    expect(x(chat).right, 'chat is left of the tiles').to.be.at.most(x(grid).left + 1);

    await clickToggle(el, 'participants-toggle');
    const list = callRoot(el)!.querySelector('participant-list')!;
    await waitFor(() => x(list).width > 0, 'list laid out');
    expect(x(list).right, 'participant list is left of the tiles').to.be.at.most(x(grid).left + 1);
    await script.room.disconnect();
  });

  it('lays out left to right in French (the same checks mirrored)', async () => {
    const { script, el } = await fullRoom('fr', false);
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(base.getAttribute('dir')).to.equal('ltr');
    const leave = inBar(el, 'leave-button')!;
    const microphone = inBar(el, '[part="microphone"]')!;
    await waitFor(() => leave.getBoundingClientRect().width > 0, 'controls laid out');
    expect(leave.getBoundingClientRect().left).to.be.at.least(
      microphone.getBoundingClientRect().right,
    );
    await script.room.disconnect();
  });

  it('takes terms from the media-room strings property, inside every element, and back', async () => {
    const { script, el } = await fullRoom('fr', false);
    const leave = inBar(el, 'leave-button')!;
    const label = () => leave.shadowRoot!.querySelector('[part="label"]')!.textContent!.trim();
    const base = el.shadowRoot!.querySelector('[part="base"]')!;
    await waitFor(() => label() === 'Quitter', 'French label');

    el.strings = { leave: 'Raccrocher', roomLabel: (name: string) => `Réunion ${name}` };
    await waitFor(() => label() === 'Raccrocher', 'overridden label');
    await el.updateComplete;
    expect(base.getAttribute('aria-label')).to.equal('Réunion simulated-room');
    // Other terms stay the locale's.
    const chatToggle = callRoot(el)!.querySelector('chat-toggle')!;
    expect(chatToggle.shadowRoot!.textContent).to.contain('Discussion');

    el.strings = { leave: 'Hang up' };
    await waitFor(() => label() === 'Hang up', 'a new object re-renders');
    expect(base.getAttribute('aria-label')).to.equal('Appel : simulated-room');

    el.strings = {};
    await waitFor(() => label() === 'Quitter', 'back to the locale');
    el.lang = 'ja';
    await waitFor(() => label() === '退出', 'language changes still apply');
    await script.room.disconnect();
  });
});

function renderTerm(messages: Messages, key: MessageKey, args: unknown[]): string {
  const value = messages[key] as string | ((...a: unknown[]) => string);
  return typeof value === 'function' ? value(...args) : value;
}
