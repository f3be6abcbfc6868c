import { expect, fixture, html } from '@open-wc/testing';
import { Room } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import { displayName, sanitizeMessage } from '../../src/internal/text.js';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import { tileOf, useLiveHooks, waitFor, waitForValue, callRoot } from '../helpers/live.js';
import { itIn } from '../engines.js';

/**
 * Hostile text from other participants and from the server, carried by every channel the UI
 * shows something from: participant names, metadata and attributes, chat, reactions, the room's
 * metadata and name. Each payload that would run sets `window.__pwned`; none may.
 */
const PWN = 'window.__pwned=1';
const LONG_HEAD = 'A'.repeat(10_000 - `<img src=x onerror=${PWN}>`.length);
const PAYLOADS: readonly string[] = [
  `<img src=x onerror=${PWN}>`,
  `<script>${PWN}</script>`,
  `<svg onload=${PWN}></svg>`,
  `" onmouseover="${PWN}" x="`,
  `' onfocus='${PWN}' autofocus='`,
  `javascript:${PWN}`,
  `data:text/html,<script>${PWN}</script>`,
  'Bob\u202Egnp.exe', // a right-to-left override: "Bobexe.png" on screen
  'ze\u200Bro\u200Cwi\u200Ddth\u2060\uFEFFname',
  '${' + PWN + '}',
  '<!--?lit$123456789$-->marker<!--?lit$123456789$-->',
  '</style><style>*{display:none}</style>',
  '😀 مرحبا بكم שלום 🎉',
  `{{constructor.constructor('${PWN}')()}}`,
  `%3Cscript%3E${PWN}%3C/script%3E`,
  `<a href="javascript:${PWN}">click</a>`,
  `<iframe srcdoc="<script>parent.__pwned=1</script>"></iframe>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=${PWN}>`,
  `line one\n<img src=x onerror=${PWN}>`,
  `${LONG_HEAD}<img src=x onerror=${PWN}>`,
];

const pwned = () => (window as unknown as { __pwned?: unknown }).__pwned;

/** Bidi embeddings, overrides and isolates: none may reach the page (test/integration/bidi.test.ts). */
const BIDI_CONTROL = /[\u202A-\u202E\u2066-\u2069]/u;

/** What the join endpoint documents it refuses in a name (src/server/validate.ts). */
const refusedName = (name: string) => [...name.trim()].length > 64 || /\p{Cc}/u.test(name);

/** Every element in `root` and in every shadow root below it. */
function allElements(root: Element | ShadowRoot): Element[] {
  const out: Element[] = [];
  const walk = (node: Element | ShadowRoot) => {
    for (const el of node.querySelectorAll('*')) {
      out.push(el);
      if (el.shadowRoot) walk(el.shadowRoot);
    }
  };
  if (root instanceof Element) out.push(root);
  walk(root instanceof Element && root.shadowRoot ? root.shadowRoot : root);
  if (root instanceof Element) walk(root);
  return out;
}

/** No element or attribute from any payload exists anywhere in the UI's DOM. */
function expectNoInjectedMarkup(el: MediaRoom): void {
  const elements = allElements(el);
  const tags = elements.map((e) => e.localName);
  for (const tag of ['img', 'script', 'iframe', 'math', 'mglyph', 'object', 'embed', 'style']) {
    expect(tags, `no <${tag}>`).to.not.include(tag);
  }
  for (const e of elements) {
    const handlers = e.getAttributeNames().filter((n) => n.toLowerCase().startsWith('on'));
    expect(handlers, `no event-handler attribute on <${e.localName}>`).to.deep.equal([]);
    expect(e.hasAttribute('autofocus'), `no autofocus on <${e.localName}>`).to.equal(false);
    for (const name of ['href', 'src', 'srcdoc', 'action', 'formaction']) {
      const value = e.getAttribute(name);
      if (value !== null) expect(value, `${name} of <${e.localName}>`).to.match(/^https?:/);
    }
  }
  for (const a of elements.filter((e): e is HTMLAnchorElement => e.localName === 'a')) {
    expect(['http:', 'https:']).to.include(a.protocol);
    expect(a.relList.contains('noopener') && a.relList.contains('noreferrer')).to.equal(true);
    expect(a.target).to.equal('_blank');
  }
  expect(pwned(), 'no payload ran').to.equal(undefined);
}

/** A plain livekit-client peer named `name`: through the join endpoint, or a raw token if refused. */
async function joinNamed(room: string, identity: string, name: string) {
  const response = await fetch(`/api/rooms/${room}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity, name }),
  });
  if (refusedName(name)) {
    expect(response.status, `the endpoint refuses ${JSON.stringify(name.slice(0, 40))}`).to.equal(
      400,
    );
    expect(response.headers.get('content-type')).to.match(/^application\/json/);
    const body = (await response.json()) as { error: string; field: string };
    expect(body.field).to.equal('name');
    expect(body.error)
      .to.be.a('string')
      .and.match(/^name must/);
  } else {
    expect(response.status, `the endpoint accepts ${JSON.stringify(name)}`).to.equal(200);
  }
  // A token that lets the peer write its own metadata and attributes (the server helper's default
  // grant does not), under the name as the endpoint keeps it (trimmed) or as refused.
  const query = new URLSearchParams({
    room,
    identity,
    name: refusedName(name) ? name : name.trim(),
  });
  const raw = await fetch(`/test-api/raw-token?${query}`);
  const details = (await raw.json()) as { url: string; token: string };
  const peer = new Room();
  await peer.connect(details.url, details.token);
  return peer;
}

const bar = (el: MediaRoom) => callRoot(el)!.querySelector('control-bar')!;
const toggleButton = (el: MediaRoom, tag: string) =>
  bar(el).querySelector(tag)!.shadowRoot!.querySelector('button')!;

describe('hostile input against a real livekit-server is shown as text only', () => {
  const live = useLiveHooks();

  beforeEach(() => {
    delete (window as unknown as { __pwned?: unknown }).__pwned;
  });

  it('names, metadata, attributes, chat, reactions and room metadata from others stay text', async () => {
    // A room name of odd but valid characters (dots, dashes, underscores at the edges).
    const room = `.-_odd._-${Date.now().toString(36)}-_.`;
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        style="height: 48rem"
        token-url="/api/rooms/${room}/join"
        identity="host-of-odd"
        name="Host"
      ></media-room>
    `);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);
    expect(el.store.get().room.name).to.equal(room);
    const region = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(region.getAttribute('aria-label')).to.contain(room);

    let tried = 0;
    const identities = PAYLOADS.map((_, i) => `hostile-${i}`);
    // Names: each peer joins under one payload as its name.
    for (const [i, payload] of PAYLOADS.entries()) {
      live.peers.push(await joinNamed(room, identities[i]!, payload));
      tried += 1;
    }
    const remote = (identity: string) => el.store.get().participants.get(identity);
    await waitFor(() => identities.every((id) => remote(id)), 'every hostile peer is seen', 30_000);
    for (const [i, payload] of PAYLOADS.entries()) {
      expect(remote(identities[i]!)!.name, 'the name arrives verbatim').to.equal(payload.trim());
    }

    // Metadata and attributes: each peer sets its own (its raw token allows it). The SFU
    // refuses any update from the peer with the 10 000-character name (its name rides along in
    // every update, and is over the SFU's name limit): that refusal is the result for it.
    const last = PAYLOADS.length - 1;
    const update = (peer: Room, payload: string) =>
      Promise.all([
        peer.localParticipant.setMetadata(payload),
        peer.localParticipant.setAttributes({ note: payload, [HAND_ATTRIBUTE]: payload }),
      ]);
    await Promise.all(live.peers.slice(0, last).map((peer, i) => update(peer, PAYLOADS[i]!)));
    let refused: unknown;
    await update(live.peers[last]!, PAYLOADS[last]!).catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('exceeds name length limit');
    const carries = (id: string, payload: string) =>
      remote(id)?.metadata === payload && remote(id)?.attributes.note === payload;
    await waitFor(
      () => identities.slice(0, last).every((id, i) => carries(id, PAYLOADS[i]!)),
      'metadata and attributes arrive verbatim',
      20_000,
    );
    expectNoInjectedMarkup(el);
    tried += PAYLOADS.length * 2;

    // Tiles: the name as text (made fit to show), and in the tile's accessible name.
    await el.updateComplete;
    const shownName = PAYLOADS.map((payload, i) => displayName(payload, identities[i]!));
    expect(shownName[PAYLOADS.indexOf('Bob\u202Egnp.exe')]).to.equal('Bobgnp.exe');
    let tiles = 0;
    for (const i of PAYLOADS.keys()) {
      const tile = tileOf(el, identities[i]!);
      if (!tile) continue; // on another page of the grid
      tiles += 1;
      const name = await waitForValue(
        () => tile.shadowRoot?.querySelector('[part="name"]'),
        'tile name',
      );
      expect(name.textContent, 'tile name is the text').to.equal(shownName[i]);
      expect(name.textContent).to.not.match(BIDI_CONTROL);
      expect(name.children.length).to.equal(0);
      const labelled = tile.shadowRoot!.querySelector('[aria-label]')!;
      expect(labelled.getAttribute('aria-label')).to.contain(shownName[i]);
    }
    expect(tiles, 'some hostile tiles are on the first page').to.be.greaterThan(3);
    expectNoInjectedMarkup(el);

    // The participant list, opened through its toggle: each name as text.
    toggleButton(el, 'participants-toggle').click();
    const list = callRoot(el)!.querySelector('participant-list')!;
    await waitFor(() => !list.hidden, 'the participant list opens');
    const row = (id: string) =>
      list.shadowRoot!.querySelector(`li[data-identity="${CSS.escape(id)}"]`);
    await waitFor(
      () => el.store.get().remotes.length >= identities.length,
      'every hostile peer is in',
    );
    // The list renders the rows near its view (it is virtualised): go through it half a view at a
    // time and check each row once it is rendered.
    const scroller = list.shadowRoot!.querySelector<HTMLElement>('.scroller')!;
    const checked = new Set<string>();
    const checkRendered = () => {
      for (const [i, id] of identities.entries()) {
        const shown = row(id);
        if (!shown || checked.has(id)) continue;
        const name = shown.querySelector('[part="name"]')!;
        expect(name.textContent, 'list name is the text').to.equal(shownName[i]);
        expect(name.textContent).to.not.match(BIDI_CONTROL);
        expect(name.children.length).to.equal(0);
        checked.add(id);
      }
      expectNoInjectedMarkup(el);
    };
    const unchecked = () => identities.some((id) => !checked.has(id) && !!row(id));
    for (let step = 0; step < 60; step += 1) {
      checkRendered();
      if (checked.size === identities.length) break;
      const from = scroller.scrollTop;
      scroller.scrollTop = from + Math.max(40, scroller.clientHeight / 2);
      if (scroller.scrollTop === from) break; // at the end
      await waitFor(unchecked, 'the rows further down render');
    }
    expect([...checked], 'every hostile peer is listed').to.have.members(identities);

    // Chat, opened through its toggle: each peer sends its payload; sender and text stay text.
    toggleButton(el, 'chat-toggle').click();
    const panel = callRoot(el)!.querySelector('chat-panel')!;
    await waitFor(() => !panel.hidden, 'the chat opens');
    for (const [i, peer] of live.peers.entries()) {
      await peer.localParticipant.sendText(PAYLOADS[i]!, { topic: 'lk.chat' });
      tried += 1;
    }
    const messages = () => [...panel.shadowRoot!.querySelectorAll('[part~="message"]')];
    await waitFor(() => messages().length === PAYLOADS.length, 'every message shown', 20_000);
    // The 10,000-character one shows folded: unfolded, all of it shows.
    const folds = () => [...panel.shadowRoot!.querySelectorAll('[part="show-more"]')];
    await waitFor(() => folds().length === 1, 'the long message folds');
    for (const button of folds()) (button as HTMLButtonElement).click();
    await waitFor(
      () => folds().every((b) => b.getAttribute('aria-expanded') === 'true'),
      'unfolded',
    );
    const shown = messages().map((m) => ({
      sender: m.querySelector('[part="sender"]')!.textContent,
      text: m.querySelector('[part="text"]')!.textContent,
    }));
    expect(shown).to.have.deep.members(
      PAYLOADS.map((p, i) => ({ sender: shownName[i], text: sanitizeMessage(p) })),
      'each message and sender as text',
    );
    for (const s of shown) expect(`${s.sender}${s.text}`).to.not.match(BIDI_CONTROL);
    for (const text of panel.shadowRoot!.querySelectorAll('[part="text"]')) {
      expect(
        [...text.children].every((c) => c.localName === 'a'),
        'only links in a message',
      ).to.equal(true);
    }
    expectNoInjectedMarkup(el);

    // Reactions: payloads on the reaction topic are dropped; a real one after them still shows.
    const encoder = new TextEncoder();
    for (const [i, peer] of live.peers.entries()) {
      await peer.localParticipant.publishData(encoder.encode(PAYLOADS[i]!), {
        topic: 'mr.reaction',
        reliable: true,
      });
      tried += 1;
    }
    await live.peers[0]!.localParticipant.publishData(encoder.encode('👍'), {
      topic: 'mr.reaction',
      reliable: true,
    });
    await waitFor(
      () => el.store.get().reactions.some((r) => r.from === identities[0] && r.emoji === '👍'),
      'the real reaction arrives after the hostile ones',
    );
    expect(el.store.get().reactions.map((r) => r.emoji)).to.deep.equal(['👍']);
    expectNoInjectedMarkup(el);

    // Room metadata, changed by the server while everyone is in the room.
    for (const payload of PAYLOADS) {
      const response = await fetch(
        `/test-api/room-metadata/${room}?${new URLSearchParams({ metadata: payload })}`,
      );
      expect(response.ok).to.equal(true);
      await waitFor(() => el.store.get().room.metadata === payload, 'room metadata arrives');
      tried += 1;
    }
    await el.updateComplete;
    expect(el.roomType, 'hostile metadata is no room type').to.equal('meeting');
    expectNoInjectedMarkup(el);

    console.log('hostile payloads tried:', tried);
    expect(tried).to.equal(PAYLOADS.length * 6);
    expect(PAYLOADS.length).to.be.at.least(15);
    await el.leave();
  });

  itIn('a hostile room name (a raw token) is shown as text in the room’s label', async () => {
    const room = `<img src=x onerror=${PWN}>${Date.now().toString(36)}`;
    const query = new URLSearchParams({ room, identity: 'raw-local', name: '<b>me</b>' });
    const { url, token } = (await (await fetch(`/test-api/raw-token?${query}`)).json()) as {
      url: string;
      token: string;
    };
    const el = await fixture<MediaRoom>(html`
      <media-room skip-prejoin server-url=${url} .token=${token}></media-room>
    `);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);
    expect(el.store.get().room.name).to.equal(room);
    const region = el.shadowRoot!.querySelector('[part="base"]')!;
    expect(region.getAttribute('aria-label')).to.contain(room);
    await el.updateComplete;
    expectNoInjectedMarkup(el);
    await el.leave();
  });
});
