import { expect, fixture, html } from '@open-wc/testing';
import type { KnockNotices } from '../../src/components/knock-notices/knock-notices.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import type { WaitingScreen } from '../../src/components/waiting-screen/waiting-screen.js';
import '../../src/index.js';
import type { ParticipantActionEvent } from '../../src/events/participant-events.js';
import { CAPABILITIES_ATTRIBUTE, WAITING_ATTRIBUTE } from '../../src/store/attributes.js';
import type { Moderator } from '../../src/store/types.js';
import { isAdmitted } from '../../src/store/waiting-room.js';
import { deepActive } from '../helpers/focus.js';
import { sendKeys } from '../helpers/input.js';
import { callRoot, tileOf, waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

const NOTHING = { canPublish: false, canSubscribe: false, canPublishData: false };

/** `identity` knocks: the server's waiting mark (at `at`) and no grant, as a waiting token has. */
function knock(script: ScriptedRoom, identity: string, at: string): void {
  script.setPermissions(identity, NOTHING);
  script.setAttributes(identity, { [WAITING_ATTRIBUTE]: at, [CAPABILITIES_ATTRIBUTE]: '' });
}

/** Let in: the grant and the cleared mark, as the server helper's Admit sends them. */
function admit(script: ScriptedRoom, identity: string): void {
  script.setPermissions(identity, {});
  script.setAttributes(identity, {
    [WAITING_ATTRIBUTE]: '',
    [CAPABILITIES_ATTRIBUTE]: 'publish:camera,subscribe:all',
  });
}

/**
 * `<knock-notices>` and `<participant-list>` in a `<media-room>` on a scripted room with `remotes`
 * remote participants; the local participant is a moderator whose requests are recorded.
 */
async function hostRoom(remotes: number, { moderator = true } = {}) {
  const script = await ScriptedRoom.create(remotes);
  script.identities.forEach((id, i) => script.update(id, { name: `Person ${i + 1}` }));
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin>
      <knock-notices></knock-notices>
      <participant-list></participant-list>
    </media-room>`,
  );
  el.room = script.room;
  const calls: Parameters<Moderator>[0][] = [];
  el.session.setModerator(async (request) => void calls.push(request));
  if (moderator) script.makeModerator();
  const notices = el.querySelector('knock-notices')! as KnockNotices;
  const list = el.querySelector('participant-list')! as ParticipantList;
  const settle = async () => {
    await el.store.settled();
    await notices.updateComplete;
    await list.updateComplete;
  };
  await settle();
  const part = (name: string) => [
    ...notices.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`),
  ];
  return { script, el, notices, list, calls, settle, part };
}

describe('waiting room: <knock-notices>', () => {
  it('shows a moderator each knock in order, stacked up to max, announced politely, without taking focus', async () => {
    const { script, el, notices, settle, part } = await hostRoom(5);
    const [a, b, c, d] = script.identities;
    const other = document.createElement('button');
    document.body.append(other);
    other.focus();
    expect(part('notice')).to.have.length(0);

    knock(script, b!, '2026-12-01T10:00:02.000Z');
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    await settle();
    expect(part('notice').map((n) => n.dataset.identity)).to.deep.equal([a, b]);
    expect(part('message')[0]!.textContent).to.equal('Person 1 asks to join');
    expect(part('message')[0]!.querySelector('bdi')!.textContent, 'the name isolated').to.equal(
      'Person 1',
    );
    const announcer = part('announcer')[0]!;
    expect(announcer.getAttribute('role')).to.equal('status');
    expect(announcer.textContent).to.contain('Person 2 asks to join');
    expect(document.activeElement, 'the focus stays where it was').to.equal(other);

    knock(script, c!, '2026-12-01T10:00:03.000Z');
    knock(script, d!, '2026-12-01T10:00:04.000Z');
    await settle();
    expect(part('notice')).to.have.length(3);
    expect(part('more')[0]!.textContent).to.equal('+1 more waiting');
    expect(announcer.textContent, 'the newest knocks').to.contain('Person 4 asks to join');
    expect(announcer.textContent).not.to.contain('Person 1');
    notices.max = 5;
    await settle();
    expect(part('notice')).to.have.length(4);
    expect(part('more')).to.have.length(0);
    // No tile for anyone waiting.
    expect(tileOf(el, a!)).to.equal(null);
    await expect(notices).to.be.accessible();
    expect(document.activeElement).to.equal(other);
    other.remove();
    await script.room.disconnect();
  });

  it('shows nothing to a participant who cannot moderate', async () => {
    const { script, part, settle } = await hostRoom(2, { moderator: false });
    knock(script, script.identities[0]!, '2026-12-01T10:00:01.000Z');
    await settle();
    expect(part('notice')).to.have.length(0);
    await script.room.disconnect();
  });

  it('Admit and Deny by keyboard send the request; answered, the focus goes to the next notice', async () => {
    const { script, notices, calls, settle, part } = await hostRoom(3);
    const [a, b] = script.identities;
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    knock(script, b!, '2026-12-01T10:00:02.000Z');
    await settle();
    const admitA = part('admit')[0]! as HTMLButtonElement;
    expect(admitA.getAttribute('aria-label')).to.equal('Admit Person 1');
    admitA.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => calls.length === 1, 'admit sent');
    expect(calls[0]).to.deep.equal({ action: 'admit', identity: a });

    // The server lets them in: the notice goes and the focus moves on to the next one's Admit.
    admit(script, a!);
    await settle();
    await notices.updateComplete;
    expect(part('notice').map((n) => n.dataset.identity)).to.deep.equal([b]);
    await waitFor(() => deepActive() === part('admit')[0], 'the next Admit has the focus');

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part('deny')[0]);
    await sendKeys({ press: ' ' });
    await waitFor(() => calls.length === 2, 'deny sent');
    expect(calls[1]).to.deep.equal({ action: 'deny', identity: b });
    await script.room.disconnect();
  });

  it('a cancelled participant-action sends nothing', async () => {
    const { script, el, calls, settle, part } = await hostRoom(1);
    knock(script, script.identities[0]!, '2026-12-01T10:00:01.000Z');
    await settle();
    const seen: ParticipantActionEvent[] = [];
    el.addEventListener('participant-action', (e) => {
      seen.push(e);
      e.preventDefault();
    });
    (part('deny')[0] as HTMLButtonElement).click();
    await settle();
    expect(seen.map((e) => [e.action, e.identity])).to.deep.equal([['deny', script.identities[0]]]);
    expect(calls).to.have.length(0);
    await script.room.disconnect();
  });

  it('tears down: no store subscription once removed', async () => {
    const { script, el, notices } = await hostRoom(2);
    let renders = 0;
    const render = notices.render.bind(notices);
    notices.render = () => {
      renders++;
      return render();
    };
    notices.remove();
    knock(script, script.identities[0]!, '2026-12-01T10:00:01.000Z');
    await el.store.settled();
    // One frame on purpose: this proves no render follows, and there is nothing to wait for.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});

describe('waiting room: announcements', () => {
  it('someone let in is announced as joining; a knock is said only by the notices', async () => {
    const { script, el, settle } = await hostRoom(1);
    const said: string[] = [];
    const announcer = el.shadowRoot!.querySelector('[part="announcer"]')!;
    const watch = new MutationObserver(() => said.push(announcer.textContent?.trim() ?? ''));
    watch.observe(announcer, { childList: true, subtree: true, characterData: true });
    const [a] = script.identities;
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    await settle();
    admit(script, a!);
    await waitFor(() => said.includes('Person 1 joined'), 'let in: said to have joined');
    watch.disconnect();
    await script.room.disconnect();
  });
});

describe('waiting room: <participant-list> Waiting group', () => {
  it('lists those waiting first under Waiting, with Admit and Deny, for a moderator only', async () => {
    const { script, list, calls, settle } = await hostRoom(3);
    const [a] = script.identities;
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    await settle();
    const root = list.shadowRoot!;
    const groups = [...root.querySelectorAll('[part="group-heading"]')].map((h) => h.textContent);
    expect(groups).to.deep.equal(['Waiting']);
    const row = root.querySelector<HTMLElement>(`li[data-identity="${a}"]`)!;
    expect(row.closest('[part="group"]'), 'in the Waiting group').to.not.equal(null);
    expect(
      root.querySelector('[part="count"]')!.textContent,
      'not counted as in the call',
    ).to.equal('(3)');
    const admitButton = row.querySelector<HTMLButtonElement>('[part~="admit"]')!;
    expect(admitButton.textContent!.trim()).to.equal('Admit');
    expect(row.querySelector('[part~="deny"]')!.getAttribute('aria-label')).to.equal(
      'Deny Person 1',
    );
    expect(row.querySelector('[part~="volume"]'), 'no volume while waiting').to.equal(null);
    expect(row.querySelector('[part~="role"]'), 'no Viewer badge while waiting').to.equal(null);
    await expect(list).to.be.accessible();
    admitButton.click();
    await waitFor(() => calls.length === 1, 'admit sent');
    expect(calls[0]).to.deep.equal({ action: 'admit', identity: a });
    admit(script, a!);
    await settle();
    expect(root.querySelector('[part="group-heading"]'), 'nobody waits').to.equal(null);
    expect(root.querySelector(`li[data-identity="${a}"] [part~="admit"]`)).to.equal(null);
    await script.room.disconnect();
  });

  it('does not list those waiting to a participant who cannot moderate', async () => {
    const { script, list, settle } = await hostRoom(2, { moderator: false });
    const [a] = script.identities;
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    await settle();
    expect(list.shadowRoot!.querySelector(`li[data-identity="${a}"]`)).to.equal(null);
    await script.room.disconnect();
  });
});

describe('waiting room: <waiting-screen> in the default UI', () => {
  async function newcomer(hosts: number) {
    const script = await ScriptedRoom.create(hosts);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="height: 30rem"></media-room>`,
    );
    el.room = script.room;
    const local = script.room.localParticipant.identity;
    for (const id of script.identities) script.makeModerator(id);
    knock(script, local, '2026-12-01T10:00:00.000Z');
    await el.store.settled();
    const screen = await (async () => {
      await waitFor(() => !!callRoot(el)?.querySelector('waiting-screen'), 'the waiting screen');
      return callRoot(el)!.querySelector('waiting-screen')! as WaitingScreen;
    })();
    await screen.updateComplete;
    const part = (name: string) =>
      screen.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`)!;
    return { script, el, screen, local, part };
  }

  it('says the newcomer waits, with Leave; no call, no tiles; says when no host is here', async () => {
    const { script, el, screen, part } = await newcomer(1);
    expect(part('title').textContent).to.equal('Waiting for a host to let you in');
    expect(part('no-host').textContent!.trim(), 'a host is here').to.equal('');
    expect(part('no-host').getAttribute('role')).to.equal('status');
    expect(callRoot(el)!.querySelector('layout-grid'), 'no call').to.equal(null);
    expect(callRoot(el)!.querySelector('control-bar'), 'no controls').to.equal(null);
    expect(part('placeholder'), 'no camera: the camera-off mark').to.not.equal(null);
    await expect(screen).to.be.accessible();

    script.leave(script.identities[0]!);
    await el.store.settled();
    await waitFor(
      () => part('no-host').textContent!.includes('No host is here right now'),
      'told no host is here',
    );
    await script.room.disconnect();
  });

  it('Leave fires a cancelable leave, then leaves through the session', async () => {
    const { el, part } = await newcomer(1);
    const seen: Event[] = [];
    const stay = (e: Event) => {
      seen.push(e);
      e.preventDefault();
    };
    el.addEventListener('leave', stay);
    part('leave').focus();
    await sendKeys({ press: 'Enter' });
    expect(seen).to.have.length(1);
    expect(el.store.get().connection.phase, 'cancelled: stays').to.not.equal('disconnected');
    el.removeEventListener('leave', stay);
    part('leave').click();
    await waitFor(() => el.store.get().connection.phase === 'disconnected', 'left');
  });

  it('admitted, the call shows in place of the waiting screen', async () => {
    const { script, el, local } = await newcomer(1);
    expect(isAdmitted(el.store.get().local)).to.equal(false);
    // The mark cleared first, the grant after (the SFU may tell them apart): not admitted yet.
    script.setAttributes(local, {
      [WAITING_ATTRIBUTE]: '',
      [CAPABILITIES_ATTRIBUTE]: 'publish:camera,subscribe:all',
    });
    await el.store.settled();
    expect(isAdmitted(el.store.get().local), 'the waiting grant is still in force').to.equal(false);
    script.setPermissions(local, {});
    await el.store.settled();
    expect(isAdmitted(el.store.get().local)).to.equal(true);
    await waitFor(() => !!callRoot(el)?.querySelector('layout-grid'), 'the call shows');
    expect(callRoot(el)!.querySelector('waiting-screen')).to.equal(null);
    await waitFor(() => !!tileOf(el, local), 'a tile of their own now');
    await script.room.disconnect();
  });

  it('tears down: no store subscription once removed', async () => {
    const { script, el, screen } = await newcomer(1);
    let renders = 0;
    const render = screen.render.bind(screen);
    screen.render = () => {
      renders++;
      return render();
    };
    screen.remove();
    script.leave(script.identities[0]!);
    await el.store.settled();
    // One frame on purpose: this proves no render follows, and there is nothing to wait for.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});

describe('waiting room: <participants-toggle>', () => {
  it('counts those in the call, not those waiting to be let in', async () => {
    const script = await ScriptedRoom.create(3);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin><participants-toggle></participants-toggle></media-room>`,
    );
    el.room = script.room;
    const toggle = el.querySelector('participants-toggle')!;
    await waitFor(() => toggle.count === 4, 'you and three others');
    const [a, b] = script.identities;
    knock(script, a!, '2026-12-01T10:00:01.000Z');
    knock(script, b!, '2026-12-01T10:00:02.000Z');
    await waitFor(() => toggle.count === 2, 'two waiting: not counted');
    await toggle.updateComplete;
    const badge = toggle.shadowRoot!.querySelector('[part="badge"]')!;
    expect(badge.getAttribute('data-count')).to.equal('2');
    admit(script, a!);
    await waitFor(() => toggle.count === 3, 'let in: counted');
    script.leave(b!);
    await el.store.settled();
    await waitFor(() => !el.store.get().participants.has(b!), 'gone');
    expect(toggle.count, 'a waiting one who leaves changes nothing').to.equal(3);
    await script.room.disconnect();
  });
});
