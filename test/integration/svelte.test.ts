import { expect } from '@open-wc/testing';
import { derived, get } from 'svelte/store';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { RoomStore, roomStore, selectRemotes, slice } from '../../src/svelte/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

/**
 * A Svelte 5 app (test/fixtures/svelte, compiled with vite-plugin-svelte into dist/main.js before
 * the tests) composing its own UI inside `<media-room>` and reading the room with `$` syntax,
 * against the real SFU. The bundle is loaded before anything else defines the elements, so the
 * page runs the bundle's own copy of them (test/helpers/live.ts imports `<media-room>` from the
 * sources, hence its import after the bundle's).
 */
type SvelteApp = typeof import('../fixtures/svelte/main.js');
const bundle = '/test/fixtures/svelte/dist/main.js';
const app = (await import(bundle)) as SvelteApp;
const { callRoot, joinPeer, uniqueRoom, useLiveHooks, waitFor } =
  await import('../helpers/live.js');

describe('media-room-elements/svelte store helpers', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let first: string;

  beforeEach(async () => {
    script = await ScriptedRoom.create(1);
    store = new RoomStore(script.room);
    first = script.identities[0]!;
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('slice() calls its subscriber at once, on each change of the slice only, and not after unsubscribe', async () => {
    const identities = slice(store, (s) => s.remotes.map((p) => p.identity));
    const seen: string[][] = [];
    const unsubscribe = identities.subscribe((value) => seen.push([...value]));
    expect(seen, 'called at once').to.deep.equal([[first]]);

    script.join('eve', 'Eve');
    await store.settled();
    expect(seen, 'called on a change').to.deep.equal([[first], [first, 'eve']]);

    // Speaking changes the participants but not this slice (shallow-equal arrays).
    const commits = store.commits;
    script.speakers(['eve']);
    await store.settled();
    expect(store.commits, 'the store did commit').to.be.greaterThan(commits);
    expect(seen, 'not called while the slice is equal').to.have.length(2);

    unsubscribe();
    script.leave('eve');
    await store.settled();
    expect(store.get().remotes.map((p) => p.identity)).to.deep.equal([first]);
    expect(seen, 'not called after unsubscribe').to.have.length(2);
  });

  it("works with Svelte's own store functions (get, derived)", async () => {
    const remotes = slice(store, selectRemotes);
    expect(get(remotes).map((p) => p.identity)).to.deep.equal([first]);
    expect(get(store).remotes).to.equal(store.get().remotes);

    const count = derived(remotes, (list) => list.length);
    const counts: number[] = [];
    const unsubscribe = count.subscribe((n) => counts.push(n));
    script.join('eve');
    await store.settled();
    unsubscribe();
    script.leave('eve');
    await store.settled();
    expect(counts).to.deep.equal([1, 2]);
  });

  it('roomStore() is the store of a <media-room>', () => {
    const el = document.createElement('media-room') as MediaRoom;
    expect(roomStore(el)).to.equal(el.store);
    expect(roomStore(el)).to.equal(roomStore(el));
  });
});

describe('a Svelte 5 app on media-room-elements against a real livekit-server', () => {
  const { peers } = useLiveHooks();
  let target: HTMLDivElement;
  let unmount: (() => Promise<void>) | undefined;

  afterEach(async () => {
    await unmount?.();
    unmount = undefined;
    target?.remove();
  });

  /** The names in the list Svelte renders from `$remotes`. */
  const listed = () =>
    [...target.querySelectorAll('ul.remotes > li')].map((li) => li.textContent ?? '');
  const tileOf = (identity: string) =>
    target
      .querySelector('layout-grid')
      ?.shadowRoot?.querySelector(`participant-tile[identity="${CSS.escape(identity)}"]`) ?? null;

  it('runs on the elements of its own bundle', () => {
    expect(customElements.get('media-room')).to.equal(app.MediaRoom);
  });

  it('joins, lists a peer from $remotes with its tile in the layout-grid, and drops it when it leaves', async () => {
    const room = uniqueRoom('svelte');
    target = document.createElement('div');
    document.body.append(target);
    unmount = app.mount(target, { room, identity: 'svelte-user', name: 'Svelte User' });
    const el = target.querySelector('media-room') as MediaRoom;
    expect(el, 'Svelte rendered <media-room>').to.be.instanceOf(app.MediaRoom);

    await waitFor(() => window.__svelte?.connected === true, 'the Svelte onconnected ran', 20_000);
    expect(window.__svelte!.connectedEvents).to.equal(1);
    const snapshot = el.store.get();
    expect(snapshot.connection.phase).to.equal('connected');
    expect(snapshot.room.name, 'token-url set as an attribute').to.equal(room);
    expect(snapshot.local?.identity, 'identity set as a property').to.equal('svelte-user');
    expect(snapshot.local?.name).to.equal('Svelte User');
    expect(el.skipPrejoin, 'skip-prejoin').to.equal(true);
    // The app's own children replace the default UI.
    expect(callRoot(el)?.querySelector('layout-grid, control-bar, pre-join') ?? null).to.equal(
      null,
    );
    await waitFor(
      () => target.querySelector('.phase')?.textContent === 'connected',
      '$store renders the phase',
    );
    expect(window.__svelte!.phase).to.equal('connected');
    expect(listed()).to.deep.equal([]);

    const peer = await joinPeer(room, 'peer-svelte');
    peers.push(peer);
    await waitFor(() => listed().join() === 'peer-svelte', 'the Svelte list shows the peer');
    expect(target.querySelector('ul.remotes > li')!.getAttribute('data-identity')).to.equal(
      'peer-svelte',
    );
    await waitFor(() => !!tileOf('peer-svelte'), 'the layout-grid shows a tile for the peer');
    expect(target.querySelector('control-bar')!.shadowRoot!.childElementCount).to.be.greaterThan(0);
    await expect(target).to.be.accessible();

    await peer.disconnect();
    await waitFor(() => listed().length === 0, 'the Svelte list drops the peer');
    await waitFor(() => !tileOf('peer-svelte'), 'the tile goes');
    const history = window.__svelte!.remotes.map((names) => names.join());
    expect(history).to.include('peer-svelte');
    expect(history.at(-1)).to.equal('');
    expect(window.__svelte!.connectedEvents, 'connected once').to.equal(1);
  });
});
