/**
 * The render-cost page (bench/render.ts drives it): one simulated room (`ScriptedRoom`: a real
 * livekit-client Room fed the SFU's protocol messages, no server) shown either by our
 * `<media-room>` default UI or by LiveKit's `VideoConference` prefab, and a fixed, seeded sequence
 * of active-speaker changes and camera mute toggles applied to it. Both implementations are in this
 * one bundle; a page shows only one of them (bench/render.ts opens a fresh page for each).
 *
 * Exposed as `window.renderBench`; every change resolves only once the page has settled (see
 * `settle`). Counting (DOM mutations, Lit updates, React component renders) is off unless turned
 * on, so the timed changes pay for no instrumentation beyond a disabled flag.
 */
import { reactCount } from './render-hook.js';
import { ReactiveElement } from 'lit';
import { createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RoomContext, VideoConference } from '@livekit/components-react';
import '@livekit/components-styles';
import '../../src/index.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { ScriptedRoom } from '../../test/helpers/scripted-room.js';

/**
 * `floor`: no UI at all, only the room and the changes, for what livekit-client itself spends on
 * a change (both UIs pay it too).
 */
export type Impl = 'ours' | 'livekit' | 'floor';
export type ChangeKind = 'speaker' | 'mute' | 'noop';

export interface Counts {
  /** Distinct DOM nodes (in the document and every shadow root) mutated or inserted. */
  nodes: number;
  litUpdates: number;
  reactRenders: number;
  reactCommits: number;
  /** Lit updates by tag name. */
  litByTag: Record<string, number>;
}

export interface RenderBench {
  setup(impl: Impl, remotes: number, seed: number): Promise<void>;
  mount(): Promise<{ wallMs: number; tiles: number; timedOut: boolean }>;
  change(kind: ChangeKind): Promise<void>;
  startCounting(): void;
  stopCounting(): Counts;
  tiles(): number;
  /** Authored DOM nodes of the UI and of each tile (see `countNodes`). */
  domNodes(): DomNodes;
  /** When (ms after mount) the DOM changed during the first render, and where. */
  mountLog(): { at: number; targets: string }[];
}

/**
 * Authored DOM nodes, counted by one rule for both implementations (`countNodes`): the whole UI
 * (under the page's `#app`), and each tile: its root (ours `<participant-tile>`, LiveKit's
 * `.lk-participant-tile`) with everything under it, plus any wrapper around it that holds nothing
 * else (ours: the grid's cell).
 */
export interface DomNodes {
  total: number;
  tiles: number[];
  /** For looking into a tile: node counts of the first tile by element name (`host>tag`). */
  firstTileByTag: Record<string, number>;
}

// ---- Lit updates, counted by wrapping the one ReactiveElement (lit is bundled once) ----
const litCount = { on: false, total: 0, byTag: new Map<string, number>() };
const proto = ReactiveElement.prototype as unknown as { performUpdate(): void };
const performUpdate = proto.performUpdate;
proto.performUpdate = function (this: HTMLElement) {
  if (litCount.on) {
    litCount.total++;
    litCount.byTag.set(this.localName, (litCount.byTag.get(this.localName) ?? 0) + 1);
  }
  return performUpdate.call(this);
};

// ---- DOM mutations in the document and every shadow root ----
const mutated = new Set<Node>();
let observed = new WeakSet<Node>();
const observer = new MutationObserver((records) => note(records));
const OBSERVE: MutationObserverInit = {
  subtree: true,
  childList: true,
  attributes: true,
  characterData: true,
};
let lastMutation = 0;

function note(records: MutationRecord[]): void {
  lastMutation = performance.now();
  for (const r of records) {
    mutated.add(r.target);
    for (const n of r.addedNodes) {
      mutated.add(n);
      observeTree(n);
    }
  }
}

/** Observe `root` and every shadow root under it (open ones; ours are all open). */
function observeTree(root: Node): void {
  const visit = (node: Node) => {
    const shadow = (node as Element).shadowRoot;
    if (shadow && !observed.has(shadow)) {
      observed.add(shadow);
      observer.observe(shadow, OBSERVE);
      visit(shadow);
    }
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  if (root === document && !observed.has(document)) {
    observed.add(document);
    observer.observe(document, OBSERVE);
  }
  visit(root);
}

/**
 * The counting rule: every element and every text node with more than whitespace, in the light
 * DOM and in every shadow root (open ones; ours are all open), recursively. Not counted: comments
 * (Lit's part markers), whitespace-only text (template indentation), `<style>`, `<link>` and
 * `<script>` (styles: ours are adopted stylesheets, LiveKit's one stylesheet is in the head).
 * `<slot>` elements are counted (they are ours). `byTag`, when given, gets each node's
 * `host>tag` (text nodes as `#text`).
 */
function countNodes(root: Node, byTag?: Map<string, number>): number {
  let count = 0;
  const visit = (node: Node) => {
    if (node.nodeType === Node.TEXT_NODE) {
      if (node.textContent?.trim()) {
        count++;
        byTag?.set('#text', (byTag.get('#text') ?? 0) + 1);
      }
      return;
    }
    if (node.nodeType === Node.ELEMENT_NODE) {
      const el = node as Element;
      if (el.localName === 'style' || el.localName === 'link' || el.localName === 'script') return;
      count++;
      if (byTag) {
        const host = (el.getRootNode() as ShadowRoot).host?.localName ?? '';
        const key = `${host}>${el.localName}${el.getAttribute('part') ? `[${el.getAttribute('part')}]` : ''}`;
        byTag.set(key, (byTag.get(key) ?? 0) + 1);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    } else if (node.nodeType !== Node.DOCUMENT_FRAGMENT_NODE) return;
    for (let c = node.firstChild; c; c = c.nextSibling) visit(c);
  };
  visit(root);
  return count;
}

/** Every element matching `selector` in the document and all shadow roots, in tree order. */
function deepQuery(selector: string): Element[] {
  const found: Element[] = [];
  const visit = (root: Document | ShadowRoot) => {
    found.push(...root.querySelectorAll(selector));
    for (const el of root.querySelectorAll('*')) if (el.shadowRoot) visit(el.shadowRoot);
  };
  visit(document);
  return found;
}

/** A tile's outermost element: the tile, or a wrapper around it that holds nothing else. */
function tileBox(tile: Element): Element {
  let box = tile;
  for (let parent = box.parentElement; parent; parent = parent.parentElement) {
    if (parent.id === 'app' || countNodes(parent) !== countNodes(box) + 1) break;
    box = parent;
  }
  return box;
}

const mountLog: { at: number; targets: string }[] = [];

function describe(node: Node): string {
  const el = node instanceof Element ? node : node.parentElement;
  const host = (node.getRootNode() as ShadowRoot).host;
  const name = el
    ? el.localName +
      (el.getAttribute('part')
        ? `[${el.getAttribute('part')}]`
        : el.className && typeof el.className === 'string'
          ? `.${el.className.split(' ')[0]}`
          : '')
    : node.nodeName;
  return host ? `${host.localName}>${name}` : name;
}

// ---- Waiting ----
const task = () => new Promise<void>((resolve) => setTimeout(resolve, 0));
const frame = () => new Promise<void>((resolve) => requestAnimationFrame(() => resolve()));
const idle = () =>
  new Promise<void>((resolve) => requestIdleCallback(() => resolve(), { timeout: 500 }));

/**
 * Wait until the page has done all the work a change caused: two macrotasks (Lit renders in
 * microtasks, React in scheduler tasks), an idle period (the browser runs idle callbacks only when
 * no other task is ready, so React's yielded render slices are done), a forced style and layout
 * (so a framework that leaves them to the next frame pays for them too), then a frame and a task
 * after it (so the paint of the change is done).
 */
async function settle(): Promise<void> {
  await task();
  await task();
  await idle();
  await task();
  await idle();
  document.documentElement.getBoundingClientRect();
  await frame();
  await task();
}

// ---- The scripted room and its change sequence ----
/** A small seeded generator (mulberry32), so every implementation gets the same sequence. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let impl: Impl = 'ours';
let script: ScriptedRoom | undefined;
let next = random(1);
let speaker = '';
const muted = new Map<string, boolean>();
const container = () => document.getElementById('app')!;
let reactRoot: Root | undefined;

function pick(ids: string[], not = ''): string {
  for (let i = 0; i < 8; i++) {
    const id = ids[Math.floor(next() * ids.length)]!;
    if (id !== not || ids.length === 1) return id;
  }
  return ids[0]!;
}

function tileSelector(): string {
  return impl === 'ours' ? 'participant-tile' : '.lk-participant-tile';
}

const bench: RenderBench = {
  async setup(which, remotes, seed) {
    impl = which;
    next = random(seed);
    script = await ScriptedRoom.create(remotes);
    script.identities.forEach((id, i) => script!.update(id, { name: `Participant ${i + 1}` }));
    muted.clear();
    speaker = '';
  },

  async mount() {
    const room = script!.room;
    const start = performance.now();
    mountLog.length = 0;
    // While mounting, one observer follows the document and every shadow root as it appears
    // (a custom element's shadow root exists once it is inserted, before the records arrive).
    let dirty = false;
    let lastPainted = 0;
    const follow = new MutationObserver((records) => {
      lastMutation = performance.now();
      dirty = true;
      mountLog.push({
        at: Math.round(lastMutation - start),
        targets: [...new Set(records.map((r) => describe(r.target)))].slice(0, 5).join(' '),
      });
      for (const r of records) for (const n of r.addedNodes) followTree(n);
    });
    const followed = new WeakSet<Node>();
    const followTree = (node: Node) => {
      const shadow = (node as Element).shadowRoot;
      if (shadow && !followed.has(shadow)) {
        followed.add(shadow);
        follow.observe(shadow, OBSERVE);
        followTree(shadow);
      }
      for (let c = node.firstChild; c; c = c.nextSibling) followTree(c);
    };
    follow.observe(document, OBSERVE);
    // The task after the first frame that follows a change marks when that change was painted;
    // the first render ends when the last change of the mount was painted.
    let framing = true;
    const onFrame = () => {
      if (!framing) return;
      if (dirty) {
        dirty = false;
        setTimeout(() => (lastPainted = performance.now()), 0);
      }
      requestAnimationFrame(onFrame);
    };
    requestAnimationFrame(onFrame);

    lastMutation = start;
    if (impl === 'floor') {
      follow.disconnect();
      framing = false;
      return { wallMs: 0, tiles: 0, timedOut: false };
    }
    if (impl === 'ours') {
      const el = document.createElement('media-room') as MediaRoom;
      el.setAttribute('skip-prejoin', '');
      el.style.cssText = 'display:block;height:100%;width:100%';
      el.room = room;
      container().append(el);
    } else {
      const host = document.createElement('div');
      host.setAttribute('data-lk-theme', 'default');
      host.style.cssText = 'height:100%;width:100%';
      container().append(host);
      reactRoot = createRoot(host);
      reactRoot.render(
        createElement(RoomContext.Provider, { value: room }, createElement(VideoConference)),
      );
    }
    // Settled: no DOM change over three settles in a row and 100 ms, with tiles shown.
    let quiet = 0;
    let timedOut = false;
    const deadline = start + 15_000;
    for (;;) {
      const before = lastMutation;
      await settle();
      if (lastMutation === before && performance.now() - lastMutation > 100) quiet++;
      else quiet = 0;
      if (quiet >= 3 && bench.tiles() > 0) break;
      if (performance.now() > deadline) {
        timedOut = true;
        break;
      }
    }
    framing = false;
    follow.disconnect();
    return {
      wallMs: Math.max(lastPainted, lastMutation) - start,
      tiles: bench.tiles(),
      timedOut,
    };
  },

  async change(kind) {
    const s = script!;
    const ids = s.identities;
    if (kind === 'speaker') {
      speaker = pick(ids, speaker);
      s.speakers([speaker]);
    } else if (kind === 'mute') {
      const id = pick(ids);
      const now = !(muted.get(id) ?? false);
      muted.set(id, now);
      s.setCameraMuted(id, now);
    }
    await settle();
  },

  startCounting() {
    mutated.clear();
    observed = new WeakSet();
    observeTree(document);
    litCount.on = true;
    litCount.total = 0;
    litCount.byTag.clear();
    reactCount.on = true;
    reactCount.renders = 0;
    reactCount.commits = 0;
  },

  stopCounting() {
    note(observer.takeRecords());
    observer.disconnect();
    const counts: Counts = {
      nodes: mutated.size,
      litUpdates: litCount.total,
      reactRenders: reactCount.renders,
      reactCommits: reactCount.commits,
      litByTag: Object.fromEntries(litCount.byTag),
    };
    litCount.on = false;
    reactCount.on = false;
    mutated.clear();
    return counts;
  },

  tiles() {
    return deepQuery(tileSelector()).length;
  },

  domNodes() {
    const boxes = deepQuery(tileSelector()).map(tileBox);
    const firstTileByTag = new Map<string, number>();
    if (boxes[0]) countNodes(boxes[0], firstTileByTag);
    return {
      total: countNodes(container()),
      tiles: boxes.map((b) => countNodes(b)),
      firstTileByTag: Object.fromEntries(firstTileByTag),
    };
  },

  mountLog() {
    return mountLog;
  },
};

(window as unknown as { renderBench: RenderBench }).renderBench = bench;
