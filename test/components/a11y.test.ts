import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '../helpers/input.js';
import { RoomEvent } from 'livekit-client';
import type { DevicePicker } from '../../src/components/device-picker/device-picker.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import { CAPABILITIES_ATTRIBUTE } from '../../src/store/attributes.js';
import { HAND_ATTRIBUTE } from '../../src/store/index.js';
import { REACTION_TOPIC } from '../../src/store/reactions.js';
import { receiveData } from '../helpers/data-packet.js';
import { tileOf, waitFor, callRoot } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { deepActive, hostsOf } from '../helpers/focus.js';
import { receiveText } from '../helpers/text-stream.js';
import { receiveTranscription } from '../helpers/transcription.js';
import { itIn } from '../engines.js';
import { pipSupport } from '../../src/session/pip.js';

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Ken Thompson',
];

/**
 * The full default UI on a scripted room with `remotes` remote participants: the local participant
 * is a moderator (its store can moderate, its token grants it) with a raised hand; with remotes,
 * the first remote has a hand up too and the second publishes a microphone and speaks.
 */
async function fullRoom(remotes: number, theme: 'light' | 'dark' = 'dark') {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin theme=${theme} style="height: 40rem; width: 60rem"></media-room>`,
  );
  el.room = script.room;
  el.session.setModerator(async () => {});
  // Hands through the server, as with the server helper (the moderator may not write its own).
  el.session.setHandRaiser(async () => {});
  script.identities.forEach((id, i) => script.update(id, { name: NAMES[i] }));
  const local = script.room.localParticipant.identity;
  script.makeModerator();
  // A moderator's token from the server helper also lists the capabilities every member has.
  script.setAttributes(local, {
    [CAPABILITIES_ATTRIBUTE]: 'moderate:participants,reactions:send,hand:raise',
    [HAND_ATTRIBUTE]: '2026-11-22T10:00:00.000Z',
  });
  const [first, second] = script.identities;
  if (first) script.setAttributes(first, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:02.000Z' });
  if (second) {
    script.publishTrack(second, 'microphone');
    script.speakers([second]);
  }
  await el.store.settled();
  await waitFor(() => !!tileOf(el, local), 'local tile');
  if (remotes) await waitFor(() => !!tileOf(el, script.identities.at(-1)!), 'remote tiles');
  await waitFor(
    () => !!tileOf(el, local)?.shadowRoot?.querySelector('[part="hand"]'),
    'the local hand shows',
  );
  return { script, el, local };
}

/** The element of `tag` in the default UI: in `<media-room>`'s, `<media-call>`'s or the control bar's shadow root. */
function control(el: MediaRoom, selector: string): HTMLElement {
  const bar = callRoot(el)!.querySelector('control-bar')!;
  const found =
    el.shadowRoot!.querySelector<HTMLElement>(selector) ??
    callRoot(el)!.querySelector<HTMLElement>(selector) ??
    bar.shadowRoot!.querySelector<HTMLElement>(selector);
  if (!found) throw new Error(`no ${selector}`);
  return found;
}

function innerButton(host: HTMLElement): HTMLButtonElement {
  const button = host.shadowRoot!.querySelector<HTMLButtonElement>('button');
  if (!button) throw new Error(`no button in ${host.localName}`);
  return button;
}

async function openPanel(el: MediaRoom, tag: 'chat-toggle' | 'participants-toggle') {
  innerButton(control(el, tag)).click();
  const panel = tag === 'chat-toggle' ? 'chat-panel' : 'participant-list';
  await waitFor(() => !callRoot(el)!.querySelector(panel)!.hidden, `${panel} opens`);
}

/** A name for a focused element: the control it belongs to (`microphone`, `pin:<identity>`…). */
function controlName(node: Element): string {
  const hosts = hostsOf(node);
  const tile = hosts.find((h) => h.localName === 'participant-tile');
  if (tile) {
    const part = node.getAttribute('part') ?? node.localName;
    return part === 'pin-button' ? `pin:${tile.getAttribute('identity')}` : `tile:${part}`;
  }
  const host = hosts[0];
  if (!host) return node.localName;
  const byPart: Record<string, string> = {
    microphone: 'microphone',
    'microphone-picker': 'microphone-picker',
    camera: 'camera',
    'camera-picker': 'camera-picker',
    'screen-share': 'share',
    reactions: 'react',
    'hand-raise': 'raise-hand',
    deafen: 'deafen',
    pip: 'pip',
    'participants-toggle': 'participants',
    'chat-toggle': 'chat',
    leave: 'leave',
  };
  const part = host.getAttribute('part') ?? '';
  return byPart[part] ?? `${host.localName}:${node.getAttribute('part') ?? node.localName}`;
}

/** Whether the element shows a focus indicator: an outline or a box shadow. */
function focusIndicator(node: Element): string | undefined {
  const style = getComputedStyle(node);
  if (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0) {
    return `outline ${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`;
  }
  if (style.boxShadow && style.boxShadow !== 'none') return `box-shadow ${style.boxShadow}`;
  return undefined;
}

/** Every element in `root`, through shadow roots. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const child of node.children) {
      out.push(child);
      if (child.shadowRoot) walk(child.shadowRoot);
      walk(child);
    }
  };
  if (root instanceof Element) out.push(root);
  if (root instanceof Element && root.shadowRoot) walk(root.shadowRoot);
  walk(root);
  return out;
}

const seconds = (list: string) =>
  list.split(',').map((s) => (s.trim().endsWith('ms') ? parseFloat(s) / 1000 : parseFloat(s)));

/** The properties a `@keyframes` rule of this name (in `node`'s shadow root styles) animates. */
function keyframeProperties(node: Element, name: string): string[] {
  const root = node.getRootNode() as ShadowRoot | Document;
  const sheets = [...root.adoptedStyleSheets, ...[...root.styleSheets]];
  const props = new Set<string>();
  for (const sheet of sheets) {
    const walk = (rules: CSSRuleList) => {
      for (const rule of rules) {
        if (rule instanceof CSSKeyframesRule && rule.name === name) {
          for (const frame of rule.cssRules) {
            const style = (frame as CSSKeyframeRule).style;
            for (let i = 0; i < style.length; i += 1) props.add(style[i]!);
          }
        } else if ('cssRules' in rule) walk((rule as CSSGroupingRule).cssRules);
      }
    };
    walk(sheet.cssRules);
  }
  return [...props];
}

describe('accessibility of the full default UI', () => {
  for (const remotes of [0, 1, 6]) {
    for (const theme of ['light', 'dark'] as const) {
      it(`passes axe with ${remotes} remote participant(s) in the ${theme} theme`, async () => {
        const { script, el } = await fullRoom(remotes, theme);
        // Contrast is checked (not disabled) in both themes.
        await expect(el).to.be.accessible();
        // Each panel is opened once in the run: chat in the light theme, the list in the dark.
        if (theme === 'light') {
          await openPanel(el, 'chat-toggle');
          if (remotes > 0) {
            // A long message, folded behind Show more.
            receiveText(script.room, script.identities[0]!, '1\n'.repeat(30));
            const chat = callRoot(el)!.querySelector('chat-panel')!;
            await waitFor(() => !!chat.shadowRoot!.querySelector('[part="show-more"]'), 'folded');
          }
          await expect(el).to.be.accessible();
        } else if (remotes > 0) {
          await openPanel(el, 'participants-toggle');
          const list = callRoot(el)!.querySelector('participant-list')!;
          await waitFor(
            () => !!list.shadowRoot?.querySelector('[aria-label^="Lower"], [title^="Lower"]'),
            'moderator actions in the list',
          );
          await expect(el).to.be.accessible();
        }
        await script.room.disconnect();
      });
    }
  }

  it('Tabs through every control in order, each visibly focused; Shift+Tab goes back', async () => {
    const { script, el, local } = await fullRoom(2);
    const ids = [...script.identities];
    await waitFor(
      () => control(el, 'leave-button').getBoundingClientRect().width > 0,
      'control bar laid out',
    );
    // The Tab sequence from the start of the page, until focus leaves the room or comes round.
    (document.activeElement as HTMLElement | null)?.blur();
    const stops: { name: string; node: Element }[] = [];
    const problems: string[] = [];
    for (let i = 0; i < 60; i += 1) {
      const before = deepActive();
      await sendKeys({ press: 'Tab' });
      // Wait for focus to land (a stop that keeps it shows up as a repeated name below).
      await waitFor(() => deepActive() !== before, 'focus moved', 1000).catch(() => {});
      const node = deepActive();
      if (!node || node === document.body || !hostsOf(node).includes(el)) {
        if (stops.length) break;
        continue;
      }
      // Back at the first stop: focus went round the page (WebKit keeps it in the page).
      if (stops.length && node === stops[0]!.node) break;
      const name = controlName(node);
      stops.push({ name, node });
      const box = node.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) problems.push(`${name} has no size`);
      // Tile actions fade in (150 ms) once focus is inside them: give a fade time to finish.
      const visible = () =>
        node.checkVisibility({ visibilityProperty: true, opacityProperty: true });
      for (let waited = 0; !visible() && waited < 1000; waited += 50) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      if (!visible()) problems.push(`${name} is hidden`);
      if (!node.matches(':focus-visible')) problems.push(`${name} is not :focus-visible`);
      if (!focusIndicator(node)) problems.push(`${name} shows no focus indicator`);
    }
    const names = stops.map((s) => s.name);
    expect(problems, names.join(' → ')).to.deep.equal([]);

    // Tiles first (the stage), then the bar, each control once, in the bar's order.
    const expected = [
      ...[local, ...ids].map((id) => `pin:${id}`).filter((n) => names.includes(n)),
      'microphone',
      'microphone-picker',
      'camera',
      'camera-picker',
      'share',
      'react',
      'raise-hand',
      'deafen',
      // Picture-in-picture only where the browser has it (not in Firefox).
      ...(pipSupport() ? ['pip'] : []),
      'participants',
      'chat',
      'leave',
    ];
    for (const id of [local, ...ids]) expect(names, `Pin of ${id}`).to.include(`pin:${id}`);
    const reached = names.filter((n) => expected.includes(n));
    expect(reached, names.join(' → ')).to.deep.equal(expected);
    // No focus stop is visited twice.
    expect(new Set(names).size, names.join(' → ')).to.equal(names.length);

    // Shift+Tab walks the same stops back, from Leave.
    const leave = stops.find((s) => s.name === 'leave')!.node as HTMLElement;
    leave.focus();
    const back: string[] = [controlName(deepActive()!)];
    for (let i = 0; i < stops.length - 1; i += 1) {
      await sendKeys({ press: 'Shift+Tab' });
      const node = deepActive();
      if (!node || !hostsOf(node).includes(el)) break;
      back.push(controlName(node));
    }
    const forward = names.slice(0, names.indexOf('leave') + 1);
    expect(back).to.deep.equal([...forward].reverse());

    // Enter on the participants toggle opens the list, Space on the chat toggle the chat.
    const participants = stops.find((s) => s.name === 'participants')!.node as HTMLElement;
    participants.focus();
    await sendKeys({ press: 'Enter' });
    const list = callRoot(el)!.querySelector('participant-list')!;
    await waitFor(() => !list.hidden, 'Enter opens the participant list');
    expect(participants.getAttribute('aria-pressed')).to.equal('true');
    const chat = stops.find((s) => s.name === 'chat')!.node as HTMLElement;
    chat.focus();
    await sendKeys({ press: ' ' });
    const panel = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => !panel.hidden, 'Space opens the chat');
    expect(chat.getAttribute('aria-pressed')).to.equal('true');
    await script.room.disconnect();
  });

  itIn('moves nothing with prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(true);
      const { script, el } = await fullRoom(2);
      const [first, second] = script.identities as [string, string];
      // Speaking ring, reconnecting spinner, a reaction showing, a hovered/focused control.
      await waitFor(
        () => !!tileOf(el, second)?.shadowRoot?.querySelector('[part="base"].speaking'),
        'speaking ring',
      );
      receiveData(script.room, first, REACTION_TOPIC, '🎉');
      const reaction = () =>
        tileOf(el, first)?.shadowRoot?.querySelector<HTMLElement>('[part="reaction"]');
      await waitFor(() => !!reaction(), 'the reaction shows');
      script.room.emit(RoomEvent.Reconnecting);
      const banner = el.shadowRoot!.querySelector('connection-banner')!;
      const spinner = () => banner.shadowRoot?.querySelector('[part="spinner"]');
      await waitFor(() => !!spinner(), 'the spinner shows');
      innerButton(control(el, 'chat-toggle')).focus();

      const moving: string[] = [];
      const checked = { transitions: 0, animations: 0 };
      for (const node of allElements(el)) {
        const style = getComputedStyle(node);
        const where = `${hostsOf(node)[0]?.localName ?? 'media-room'} ${node.localName}[part=${node.getAttribute('part')}]`;
        if (
          style.transitionProperty !== 'none' &&
          seconds(style.transitionDuration).some((s) => s > 0)
        ) {
          moving.push(
            `${where}: transition ${style.transitionProperty} ${style.transitionDuration}`,
          );
        }
        if (style.animationName !== 'none' && seconds(style.animationDuration).some((s) => s > 0)) {
          // A reaction fades in place (opacity only): allowed, it does not move.
          const props = style.animationName
            .split(',')
            .flatMap((name) => keyframeProperties(node, name.trim()));
          if (props.some((p) => p !== 'opacity')) {
            moving.push(`${where}: animation ${style.animationName} (${props.join(', ')})`);
          }
          checked.animations += 1;
        }
        checked.transitions += 1;
      }
      expect(moving).to.deep.equal([]);
      // It really looked at the animated things.
      expect(getComputedStyle(spinner()!).animationName).to.equal('none');
      // The speaking ring is the tile's ::after layer, fading by opacity.
      const ring = tileOf(el, second)!.shadowRoot!.querySelector('[part="base"]')!;
      expect(
        seconds(getComputedStyle(ring, '::after').transitionDuration).every((s) => s === 0),
      ).to.equal(true);
      expect(getComputedStyle(reaction()!).animationName).to.equal('mr-reaction-fade');
      expect(keyframeProperties(reaction()!, 'mr-reaction-fade')).to.deep.equal(['opacity']);
      expect(checked.transitions).to.be.greaterThan(50);
      await script.room.disconnect();
    } finally {
      await emulateMedia({ reducedMotion: 'no-preference' });
    }
    expect(matchMedia('(prefers-reduced-motion: reduce)').matches).to.equal(false);
  });

  it('moves with no preference (the check above can fail)', async () => {
    const { script, el } = await fullRoom(1);
    const [first] = script.identities as [string];
    receiveData(script.room, first, REACTION_TOPIC, '🎉');
    const reaction = () =>
      tileOf(el, first)?.shadowRoot?.querySelector<HTMLElement>('[part="reaction"]');
    await waitFor(() => !!reaction(), 'the reaction shows');
    expect(getComputedStyle(reaction()!).animationName).to.equal('mr-reaction-rise');
    const ring = tileOf(el, first)!.shadowRoot!.querySelector('[part="base"]')!;
    const after = getComputedStyle(ring, '::after');
    expect(seconds(after.transitionDuration).some((s) => s > 0)).to.equal(true);
    expect(after.transitionProperty).to.equal('opacity');
    await script.room.disconnect();
  });

  it('names each tile after its participant and exposes muted, camera-off, speaking and hand', async () => {
    const { script, el, local } = await fullRoom(2);
    const [first, second] = script.identities as [string, string];
    /** What a screen reader gets from a tile: its group name and the text and labels inside. */
    const spoken = (id: string) => {
      const root = tileOf(el, id)!.shadowRoot!;
      const base = root.querySelector('[part="base"]')!;
      const parts: string[] = [];
      const walk = (node: Element) => {
        if (node.getAttribute('aria-hidden') === 'true') return;
        const role = node.getAttribute('role');
        const label = node.getAttribute('aria-label');
        if (role === 'img' && label) {
          parts.push(label);
          return;
        }
        if (node.localName === 'button' || node.localName === 'slot' || node.localName === 'style')
          return;
        for (const child of node.childNodes) {
          if (child.nodeType === Node.TEXT_NODE && child.textContent!.trim()) {
            parts.push(child.textContent!.trim());
          } else if (child instanceof Element) walk(child);
        }
      };
      walk(base);
      return {
        role: base.getAttribute('role'),
        name: base.getAttribute('aria-label') ?? '',
        text: parts,
      };
    };
    await waitFor(() => spoken(second).text.includes('Speaking'), 'speaking said');

    const a = spoken(first);
    expect(a.role).to.equal('group');
    expect(a.name).to.contain(NAMES[0]);
    expect(a.text).to.include('Microphone muted');
    expect(a.text).to.include('Camera off');
    expect(a.text).to.include('Hand raised (2 in line)');
    expect(a.text).not.to.include('Speaking');

    const b = spoken(second);
    expect(b.name).to.contain(NAMES[1]);
    expect(b.text).not.to.include('Microphone muted');
    expect(b.text).to.include('Speaking');
    expect(b.text.some((s) => s.startsWith('Hand raised'))).to.equal(false);

    const me = spoken(local);
    expect(me.name).to.contain(`${script.room.localParticipant.name || local} (you)`);
    expect(me.text).to.include('Hand raised (1 in line)');

    // The states follow: the hand goes down, the speaker stops, the microphone mutes.
    script.setAttributes(first, { [HAND_ATTRIBUTE]: '' });
    script.speakers([]);
    script.publishTrack(second, 'microphone', { muted: true });
    await waitFor(
      () =>
        !spoken(first).text.some((s) => s.startsWith('Hand raised')) &&
        !spoken(second).text.includes('Speaking') &&
        spoken(second).text.includes('Microphone muted'),
      'states follow',
    );
    // Each Pin button is named after its participant, so a list of buttons tells them apart.
    const pin = tileOf(el, first)!.shadowRoot!.querySelector('[part="pin-button"]')!;
    expect(pin.getAttribute('aria-label')).to.equal(`Pin ${NAMES[0]}`);
    expect(pin.hasAttribute('aria-pressed')).to.equal(false);
    await script.room.disconnect();
  });

  // Host: spotlight and end for everyone
  it("passes axe with a spotlighted tile and a host's Leave menu open", async () => {
    const { script, el } = await fullRoom(2);
    const [first] = script.identities;
    // The room's metadata as the server helper writes it (a room update from the SFU).
    const room = script.room as unknown as { roomInfo?: { metadata: string } };
    room.roomInfo = { ...(room.roomInfo ?? {}), metadata: JSON.stringify({ spotlight: first }) };
    script.room.emit(RoomEvent.RoomMetadataChanged, room.roomInfo.metadata);
    await el.store.settled();
    await waitFor(
      () => !!tileOf(el, first!)?.shadowRoot?.querySelector('[part="spotlight"]'),
      'the spotlighted tile is marked',
    );
    const bar = callRoot(el)!.querySelector('control-bar')!;
    const leave = bar.shadowRoot!.querySelector('leave-button')!;
    await leave.show();
    await waitFor(() => !!leave.shadowRoot!.querySelector('[role="menu"]'), 'the menu opens');
    await expect(el).to.be.accessible();
    leave.hide();
    await script.room.disconnect();
  });
});

// Captions and transcript
describe('accessibility of captions and the transcript', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe with captions on and the transcript open in the ${theme} theme`, async () => {
      // Captions start as the user last left them: here, off.
      localStorage.removeItem('media-room-elements:captions');
      const { script, el } = await fullRoom(2, theme);
      const [first, second] = script.identities as [string, string];
      receiveTranscription(script.room, first, 'Shall we begin?', { segment: '1', final: true });
      receiveTranscription(script.room, second, 'مرحبا بالجميع', { segment: '2', final: true });
      receiveTranscription(script.room, first, 'Still speak', { segment: '3', final: false });
      await waitFor(() => !!callRoot(el)!.querySelector('captions-toggle'), 'captions toggle');
      innerButton(control(el, 'captions-toggle')).click();
      await waitFor(() => !!callRoot(el)!.querySelector('captions-overlay'), 'captions on');
      innerButton(control(el, 'transcript-toggle')).click();
      await waitFor(
        () => !callRoot(el)!.querySelector('transcript-panel')!.hidden,
        'transcript opens',
      );
      // Checked as read: once the caption lines have faded in.
      const overlay = callRoot(el)!.querySelector('captions-overlay')!;
      await Promise.all(overlay.shadowRoot!.getAnimations().map((a) => a.finished));
      await expect(el).to.be.accessible();
      await script.room.disconnect();
      localStorage.removeItem('media-room-elements:captions');
    });
  }
});

// waiting room
describe('accessibility of the waiting room', () => {
  const waitingAttributes = {
    'mr.waiting': '2026-12-01T10:00:00.000Z',
    [CAPABILITIES_ATTRIBUTE]: '',
  };
  const nothing = { canPublish: false, canSubscribe: false, canPublishData: false };

  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe for a host with knocks and the Waiting group, and for the newcomer, in the ${theme} theme`, async () => {
      const { script, el } = await fullRoom(3, theme);
      const [first, second] = script.identities;
      for (const id of [first!, second!]) {
        script.setPermissions(id, nothing);
        script.setAttributes(id, waitingAttributes);
      }
      // Loaded on demand: there once the host may moderate.
      const notices = () => callRoot(el)!.querySelector('knock-notices');
      await waitFor(
        () => notices()?.shadowRoot?.querySelectorAll('[part~="notice"]').length === 2,
        'two knocks',
      );
      await expect(el).to.be.accessible();
      await openPanel(el, 'participants-toggle');
      const list = callRoot(el)!.querySelector('participant-list')!;
      await waitFor(() => !!list.shadowRoot!.querySelector('[part~="admit"]'), 'Waiting group');
      await expect(el).to.be.accessible();
      await script.room.disconnect();

      // The newcomer's side: the waiting screen in place of the call.
      const other = await ScriptedRoom.create(1);
      const newcomer = await fixture<MediaRoom>(
        html`<media-room skip-prejoin theme=${theme} style="height: 30rem"></media-room>`,
      );
      newcomer.room = other.room;
      const local = other.room.localParticipant.identity;
      other.setPermissions(local, nothing);
      other.setAttributes(local, waitingAttributes);
      await waitFor(() => !!callRoot(newcomer)?.querySelector('waiting-screen'), 'waiting');
      other.leave(other.identities[0]!);
      const screen = callRoot(newcomer)!.querySelector('waiting-screen')!;
      await waitFor(
        () => !!screen.shadowRoot!.querySelector('[part="no-host"]')?.textContent?.trim(),
        'no host said',
      );
      await expect(newcomer).to.be.accessible();
      await other.room.disconnect();
    });
  }
});

// End-to-end encryption
describe('accessibility of end-to-end encryption', () => {
  for (const theme of ['light', 'dark'] as const) {
    it(`passes axe with a lock, a can't-decrypt tile, the badge and the no-key notice in the ${theme} theme`, async () => {
      const { script, el, local } = await fullRoom(2, theme);
      const [first] = script.identities as [string];
      script.room.isE2EEEnabled = true;
      script.room.emit(
        RoomEvent.ParticipantEncryptionStatusChanged,
        true,
        script.room.localParticipant,
      );
      script.publishTrack(first, 'microphone', { encrypted: true });
      await waitFor(
        () => !!tileOf(el, local)?.shadowRoot?.querySelector('[part="encrypted"]'),
        'the lock on your tile',
      );
      await waitFor(
        () => !!tileOf(el, first)?.shadowRoot?.querySelector('[part="undecryptable"]'),
        'the can’t-decrypt tile',
      );
      await waitFor(() => !!callRoot(el)!.querySelector('[part="encryption"]'), 'the badge');
      await waitFor(
        () => !!callRoot(el)!.querySelector('[part="encryption-notice"]'),
        'the no-key notice',
      );
      const lock = tileOf(el, local)!.shadowRoot!.querySelector('[part="encrypted"]')!;
      expect(lock.getAttribute('role')).to.equal('img');
      expect(lock.getAttribute('aria-label')).to.equal('Encrypted');
      await expect(el).to.be.accessible();
      await script.room.disconnect();
    });
  }
});

// Background effects: the picker (pre-join) and the camera menu's choices.
describe('accessibility of the background choices', () => {
  for (const theme of ['dark', 'light'] as const) {
    it(`passes axe: the picker and the camera menu with its background items (${theme})`, async () => {
      const script = await ScriptedRoom.create(0);
      const el = await fixture<MediaRoom>(
        html`<media-room skip-prejoin theme=${theme} style="height: 30rem; width: 50rem">
          <background-picker></background-picker>
          <device-picker kind="videoinput"></device-picker>
        </media-room>`,
      );
      el.room = script.room;
      const picker = el.querySelector('background-picker')!;
      await waitFor(
        () => (picker.shadowRoot?.querySelectorAll('[role="radio"]').length ?? 0) > 2,
        'the choices with the images',
      );
      const menu = el.querySelector('device-picker')!;
      await menu.show();
      await waitFor(
        () => !!menu.shadowRoot!.querySelector('[data-background="blur"]'),
        'the camera menu lists the background choices',
      );
      await expect(el).to.be.accessible();
      menu.hide();
      await script.room.disconnect();
    });
  }
});

// Voice processing
describe('accessibility of voice processing', () => {
  it('passes axe with the microphone menu (its Voice processing group) and the Voice settings dialog open', async () => {
    const { script, el } = await fullRoom(1);
    const bar = callRoot(el)!.querySelector('control-bar')!;
    const picker = bar.shadowRoot!.querySelector<DevicePicker>('device-picker[kind="audioinput"]')!;
    await picker.show();
    await waitFor(() => !!picker.shadowRoot!.querySelector('[role="group"]'), 'the voice group');
    await expect(el).to.be.accessible();
    picker.shadowRoot!.querySelector<HTMLElement>('[data-voice="dialog"]')!.click();
    await waitFor(
      () => !!picker.shadowRoot!.querySelector('dialog[part="voice-dialog"] voice-settings'),
      'the dialog opens',
    );
    const settings = picker.shadowRoot!.querySelector('voice-settings')!;
    await settings.updateComplete;
    await expect(el).to.be.accessible();
    picker.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.close();
    await script.room.disconnect();
  });
});
