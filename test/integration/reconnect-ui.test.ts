import { expect, fixture, html } from '@open-wc/testing';
import { DefaultReconnectPolicy, Track, type LocalTrack } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import {
  callRoot,
  joinPeer,
  mountRoom,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

/** The default control bar's toggle for `source`. */
function toggleOf(el: MediaRoom, source: 'camera' | 'microphone'): HTMLElement | null {
  const bar = callRoot(el)?.querySelector('control-bar');
  return bar?.shadowRoot?.querySelector<HTMLElement>(`track-toggle[part="${source}"]`) ?? null;
}

const pressed = (toggle: HTMLElement | null) =>
  toggle?.shadowRoot?.querySelector('button')?.getAttribute('aria-pressed');

const bannerText = (el: MediaRoom) =>
  el.shadowRoot!.querySelector('connection-banner')!.shadowRoot!.textContent ?? '';

/**
 * What the page tells and shows through a reconnect: the connection events in order, each with
 * what the banner says once it has rendered the snapshot the event came with (the banner renders
 * in the same task: a condition, not a timer), and any moment the banner said "Reconnecting…"
 * before `reconnecting` was fired.
 */
function watchEvents(el: MediaRoom) {
  const banner = el.shadowRoot!.querySelector('connection-banner')!;
  const events: Array<{ type: string; reason?: string; banner?: string }> = [];
  const left: string[] = [];
  let bannerAhead = false;
  const onEvent = (event: Event) => {
    const entry: { type: string; reason?: string; banner?: string } = { type: event.type };
    if ('reason' in event) entry.reason = (event as Event & { reason: string }).reason;
    events.push(entry);
    void banner.updateComplete.then(() => (entry.banner = bannerText(el)));
  };
  const onLeft = (event: Event) =>
    left.push((event as Event & { participant: { identity: string } }).participant.identity);
  const observer = new MutationObserver(() => {
    if (banner.matches(':state(reconnecting)') && !events.some((e) => e.type === 'reconnecting')) {
      bannerAhead = true;
    }
  });
  observer.observe(banner.shadowRoot!, { subtree: true, childList: true, characterData: true });
  for (const type of ['reconnecting', 'reconnected', 'disconnected']) {
    el.addEventListener(type, onEvent);
  }
  el.addEventListener('participant-left', onLeft);
  return {
    events,
    left,
    get bannerAhead() {
      return bannerAhead;
    },
    stop() {
      observer.disconnect();
      for (const type of ['reconnecting', 'reconnected', 'disconnected']) {
        el.removeEventListener(type, onEvent);
      }
      el.removeEventListener('participant-left', onLeft);
    },
  };
}

/**
 * Everything shown off while it should show on: each moment (a DOM change) a control said off,
 * your own tile showed initials, or a participant's tile was gone.
 */
function watchShown(el: MediaRoom, identities: { own: string; peer: string }) {
  const seen: string[] = [];
  const check = () => {
    for (const source of ['camera', 'microphone'] as const) {
      if (pressed(toggleOf(el, source)) !== 'true') seen.push(`${source} shown off`);
    }
    const own = tileOf(el, identities.own);
    if (!own) seen.push('own tile gone');
    else if (own.shadowRoot?.querySelector('[part="avatar"]')) seen.push('own tile shows initials');
    if (!tileOf(el, identities.peer)) seen.push(`${identities.peer} shown gone`);
  };
  const roots = [
    el.shadowRoot!,
    callRoot(el)!,
    callRoot(el)!.querySelector('control-bar')!.shadowRoot!,
    toggleOf(el, 'camera')!.shadowRoot!,
    toggleOf(el, 'microphone')!.shadowRoot!,
    callRoot(el)!.querySelector('layout-grid')!.shadowRoot!,
    tileOf(el, identities.own)!.shadowRoot!,
  ];
  const observer = new MutationObserver(check);
  for (const root of roots) {
    observer.observe(root, { subtree: true, childList: true, attributes: true });
  }
  check();
  return {
    seen,
    stop: () => observer.disconnect(),
  };
}

/** Mount with camera and microphone on, a peer with a camera, and wait for all of it. */
async function callWithMedia(peers: Array<{ disconnect(): Promise<void> }>) {
  const room = uniqueRoom('full');
  const el = await mountRoom(room, 'alice', { audio: true, video: true, style: 'height: 36rem' });
  await waitFor(
    () => !!el.store.get().local?.tracks.camera && !!el.store.get().local?.tracks.microphone,
    'camera and microphone published',
    20_000,
  );
  const peer = await joinPeer(room, 'peer', { camera: true });
  peers.push(peer);
  await waitForValue(() => tileOf(el, 'peer'), 'the peer tile');
  await waitFor(() => pressed(toggleOf(el, 'camera')) === 'true', 'the camera control on');
  await waitFor(() => pressed(toggleOf(el, 'microphone')) === 'true', 'the microphone on');
  await waitFor(
    () => !tileOf(el, 'alice')?.shadowRoot?.querySelector('[part="avatar"]'),
    'your own video shows',
  );
  return el;
}

describe('what the page tells and shows through a reconnect, against a real livekit-server', () => {
  const { peers } = useLiveHooks();

  it('fires reconnecting as the banner says so (a signal resume through a cut), then reconnected', async () => {
    const room = uniqueRoom('events');
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        style="height: 36rem"
        token-url="/test-api/proxy-join/${room}?identity=alice"
      ></media-room>
    `);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'joined via the proxy');
    const watch = watchEvents(el);
    expect((await fetch('/test-api/proxy-cut/3000')).status).to.equal(200);
    await waitFor(() => watch.events.some((e) => e.type === 'reconnecting'), 'reconnecting fired');
    await waitFor(() => el.store.get().connection.phase === 'connected', 'back', 45_000);
    await waitFor(() => watch.events.every((e) => e.banner !== undefined), 'banner rendered');
    watch.stop();
    expect(watch.events.map((e) => e.type)).to.deep.equal(['reconnecting', 'reconnected']);
    expect(watch.events[0]!.banner).to.contain('Connection lost. Reconnecting…');
    expect(watch.events[1]!.banner).to.contain('Connection restored.');
    expect(watch.bannerAhead, 'the banner never said it before the event').to.equal(false);
    await el.leave();
  });

  it('through a full reconnect: controls stay on, your video stays, the others stay, events in order', async () => {
    const el = await callWithMedia(peers);
    const watch = watchEvents(el);
    const shown = watchShown(el, { own: 'alice', peer: 'peer' });
    const cameraBefore = el.store.get().local!.tracks.camera!.publication.track;
    await el.room.simulateScenario('full-reconnect');
    await waitFor(() => watch.events.some((e) => e.type === 'reconnecting'), 'reconnecting fired');
    await waitFor(() => el.store.get().connection.phase === 'connected', 'back', 45_000);
    // Back in the call: both sources published again, the peer seen again with its video.
    await waitFor(() => {
      const local = el.store.get().local;
      return (
        !!local?.tracks.camera &&
        !local.tracks.camera.republishing &&
        !!local.tracks.microphone &&
        !local.tracks.microphone.republishing
      );
    }, 'camera and microphone published again');
    await waitFor(
      () => !!el.store.get().participants.get('peer')?.tracks.camera,
      'the peer is back with its camera',
      20_000,
    );
    expect(el.store.get().participants.get('peer')!.reconnecting).to.equal(false);
    await waitFor(() => watch.events.every((e) => e.banner !== undefined), 'banner rendered');
    shown.stop();
    watch.stop();
    expect(watch.events.map((e) => e.type)).to.deep.equal(['reconnecting', 'reconnected']);
    expect(watch.events[0]!.banner).to.contain('Reconnecting…');
    expect(watch.bannerAhead).to.equal(false);
    expect(shown.seen, 'nothing shown off or gone on the way').to.deep.equal([]);
    expect(watch.left, 'nobody told gone').to.deep.equal([]);
    expect(el.store.get().local!.tracks.camera!.publication.track === cameraBefore).to.equal(true);
    expect(el.store.get().error).to.equal(undefined);
    await el.leave();
  });

  it('a camera that fails to be published again is said, and turned back on with one click', async () => {
    const el = await callWithMedia(peers);
    // Fail the camera's republish once, as livekit-client does on a starved machine
    // ("Cancelled publication"): its republishing step is wrapped for this one call.
    type Publisher = {
      publishOrRepublishTrack(
        track: LocalTrack,
        options: unknown,
        isRepublish?: boolean,
      ): Promise<unknown>;
    };
    const lp = el.room.localParticipant as unknown as Publisher;
    const real = lp.publishOrRepublishTrack.bind(lp);
    let failed = 0;
    lp.publishOrRepublishTrack = (track, options, isRepublish) => {
      if (isRepublish && track.source === Track.Source.Camera && failed === 0) {
        failed += 1;
        return Promise.reject(new Error('Cancelled publication by calling unpublish'));
      }
      return real(track, options, isRepublish);
    };
    await el.room.simulateScenario('full-reconnect');
    await waitFor(() => el.store.get().connection.phase === 'reconnecting', 'reconnecting');
    const notice = await waitForValue(
      () => el.shadowRoot!.querySelector('[part="notice"]'),
      'the notice',
      45_000,
    );
    expect(failed).to.equal(1);
    expect(notice.getAttribute('role')).to.equal('alert');
    expect(notice.querySelector('[part="notice-message"]')!.textContent).to.equal(
      'The connection is back, but your camera could not be turned back on.',
    );
    await waitFor(() => pressed(toggleOf(el, 'camera')) === 'false', 'the camera control off');
    expect(
      toggleOf(el, 'camera')!.shadowRoot!.querySelector('[part="error-mark"]'),
      'with a warning mark',
    ).to.not.equal(null);
    expect(pressed(toggleOf(el, 'microphone')), 'the microphone came back').to.equal('true');

    notice.querySelector<HTMLButtonElement>('[part="restore"]')!.click();
    await waitFor(() => !el.shadowRoot!.querySelector('[part="notice"]'), 'the notice goes');
    await waitFor(() => pressed(toggleOf(el, 'camera')) === 'true', 'the camera on again', 20_000);
    const camera = el.store.get().local!.tracks.camera!;
    expect(camera.republishing).to.equal(undefined);
    expect(camera.publication.track!.mediaStreamTrack.readyState).to.equal('live');
    const peer = peers[0]!;
    await waitFor(
      () => !!peer.remoteParticipants.get('alice')?.getTrackPublication(Track.Source.Camera),
      'the peer receives the camera again',
      20_000,
    );
    await el.leave();
  });

  it('after livekit-client gives up: disconnected says why (reconnect-failed), then rejoins as it was', async () => {
    const room = uniqueRoom('gave-up');
    const el = await fixture<MediaRoom>(html`
      <media-room
        skip-prejoin
        audio
        video
        style="height: 36rem"
        token-url="/test-api/proxy-join/${room}?identity=alice"
        .roomOptions=${{ reconnectPolicy: new DefaultReconnectPolicy([0, 300]) }}
      ></media-room>
    `);
    await waitFor(
      () => !!el.store.get().local?.tracks.camera && !!el.store.get().local?.tracks.microphone,
      'camera and microphone published',
      20_000,
    );
    // The microphone off before the connection is lost: it must stay off after the rejoin.
    await el.session.setSourceEnabled('microphone', false);
    await waitFor(() => !!el.store.get().local?.tracks.microphone?.muted, 'microphone off');
    const watch = watchEvents(el);
    expect((await fetch('/test-api/proxy-cut/4000')).status).to.equal(200);
    await waitFor(
      () => watch.events.some((e) => e.type === 'disconnected'),
      'livekit-client gives up',
      30_000,
    );
    await waitFor(() => watch.events.every((e) => e.banner !== undefined), 'banner rendered');
    expect(watch.events.slice(0, 2).map((e) => e.reason ?? e.type)).to.deep.equal([
      'reconnecting',
      'reconnect-failed',
    ]);
    expect(watch.events[1]!.banner).to.contain(
      'The connection was lost and could not be restored.',
    );
    // Rejoined by itself once the connection is back, the camera on and the microphone off.
    await waitFor(() => el.store.get().connection.phase === 'connected', 'rejoined', 45_000);
    await waitFor(
      () =>
        !!el.store.get().local?.tracks.camera && !el.store.get().local?.tracks.camera?.republishing,
      'the camera published again',
      20_000,
    );
    watch.stop();
    const local = el.store.get().local!;
    expect(
      !local.tracks.microphone || local.tracks.microphone.muted,
      'microphone still off',
    ).to.equal(true);
    for (const event of watch.events.filter((e) => e.type === 'disconnected')) {
      expect(event.reason, 'every disconnect says why').to.be.a('string').and.not.equal('');
    }
    expect(el.store.get().error).to.equal(undefined);
    await el.leave();
  });
});
