import { expect, fixture, html } from '@open-wc/testing';
import { Room, Track, type RemoteTrackPublication } from 'livekit-client';
import '../../src/components/layout-grid/layout-grid.js';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import { tokenFor, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

const PUBLISHERS = 12;

/** A remote publisher with a small camera and no microphone, to spare the machine. */
async function publisher(room: string, identity: string): Promise<Room> {
  const { token, url } = await tokenFor(room, identity);
  const peer = new Room();
  // Publishers subscribe to nothing: 12 × 11 decoded videos would swamp the machine.
  await peer.connect(url, token, { autoSubscribe: false });
  await peer.localParticipant.setCameraEnabled(true, {
    resolution: { width: 320, height: 180, frameRate: 15 },
  });
  return peer;
}

function cameras(el: MediaRoom): Map<string, RemoteTrackPublication> {
  const result = new Map<string, RemoteTrackPublication>();
  for (const p of el.room.remoteParticipants.values()) {
    const pub = p.getTrackPublication(Track.Source.Camera);
    if (pub) result.set(p.identity, pub);
  }
  return result;
}

/** Identities whose camera livekit-client has enabled (adaptive stream: visible somewhere). */
function enabled(el: MediaRoom): string[] {
  return [...cameras(el)]
    .filter(([, pub]) => pub.isSubscribed && pub.isEnabled)
    .map(([id]) => id)
    .sort();
}

async function bytesReceived(pub: RemoteTrackPublication): Promise<number> {
  const report = await pub.videoTrack?.getRTCStatsReport();
  let bytes = 0;
  report?.forEach((stat: { type: string; kind?: string; bytesReceived?: number }) => {
    if (stat.type === 'inbound-rtp' && stat.kind === 'video') bytes += stat.bytesReceived ?? 0;
  });
  return bytes;
}

/** Identities whose inbound video bytes grew over `ms`. */
async function receiving(el: MediaRoom, ms = 2000): Promise<string[]> {
  const pubs = [...cameras(el)];
  const before = await Promise.all(pubs.map(([, pub]) => bytesReceived(pub)));
  // A measurement window: it tells the streams that flow from those that do not (paused ones too).
  await new Promise((resolve) => setTimeout(resolve, ms));
  const after = await Promise.all(pubs.map(([, pub]) => bytesReceived(pub)));
  return pubs
    .filter((_, i) => after[i]! > before[i]!)
    .map(([id]) => id)
    .sort();
}

/** Wait until `get()` equals `expected()`, saying both on a timeout. */
async function waitForSame(
  get: () => string[],
  expected: () => string[],
  message: string,
  timeout: number,
): Promise<void> {
  try {
    await waitFor(() => get().join() === expected().join(), message, timeout);
  } catch (error) {
    throw new Error(`${message}: have ${get().join() || '-'}, want ${expected().join() || '-'}`, {
      cause: error,
    });
  }
}

/**
 * Identities receiving video, measured until it is exactly `expected` (the server needs a moment
 * to pause old streams and resume new ones) or five measurements have been taken.
 */
async function receivingSettled(el: MediaRoom, expected: string[]): Promise<string[]> {
  let seen: string[] = [];
  for (let attempt = 0; attempt < 5; attempt++) {
    seen = await receiving(el);
    if (seen.join() === expected.join()) break;
  }
  return seen;
}

/** Remote identities whose tiles the grid renders. */
function shownRemotes(grid: LayoutGrid, local: string): string[] {
  return [...grid.shadowRoot!.querySelectorAll('participant-tile')]
    .map((t) => t.identity)
    .filter((id) => id !== local)
    .sort();
}

describe('<layout-grid> against a real livekit-server: only visible tiles receive video', () => {
  const { peers } = useLiveHooks();

  it('12 publishers, max-tiles 4: only the tiles on the page are enabled and received', async function () {
    this.timeout(180_000);
    const room = uniqueRoom('visible');
    const el = await fixture<MediaRoom>(html`
      <media-room
        token-url="/api/rooms/${room}/join"
        identity="viewer"
        name="Viewer"
        style="width: 960px; height: 620px"
      >
        <layout-grid max-tiles="4" style="height: 560px"></layout-grid>
      </media-room>
    `);
    await waitFor(() => el.store.get().connection.phase === 'connected', 'connected', 20_000);
    const grid = el.querySelector('layout-grid')!;

    for (let i = 0; i < PUBLISHERS; i += 3) {
      peers.push(
        ...(await Promise.all(
          [i, i + 1, i + 2].map((n) => publisher(room, `pub-${String(n).padStart(2, '0')}`)),
        )),
      );
    }
    await waitFor(
      () => [...cameras(el).values()].filter((p) => p.isSubscribed).length === PUBLISHERS,
      'all 12 cameras subscribed',
      60_000,
    );
    console.log(`[visible-video] subscribed cameras: ${cameras(el).size}`);

    // Page 1: you and three others.
    await waitFor(() => shownRemotes(grid, 'viewer').length === 3, 'three remote tiles', 10_000);
    await waitForSame(
      () => enabled(el),
      () => shownRemotes(grid, 'viewer'),
      "enabled cameras become the page's",
      30_000,
    );
    const page1 = shownRemotes(grid, 'viewer');
    const enabled1 = enabled(el);
    const received1 = await receivingSettled(el, page1);
    const status = () => grid.shadowRoot!.querySelector('[part="page-status"]')!.textContent;
    console.log(
      `[visible-video] ${status()}: ` +
        `tiles ${page1.join(', ')}; enabled ${enabled1.length} (${enabled1.join(', ')}); ` +
        `bytes growing over 2 s for ${received1.length} (${received1.join(', ')})`,
    );
    expect(enabled1.length).to.be.at.most(4);
    expect(enabled1).to.deep.equal(page1);
    expect(received1.length).to.be.at.most(4);
    expect(received1.every((id) => page1.includes(id))).to.equal(true);

    // Page 2: four others, and only they.
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="next"]')!.click();
    await waitFor(
      () =>
        shownRemotes(grid, 'viewer').length === 4 &&
        !shownRemotes(grid, 'viewer').some((id) => page1.includes(id)),
      'page 2 tiles',
      10_000,
    );
    await waitForSame(
      () => enabled(el),
      () => shownRemotes(grid, 'viewer'),
      "enabled cameras become page 2's",
      30_000,
    );
    const page2 = shownRemotes(grid, 'viewer');
    const received2 = await receivingSettled(el, page2);
    const enabled2 = enabled(el);
    console.log(
      `[visible-video] ${status()}: tiles ${page2.join(', ')}; enabled ${enabled2.length} (${enabled2.join(', ')}); ` +
        `bytes growing over 2 s for ${received2.length} (${received2.join(', ')})`,
    );
    expect(enabled2).to.deep.equal(page2);
    expect(received2.length).to.be.at.most(4);
    expect(received2.every((id) => page2.includes(id))).to.equal(true);
    await el.leave();
  });
});
