import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { LeaveButton } from '../../src/components/leave-button/leave-button.js';
import type { DisconnectedEvent } from '../../src/events/room-events.js';
import '../../src/index.js';
import { sendKeys } from '../helpers/input.js';
import { callRoot, mountRoom, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

/** Joins `room` through the dev token route, as a host or not (dev/roles.ts). */
const mountAs = (room: string, identity: string, role = ''): Promise<MediaRoom> =>
  mountRoom(room, identity, { role, style: 'height: 28rem; width: 44rem' });

const leaveButton = (el: MediaRoom) =>
  callRoot(el)!
    .querySelector('control-bar')!
    .shadowRoot!.querySelector<LeaveButton>('leave-button')!;
const part = (el: MediaRoom, name: string) =>
  leaveButton(el).shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);
const bannerText = (el: MediaRoom): string =>
  el
    .shadowRoot!.querySelector('connection-banner')
    ?.shadowRoot?.querySelector('[part="message"]')
    ?.textContent?.trim() ?? '';
const rejoinButton = (el: MediaRoom) =>
  el.shadowRoot!.querySelector('connection-banner')?.shadowRoot?.querySelector('[part="rejoin"]');

describe('end for everyone against a real livekit-server', () => {
  useLiveHooks();

  it('a host ends the meeting from the Leave menu (keyboard); the others read that the host ended it and do not rejoin', async () => {
    const room = uniqueRoom('end');
    const host = await mountAs(room, 'host', 'host');
    const ann = await mountAs(room, 'ann');
    const bob = await mountAs(room, 'bob');
    await waitFor(
      () => [host, ann, bob].every((el) => el.store.get().remotes.length === 2),
      'everyone sees the two others',
    );
    const reasons = new Map<string, string[]>();
    for (const [name, el] of [
      ['host', host],
      ['ann', ann],
      ['bob', bob],
    ] as const) {
      reasons.set(name, []);
      el.addEventListener('disconnected', (e) =>
        reasons.get(name)!.push((e as DisconnectedEvent).reason),
      );
    }

    // A participant's Leave is a plain button; the host's opens a menu.
    expect(part(ann, 'base')!.hasAttribute('aria-haspopup')).to.equal(false);
    const base = part(host, 'base')! as HTMLButtonElement;
    await waitFor(() => base.getAttribute('aria-haspopup') === 'menu', 'the host gets a menu');
    expect(base.getAttribute('aria-expanded')).to.equal('false');
    base.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !!part(host, 'menu'), 'the menu opens');
    expect(base.getAttribute('aria-expanded')).to.equal('true');
    const items = [...part(host, 'menu')!.querySelectorAll('[role="menuitem"]')].map((i) =>
      i.textContent?.trim(),
    );
    expect(items).to.deep.equal(['Leave', 'End for everyone']);
    const active = () => leaveButton(host).shadowRoot!.activeElement;
    await waitFor(() => active() === part(host, 'leave-item'), 'the first item has the focus');
    // Escape closes it, focus back on the button.
    await sendKeys({ press: 'Escape' });
    await waitFor(() => !part(host, 'menu'), 'Escape closes the menu');
    expect(leaveButton(host).shadowRoot!.activeElement === base, 'focus on the button').to.equal(
      true,
    );
    // Open again, down to "End for everyone", and choose it.
    await sendKeys({ press: 'ArrowDown' });
    await waitFor(() => active() === part(host, 'leave-item'), 'open with the arrow key');
    await sendKeys({ press: 'ArrowDown' });
    expect(active() === part(host, 'end-item'), 'on "End for everyone"').to.equal(true);
    let ending = 0;
    host.addEventListener('end-for-everyone', () => (ending += 1));
    await sendKeys({ press: 'Enter' });
    expect(ending).to.equal(1);

    for (const el of [ann, bob]) {
      await waitFor(
        () => el.store.get().connection.phase === 'disconnected',
        'the others are disconnected',
      );
      expect(el.store.get().connection.reason).to.equal('host-ended');
      await waitFor(
        () => bannerText(el) === 'The host, Name of host, ended the meeting.',
        'they read that the host ended the meeting',
      );
      expect(!rejoinButton(el), 'no Rejoin: the meeting is over').to.equal(true);
    }
    await waitFor(() => host.store.get().connection.phase === 'disconnected', 'the host is out');
    expect(host.store.get().connection.reason).to.equal('ended-for-everyone');
    await waitFor(
      () => bannerText(host) === 'You ended the meeting for everyone.',
      'the host reads that they ended it',
    );
    expect(reasons.get('ann')).to.deep.equal(['host-ended']);
    expect(reasons.get('bob')).to.deep.equal(['host-ended']);
    expect(reasons.get('host')).to.deep.equal(['ended-for-everyone']);
    // Once the server answered, the host's session leaves (no rejoin is wanted any more).
    await waitFor(() => !host.session.joining, 'the host left');
    // No rejoin by itself: nobody is attempting one (the reasons are not REJOIN_REASONS).
    for (const el of [host, ann, bob]) {
      expect(el.session.$rejoinAttempt.get()).to.equal(0);
      expect(el.store.get().connection.phase).to.equal('disconnected');
    }
  });

  it('a participant who is not a host cannot end the meeting: refused by the server, the call goes on', async () => {
    const room = uniqueRoom('end-refused');
    const host = await mountAs(room, 'host', 'host');
    const ann = await mountAs(room, 'ann');
    await waitFor(
      () => ann.store.get().remotes.length === 1 && host.store.get().remotes.length === 1,
      'each sees the other',
    );
    let refused: unknown;
    await ann.session.endForEveryone().catch((error: unknown) => (refused = error));
    expect(String(refused)).to.contain('403');
    await waitFor(
      () => ann.store.get().error?.code === 'moderation-failed',
      'the failure is reported',
    );
    expect(ann.shadowRoot!.querySelector('[part="notice"]')?.textContent).to.contain(
      'The action could not be carried out.',
    );
    expect(ann.store.get().connection.phase).to.equal('connected');
    expect(host.store.get().connection.phase).to.equal('connected');
    expect(host.store.get().remotes.map((p) => p.identity)).to.deep.equal(['ann']);
    await Promise.all([host.leave(), ann.leave()]);
  });
});
