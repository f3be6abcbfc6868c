import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/index.js';
import { WAITING_ATTRIBUTE } from '../../src/store/index.js';
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
 * Joins `room` through the dev join route (dev/roles.ts: tests and demo only): `role=host` for a
 * host, and `waiting=1`, which makes the room a waiting room when it does not exist yet. A
 * newcomer who is not a host connects and waits; `waitFor` says what to wait for.
 */
async function mountAs(
  room: string,
  identity: string,
  options: { role?: string; video?: boolean; name?: string } = {},
): Promise<MediaRoom> {
  const query = new URLSearchParams({ waiting: '1' });
  if (options.role) query.set('role', options.role);
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      style="height: 18rem"
      token-url="/api/rooms/${room}/join?${query}"
      identity=${identity}
      name=${options.name ?? `Name of ${identity}`}
      ?video=${options.video ?? false}
    ></media-room>
  `);
  await waitUntil(() => el.store.get().connection.phase === 'connected', `${identity} joins`, {
    timeout: 20_000,
  });
  return el;
}

const screen = (el: MediaRoom) => callRoot(el)?.querySelector('waiting-screen') ?? null;
const screenPart = (el: MediaRoom, part: string) =>
  screen(el)?.shadowRoot?.querySelector<HTMLElement>(`[part~="${part}"]`) ?? null;
const notices = (el: MediaRoom) => callRoot(el)?.querySelector('knock-notices') ?? null;
const notice = (el: MediaRoom, identity: string) =>
  notices(el)?.shadowRoot?.querySelector<HTMLElement>(
    `[part~="notice"][data-identity="${CSS.escape(identity)}"]`,
  ) ?? null;
const noticeButton = (el: MediaRoom, identity: string, part: 'admit' | 'deny') =>
  notice(el, identity)?.querySelector<HTMLButtonElement>(`[part~="${part}"]`) ?? null;
const list = (el: MediaRoom) => callRoot(el)!.querySelector<ParticipantList>('participant-list')!;
const row = (el: MediaRoom, identity: string) =>
  list(el).shadowRoot!.querySelector<HTMLElement>(`li[data-identity="${CSS.escape(identity)}"]`);
/** `el` shows `identity`'s video, and it decodes frames (bounded: 20 s). */
async function seesVideo(el: MediaRoom, identity: string): Promise<boolean> {
  for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
    const video = tileOf(el, identity)?.shadowRoot?.querySelector<HTMLVideoElement>(
      'video:not([hidden])',
    );
    if (video && (await isDecoding(video))) return true;
    if (!video) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return false;
}

const waiting = (el: MediaRoom, identity: string) =>
  !!el.store.get().participants.get(identity)?.attributes[WAITING_ATTRIBUTE];

describe('waiting room against a real livekit-server', () => {
  useLiveHooks();

  it('a newcomer knocks, the host is told and admits them; their camera reaches the host', async () => {
    const room = uniqueRoom('knock');
    const host = await mountAs(room, 'host', { role: 'host' });
    const ada = await mountAs(room, 'ada', { video: true, name: 'Ada' });

    // The newcomer waits: the waiting screen with their own preview, no call, nothing published.
    await waitFor(() => !!screen(ada), 'the newcomer sees the waiting screen');
    expect(screenPart(ada, 'title')!.textContent).to.contain('Waiting for a host to let you in');
    const preview = await waitForValue(() => {
      const video = screenPart(ada, 'video') as HTMLVideoElement | null;
      return video && !video.hidden ? video : null;
    }, 'the camera preview shows');
    await waitFor(() => preview.videoWidth > 0, 'the preview plays');
    expect(await isDecoding(preview), 'the preview is live').to.equal(true);
    expect(ada.room.localParticipant.trackPublications.size, 'nothing published').to.equal(0);
    expect(callRoot(ada)!.querySelector('layout-grid'), 'no call while waiting').to.equal(null);
    expect(screenPart(ada, 'no-host')!.textContent!.trim(), 'a host is here').to.equal('');
    await expect(screen(ada)!).to.be.accessible();

    // The host reads the knock (no tile for the newcomer) and admits by keyboard-operable button.
    await waitFor(() => !!notice(host, 'ada'), 'the host gets a notice');
    expect(notice(host, 'ada')!.textContent).to.contain('Ada asks to join');
    const announcer = notices(host)!.shadowRoot!.querySelector('[part="announcer"]')!;
    expect(announcer.getAttribute('role')).to.equal('status');
    expect(announcer.textContent).to.contain('Ada asks to join');
    expect(tileOf(host, 'ada'), 'no tile while waiting').to.equal(null);
    expect(host.shadowRoot!.activeElement, 'the notice takes no focus').to.equal(null);
    await expect(notices(host)!).to.be.accessible();
    noticeButton(host, 'ada', 'admit')!.click();

    // Let in: the call starts where they are, publishing the camera the host decodes.
    await waitFor(() => !screen(ada), 'the waiting screen goes');
    await waitFor(() => !!callRoot(ada)?.querySelector('layout-grid'), 'the call shows');
    await waitFor(() => !notice(host, 'ada'), 'the notice goes');
    await waitFor(
      () => !!host.store.get().participants.get('ada')?.tracks.camera?.subscribed,
      'the host receives the camera',
      20_000,
    );
    expect(await seesVideo(host, 'ada'), 'the host decodes the video').to.equal(true);
    // And the newcomer now sees the host.
    await waitFor(() => !!tileOf(ada, 'host'), 'the newcomer shows the host');
    await Promise.all([host.leave(), ada.leave()]);
  });

  it('the host denies: the newcomer reads why, and is not let in again by itself', async () => {
    const room = uniqueRoom('deny');
    const host = await mountAs(room, 'host', { role: 'host' });
    const bob = await mountAs(room, 'bob', { name: 'Bob' });
    await waitFor(() => !!noticeButton(host, 'bob', 'deny'), 'the host gets a notice');
    noticeButton(host, 'bob', 'deny')!.click();

    await waitFor(() => bob.store.get().connection.phase === 'disconnected', 'bob is turned away');
    expect(bob.store.get().connection.reason).to.equal('waiting-denied');
    const banner = bob.shadowRoot!.querySelector('connection-banner')!;
    await waitFor(
      () => !!banner.shadowRoot!.textContent?.includes('The host did not let you in.'),
      'bob reads why',
    );
    expect(bob.session.$rejoinAttempt.get(), 'no automatic rejoin').to.equal(0);
    await waitFor(() => !notice(host, 'bob'), 'the notice goes');
    await host.leave();
  });

  it('the host leaves while someone waits: they are told; a host who arrives admits them from the list', async () => {
    const room = uniqueRoom('nohost');
    const first = await mountAs(room, 'first-host', { role: 'host' });
    const eve = await mountAs(room, 'eve', { name: 'Eve' });
    await waitFor(() => !!screen(eve), 'eve waits');
    await first.leave();
    await waitFor(
      () => !!screenPart(eve, 'no-host')?.textContent?.includes('No host is here right now'),
      'eve is told no host is here',
    );
    expect(screenPart(eve, 'no-host')!.getAttribute('role')).to.equal('status');

    const second = await mountAs(room, 'second-host', { role: 'host' });
    await waitFor(() => screenPart(eve, 'no-host')?.textContent?.trim() === '', 'a host is back');
    // The list's Waiting group, by keyboard: Admit is a button in eve's row.
    callRoot(second)!
      .querySelector('participants-toggle')!
      .shadowRoot!.querySelector('button')!
      .click();
    await waitFor(() => !list(second).hidden, 'the list opens');
    const admit = await waitForValue(
      () => row(second, 'eve')?.querySelector<HTMLButtonElement>('[part~="admit"]'),
      'eve is in the Waiting group with Admit',
    );
    expect(list(second).shadowRoot!.textContent).to.contain('Waiting');
    expect(row(second, 'eve')!.querySelector('[part~="deny"]')).to.not.equal(null);
    admit.click();
    await waitFor(() => !screen(eve), 'eve is let in');
    await waitFor(() => !row(second, 'eve')?.querySelector('[part~="admit"]'), 'no longer waiting');
    await Promise.all([second.leave(), eve.leave()]);
  });

  it('a participant who is not a host cannot admit: the server answers 403 and the newcomer still waits', async () => {
    const room = uniqueRoom('refuse');
    const host = await mountAs(room, 'host', { role: 'host' });
    const pat = await mountAs(room, 'pat');
    await waitFor(() => !!noticeButton(host, 'pat', 'admit'), 'pat knocks');
    noticeButton(host, 'pat', 'admit')!.click();
    await waitFor(() => !screen(pat) && !!callRoot(pat)?.querySelector('layout-grid'), 'pat in');
    const eve = await mountAs(room, 'eve');
    await waitFor(() => waiting(pat, 'eve'), 'pat sees eve waiting');
    // A participant who is no host is shown nothing to admit with…
    expect(notice(pat, 'eve'), 'no notice for a non-host').to.equal(null);
    expect(tileOf(pat, 'eve'), 'no tile for anyone').to.equal(null);

    // …and the server refuses the request sent anyway, from pat and from eve herself.
    for (const who of [pat, eve]) {
      let refused: unknown;
      await who.session
        .moderate({ action: 'admit', identity: 'eve' })
        .catch((error: unknown) => (refused = error));
      expect(String(refused)).to.contain('HTTP 403');
      await waitFor(() => who.store.get().error?.code === 'moderation-failed', 'reported');
    }
    await waitFor(
      () => !!pat.shadowRoot!.querySelector('[part="notice"]')?.textContent,
      'pat reads the refusal',
    );
    expect(pat.shadowRoot!.querySelector('[part="notice"]')!.textContent).to.contain('403');
    expect(waiting(host, 'eve'), 'eve still waits').to.equal(true);
    expect(eve.room.localParticipant.permissions?.canSubscribe).to.equal(false);
    expect(screen(eve), 'eve still sees the waiting screen').to.not.equal(null);
    await Promise.all([host.leave(), pat.leave(), eve.leave()]);
  });
});
