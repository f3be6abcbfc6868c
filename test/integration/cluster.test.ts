import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import '../../src/components/media-room/media-room.js';
import {
  callRoot,
  isDecoding,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

/**
 * A LiveKit cluster (Redis and two livekit-server nodes, dev/cluster.ts) started by the test server
 * on demand (test/server/cluster-routes.ts). Two pages' worth of `<media-room>`s join one room
 * through different nodes; then a node is lost in each way an operator meets, and everyone must
 * end up back in one call with video both ways and nothing the user had lost.
 */
async function api(path: string, method = 'POST'): Promise<Record<string, unknown>> {
  const response = await fetch(`/cluster-api/${path}`, { method });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

async function mount(room: string, identity: string, node: number): Promise<MediaRoom> {
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      video
      audio
      style="height: 26rem"
      token-url="/cluster-api/node/${node}/api/rooms/${room}/join"
      identity=${identity}
      name=${`Name of ${identity}`}
    ></media-room>
  `);
  await waitFor(() => el.store.get().connection.phase === 'connected', 'joined', 20_000);
  return el;
}

const videoOf = (el: MediaRoom, identity: string): HTMLVideoElement | null =>
  tileOf(el, identity)?.shadowRoot?.querySelector('video') ?? null;

/** `el` shows `identity`'s video, and it decodes frames (a frozen last frame does not count). */
async function seesVideo(el: MediaRoom, identity: string, timeout = 20_000): Promise<void> {
  for (const deadline = Date.now() + timeout; ;) {
    const video = videoOf(el, identity);
    if (video && (await isDecoding(video))) return;
    if (Date.now() > deadline) throw new Error(`${el.identity} sees no video of ${identity}`);
    if (!video) await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Waits until the async `check` holds (checked every 100 ms, 10 s at most). */
async function poll(check: () => Promise<boolean>, message: string): Promise<void> {
  for (const deadline = Date.now() + 10_000; !(await check());) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * What a page showed and told from now on: the connection phases its store went through, the
 * connection and departure events it fired, and how often its own camera was shown off.
 */
function watch(el: MediaRoom) {
  const seen = {
    phases: new Set<string>(),
    events: [] as string[],
    cameraOff: 0,
    fast: 0,
    line: 0,
  };
  // A rejoin the session makes at once: the phase stays `reconnecting`, and only the banner says
  // so (no "Rejoining…" line beside it).
  el.session.$rejoinAttempt.listen((attempt) => {
    if (attempt === 0 || el.store.get().connection.phase !== 'reconnecting') return;
    seen.fast += 1;
    void el.updateComplete.then(() => {
      if (el.shadowRoot?.querySelector('[part="status"]')) seen.line += 1;
    });
  });
  el.store.listen((s) => {
    seen.phases.add(s.connection.phase);
    const camera = s.local?.tracks.camera;
    const inCall = s.connection.phase === 'connected' || s.connection.phase === 'reconnecting';
    if (inCall && (!camera || camera.muted)) seen.cameraOff += 1;
  });
  for (const type of ['connected', 'reconnecting', 'reconnected', 'participant-left']) {
    el.addEventListener(type, () => seen.events.push(type));
  }
  el.addEventListener('disconnected', (e) => seen.events.push(`disconnected:${e.reason}`));
  return seen;
}

const chatTexts = (el: MediaRoom) => el.store.get().chat.map((m) => m.text);
const inCall = (el: MediaRoom, other: string) =>
  el.store.get().connection.phase === 'connected' &&
  el.store.get().remotes.some((p) => p.identity === other);

describe('a LiveKit cluster: pages on different nodes, and node loss', function () {
  this.timeout(120_000);
  useLiveHooks();

  /** Alice joins through node 0, Bob through node 1; both publish camera and microphone. */
  async function call() {
    await api('restore');
    const room = uniqueRoom('cluster');
    const alice = await mount(room, 'alice', 0);
    const bob = await mount(room, 'bob', 1);
    await seesVideo(alice, 'bob');
    await seesVideo(bob, 'alice');

    // Chat both ways.
    await alice.session.sendChat('hello from alice');
    await waitFor(() => chatTexts(bob).includes('hello from alice'), 'bob reads alice');
    await bob.session.sendChat('hello from bob');
    await waitFor(() => chatTexts(alice).includes('hello from bob'), 'alice reads bob');

    // What Alice has on screen: a draft in the open chat panel, the microphone off, Bob pinned.
    callRoot(alice)!.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    const input = await waitForValue(
      () =>
        callRoot(alice)
          ?.querySelector('chat-panel')
          ?.shadowRoot?.querySelector<HTMLTextAreaElement>('[part="input"]'),
      'the chat input',
    );
    input.value = 'half-written thought';
    input.dispatchEvent(new Event('input', { bubbles: true }));
    await alice.session.setSourceEnabled('microphone', false);
    const grid = callRoot(alice)!.querySelector<LayoutGrid>('layout-grid')!;
    grid.pin('bob');
    const { host } = (await api(`host/${room}`, 'GET')) as { host: number };
    expect(host, 'a node hosts the room').to.be.oneOf([0, 1]);
    return { room, alice, bob, input, grid, host, seen: [watch(alice), watch(bob)] };
  }

  /**
   * Everyone is back in one call with video both ways and Alice lost nothing. How the pages showed
   * the loss: `reconnect`, as a reconnect only (livekit-client's, or the fast rejoin's: never
   * `connecting` or `disconnected` on the way), and at least one page did; `rejoin`, told to
   * leave by the server (a node stopping), as disconnected for a reason the session rejoins after;
   * `none`, nothing was lost.
   */
  async function recovered(
    c: Awaited<ReturnType<typeof call>>,
    loss: 'reconnect' | 'rejoin' | 'none',
    more?: () => Promise<void>,
  ): Promise<void> {
    const { alice, bob, input, grid } = c;
    if (loss !== 'none') {
      await waitFor(() => c.seen.some((s) => s.events.length > 0), 'a page notices the loss');
    }
    await waitFor(() => inCall(alice, 'bob') && inCall(bob, 'alice'), 'back in one call', 45_000);
    // A page back in the call publishes its camera again (shown on, pending, meanwhile).
    const lp = alice.session.room.localParticipant;
    const camera = () => alice.store.get().local?.tracks.camera;
    await waitFor(() => lp.isCameraEnabled && !camera()?.republishing, 'camera on', 20_000).catch(
      () => expect(alice.store.get().error, 'the camera is on again').to.equal(undefined),
    );
    expect(lp.isCameraEnabled, 'the camera is on again').to.equal(true);
    await seesVideo(alice, 'bob', 30_000);
    await seesVideo(bob, 'alice', 30_000);
    expect(lp.isMicrophoneEnabled, 'the microphone is still off').to.equal(false);
    expect(chatTexts(alice), 'the chat history is kept').to.include.members([
      'hello from alice',
      'hello from bob',
    ]);
    expect(input.isConnected, 'the same chat panel is open').to.equal(true);
    expect(input.value, 'the draft is kept').to.equal('half-written thought');
    expect(grid.pinned?.identity, 'Bob is still pinned').to.equal('bob');
    // Each page kept the other and its own camera shown on; a reconnect stayed `reconnecting` all
    // along (the fast rejoin too), and `reconnected` followed each `reconnecting`.
    c.seen.forEach(({ phases, events, cameraOff, line }, i) => {
      const who = i === 0 ? 'alice' : 'bob';
      expect(line, `${who}: a "Rejoining…" line beside the banner`).to.equal(0);
      expect(events, `${who}: events`).to.not.include('participant-left');
      expect(cameraOff, `${who}: snapshots showing the own camera off`).to.equal(0);
      let told = events.join(' ').replaceAll('reconnecting reconnected', '');
      if (loss === 'rejoin') {
        told = told.replaceAll(/disconnected:(server-shutdown|signal-close) connected/g, '');
      } else {
        const between = [...phases].filter((p) => p !== 'connected' && p !== 'reconnecting');
        expect(between, `${who}: phases on the way back`).to.deep.equal([]);
      }
      expect(told.trim(), `${who}: events left over`).to.equal('');
    });
    if (loss === 'reconnect') {
      expect(
        c.seen.flatMap((s) => s.events),
        'a page reconnected',
      ).to.include('reconnected');
      expect(c.seen[0]!.fast + c.seen[1]!.fast, 'a page rejoined at once').to.be.above(0);
    }
    // The call works on: the first message sent arrives.
    await bob.session.sendChat('still here');
    await waitFor(() => chatTexts(alice).includes('still here'), 'chat after the loss').catch(
      (error: Error) => {
        // What each side knew, for a failure to be read.
        const other = bob.session.room.remoteParticipants.get('alice');
        throw new Error(
          `${error.message}; alice: ${alice.store.get().connection.phase}, ` +
            `chat ${JSON.stringify(chatTexts(alice))}; bob: ${bob.store.get().connection.phase}, ` +
            `sees alice ${other ? (other.isActive ? 'active' : 'not active') : 'absent'}`,
        );
      },
    );
    await more?.();
    await Promise.all([alice.leave(), bob.leave()]);
  }

  afterEach(async () => {
    await api('restore');
  });

  it('joins one room through two nodes: video both ways and chat', async () => {
    const c = await call();
    // The room lives on one node; the other forwards the signalling of the page on it.
    await recovered(c, 'none');
  });

  it('the hosting node crashes (SIGKILL): everyone rejoins on the other node, and no chat message is lost', async () => {
    const c = await call();
    await api(`kill/${c.host}/SIGKILL`);
    // Right after the kill: a message from the page on the other node (its signalling is
    // forwarded, so only its media connection tells it of the loss, seconds later: the message
    // goes to the dead node), and one from the page on the dead node (cut off: kept as pending).
    const [cutOff, forwarded] = c.host === 0 ? [c.alice, c.bob] : [c.bob, c.alice];
    const sent = [
      forwarded.session.sendChat('sent as the node died'),
      cutOff.session.sendChat('sent while cut off'),
    ];
    await recovered(c, 'reconnect', async () => {
      await Promise.all(sent);
      const count = (el: MediaRoom, text: string) => chatTexts(el).filter((t) => t === text).length;
      await waitFor(
        () => count(cutOff, 'sent as the node died') > 0,
        'the message sent as the node died arrives after the loss',
        20_000,
      );
      await waitFor(
        () => count(forwarded, 'sent while cut off') > 0,
        'the message sent while cut off arrives after the loss',
        20_000,
      );
      for (const [el, text] of [
        [cutOff, 'sent as the node died'],
        [forwarded, 'sent while cut off'],
        [forwarded, 'sent as the node died'],
        [cutOff, 'sent while cut off'],
      ] as const) {
        expect(count(el, text), `${el.identity} shows "${text}" once`).to.equal(1);
      }
      const delivery = (el: MediaRoom) => el.store.get().chat.filter((m) => m.delivery);
      await waitFor(() => delivery(cutOff).length === 0, 'the pending message marked sent');
      expect(delivery(forwarded)).to.deep.equal([]);
    });
    const { host } = (await api(`host/${c.room}`, 'GET')) as { host: number };
    expect(host, 'the room lives on the other node now').to.equal(1 - c.host);
  });

  it('the node forwarding one page stops: that page rejoins through the other', async () => {
    const c = await call();
    await api(`stop/${1 - c.host}`);
    await recovered(c, 'reconnect');
  });

  it('the hosting node is drained, then stopped (two SIGTERMs): everyone moves over', async () => {
    const c = await call();
    await api(`kill/${c.host}/SIGTERM`);
    // Draining: it keeps its room, takes no new one, and the token route stops naming it.
    await poll(
      async () => !((await api('state', 'GET')) as { serving: boolean[] }).serving[c.host],
      'the draining node no longer serves',
    );
    expect(inCall(c.alice, 'bob') && inCall(c.bob, 'alice'), 'the call goes on').to.equal(true);
    await api(`kill/${c.host}/SIGTERM`);
    await recovered(c, 'rejoin');
  });
});
