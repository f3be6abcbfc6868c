/**
 * The webinar-scale page (bench/webinar.ts drives it): a simulated room (`ScriptedRoom`: a real
 * livekit-client Room fed the SFU's protocol messages, no server) of N remote participants, 5 of
 * them publishing a camera and a microphone and the rest viewers (a grant without `canPublish`),
 * shown either by nothing but a `RoomStore` with the store's own selectors subscribed (`store`) or
 * by `<media-room type="webinar">`'s default UI with the participant list open (`ui`), or by
 * nothing at all (`room`: what livekit-client itself spends on each event, which both pay).
 *
 * Exposed as `window.webinarBench`. A batch of events is applied one at a time, each followed by
 * its settling (`store`: the store's commit and its subscribers; `ui`: a macrotask, so every Lit
 * update is done, then a forced style and layout); bench/webinar.ts reads the main thread's time
 * around each batch.
 */
import '../../src/index.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import { RoomStore } from '../../src/store/room-store.js';
import type { RoomSnapshot } from '../../src/store/types.js';
import {
  selectActiveSpeakers,
  selectChat,
  selectCounts,
  selectIsSpeaking,
  selectParticipant,
  selectRaisedHands,
  selectRemotes,
  selectSpeakerRecency,
} from '../../src/store/selectors.js';
import { ScriptedRoom } from '../../test/helpers/scripted-room.js';
import { receiveText } from '../../test/helpers/text-stream.js';

export type Mode = 'room' | 'store' | 'ui';
export type EventKind = 'join' | 'leave' | 'speaker' | 'hand' | 'chat' | 'noop';
export const PUBLISHERS = 5;

export interface WebinarBench {
  setup(mode: Mode, remotes: number): Promise<void>;
  /** ms per event over one batch of `count` events of `kind`. */
  batch(kind: EventKind, count: number): Promise<number>;
  /** `ui`: open the participant list; ms until it is rendered (rows present, laid out). */
  openList(): Promise<{ ms: number; rows: number }>;
  /** `ui`: type a query finding one participant far down; ms until the list shows only them. */
  search(): Promise<{ ms: number; found: boolean }>;
  /** `ui`: scroll the list to its end; ms until the last participant's row is rendered. */
  scrollToEnd(): Promise<{ ms: number; found: boolean }>;
}

const channel = new MessageChannel();
/** A macrotask without setTimeout's clamping. */
const task = () =>
  new Promise<void>((resolve) => {
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));

let mode: Mode = 'store';
let script: ScriptedRoom;
let store: RoomStore | undefined;
let el: MediaRoom | undefined;
let viewers: string[] = [];
let publishers: string[] = [];
/** Viewers who joined during the run (and leave again). */
const joined: string[] = [];
let serial = 0;
let speakerTurn = 0;
let handTurn = 0;
const raised: string[] = [];

const name = (i: number) => `Viewer ${String(i).padStart(4, '0')}`;

function deep<T extends Element>(
  selector: string,
  root: Document | ShadowRoot = document,
): T | null {
  const found = root.querySelector<T>(selector);
  if (found) return found;
  for (const e of root.querySelectorAll('*')) {
    if (!e.shadowRoot) continue;
    const inner = deep<T>(selector, e.shadowRoot);
    if (inner) return inner;
  }
  return null;
}

function list(): ParticipantList {
  const found = deep<ParticipantList>('participant-list');
  if (!found) throw new Error('no participant list');
  return found;
}

/** Rows of the list whose identity is `identity` (rendered ones only). */
function rowOf(identity: string): Element | null {
  for (const li of list().shadowRoot!.querySelectorAll<HTMLElement>('li[data-identity]')) {
    if (li.dataset.identity === identity) return li;
  }
  return null;
}

async function settle(): Promise<void> {
  await Promise.resolve();
  await store?.settled();
  if (mode === 'ui') {
    await task();
    document.documentElement.getBoundingClientRect();
  }
}

/** Waits (bounded) until `ready`, a microtask or a task at a time. */
async function until(ready: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 2000; i++) {
    if (ready()) return;
    await (i < 50 ? Promise.resolve() : task());
  }
  throw new Error(`webinar bench: ${what} never happened`);
}

function apply(kind: EventKind): Promise<void> | void {
  switch (kind) {
    case 'join': {
      const identity = `late-${serial++}`;
      script.joinMany([{ identity, name: `Late ${serial}`, viewer: true }]);
      joined.push(identity);
      return;
    }
    case 'leave': {
      const identity = joined.shift();
      if (identity) script.leave(identity);
      return;
    }
    case 'speaker':
      script.speakers([publishers[speakerTurn++ % publishers.length]!]);
      return;
    case 'hand': {
      // Up to 10 hands stay raised: raise one, and past 10 lower the oldest in the same event.
      const identity = viewers[(handTurn++ * 37) % viewers.length]!;
      script.setAttributes(identity, { [HAND_ATTRIBUTE]: new Date().toISOString() });
      raised.push(identity);
      if (raised.length > 10) script.setAttributes(raised.shift()!, { [HAND_ATTRIBUTE]: '' });
      return;
    }
    case 'chat': {
      const from = viewers[serial++ % viewers.length]!;
      const chat = () => store?.get().chat.length ?? 0;
      const before = chat();
      receiveText(script.room, from, `Question number ${serial}`);
      if (!store) return;
      return until(() => chat() !== before || chat() === 500, 'a chat message');
    }
    case 'noop':
      return;
  }
}

const bench: WebinarBench = {
  async setup(which, remotes) {
    mode = which;
    script = await ScriptedRoom.create(0);
    const people = Array.from({ length: remotes }, (_, i) =>
      i < PUBLISHERS
        ? { identity: `speaker-${i + 1}`, name: `Speaker ${i + 1}` }
        : { identity: `viewer-${i}`, name: name(i), viewer: true },
    );
    script.joinMany(people);
    publishers = people.slice(0, PUBLISHERS).map((p) => p.identity);
    viewers = people.slice(PUBLISHERS).map((p) => p.identity);
    for (const id of publishers) {
      script.publishTrack(id, 'camera');
      script.publishTrack(id, 'microphone');
    }
    if (which === 'room') return;
    if (which === 'store') {
      const s = (store = new RoomStore(script.room));
      // What the default UI subscribes to, short of the elements: the room, the remotes, the
      // counts, hands, speakers, chat, and one participant and speaking flag per publisher tile.
      const off: Array<() => void> = [s.subscribe(() => {})];
      const selectors: Array<(s: RoomSnapshot) => unknown> = [
        selectRemotes,
        selectCounts,
        selectRaisedHands,
        selectActiveSpeakers,
        selectSpeakerRecency,
        selectChat,
      ];
      for (const selector of selectors) off.push(s.select(selector).subscribe(() => {}));
      for (const id of publishers) {
        off.push(s.select(selectParticipant(id)).subscribe(() => {}));
        off.push(s.select(selectIsSpeaking(id)).subscribe(() => {}));
      }
      await s.settled();
      return;
    }
    el = document.createElement('media-room') as MediaRoom;
    el.setAttribute('skip-prejoin', '');
    el.setAttribute('type', 'webinar');
    el.style.cssText = 'display:block;height:100%;width:100%';
    el.room = script.room;
    document.getElementById('app')!.append(el);
    store = el.store;
    await until(() => !!deep('participants-toggle'), 'the participants toggle');
    await el.store.settled();
    await frame();
    await task();
  },

  async batch(kind, count) {
    // Joins and leaves pair up: a leave batch takes back the joins of the batch before it.
    const start = performance.now();
    for (let i = 0; i < count; i++) {
      await apply(kind);
      await settle();
    }
    return (performance.now() - start) / count;
  },

  async openList() {
    const toggle = deep<HTMLElement>('participants-toggle')!;
    const button = toggle.shadowRoot!.querySelector('button')!;
    const start = performance.now();
    button.click();
    await until(() => !list().hidden && !!rowOf(publishers[0]!), 'the list');
    await list().updateComplete;
    document.documentElement.getBoundingClientRect();
    const ms = performance.now() - start;
    await frame();
    await task();
    return { ms, rows: list().shadowRoot!.querySelectorAll('li[data-identity]').length };
  },

  async search() {
    const target = viewers[viewers.length - 3]!;
    const input = list().shadowRoot!.querySelector<HTMLInputElement>('[part="filter"]')!;
    const start = performance.now();
    input.value = name(Number(target.slice('viewer-'.length)));
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await list().updateComplete;
    document.documentElement.getBoundingClientRect();
    const ms = performance.now() - start;
    const shown = list().shadowRoot!.querySelectorAll<HTMLElement>('li[data-identity]');
    const found = shown.length === 1 && shown[0]!.dataset.identity === target;
    input.value = '';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await list().updateComplete;
    await frame();
    await task();
    return { ms, found };
  },

  async scrollToEnd() {
    const rows = store!.get().remotes;
    const last = rows[rows.length - 1]!.identity;
    const scroller = list().shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const start = performance.now();
    scroller.scrollTop = scroller.scrollHeight;
    // Rows of a virtual list are rendered from the scroll event (at the next frame).
    await until(() => !!rowOf(last), 'the last row');
    await list().updateComplete;
    document.documentElement.getBoundingClientRect();
    const ms = performance.now() - start;
    const found = !!rowOf(last);
    scroller.scrollTop = 0;
    await frame();
    await task();
    return { ms, found };
  },
};

(window as unknown as { webinarBench: WebinarBench }).webinarBench = bench;
