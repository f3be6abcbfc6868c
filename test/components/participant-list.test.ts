import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { HostRequest } from '../../src/store/host-layout.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantList } from '../../src/components/participant-list/participant-list.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/participant-list/participant-list.js';
import type { ParticipantActionEvent } from '../../src/events/participant-events.js';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import type { ModerationRequest } from '../../src/store/types.js';
import { waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

const NAMES = ['Zoë Adams', 'Bruno Díaz', 'Chen Wei', 'Dana Fox'];

/**
 * A `<participant-list>` in a `<media-room>` on a scripted room with `remotes` remote
 * participants, named from NAMES except the last, who keeps only an identity.
 */
async function mount(remotes = 3) {
  const script = await ScriptedRoom.create(remotes);
  const ids = script.identities;
  ids.slice(0, -1).forEach((id, i) => script.update(id, { name: NAMES[i]! }));
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin><participant-list></participant-list></media-room>`,
  );
  el.room = script.room;
  const list = el.querySelector('participant-list')! as ParticipantList;
  await el.store.settled();
  await list.updateComplete;
  const root = list.shadowRoot!;
  const local = script.room.localParticipant.identity;
  const items = () => [...root.querySelectorAll<HTMLElement>('[part~="item"]')];
  const row = (id: string) => items().find((li) => li.dataset.identity === id);
  const names = () => items().map((li) => li.querySelector('[part="name"]')!.textContent!.trim());
  const order = () => items().map((li) => li.dataset.identity);
  const inRow = <T extends HTMLElement = HTMLElement>(id: string, part: string) =>
    row(id)?.querySelector<T>(`[part~="${part}"]`) ?? null;
  /** Let the store commit and the list render. */
  const settle = async () => {
    await el.store.settled();
    await list.updateComplete;
  };
  return { script, el, list, root, ids, local, items, row, names, order, inRow, settle };
}

/** Configure a moderator that records every request (and make the local participant one). */
function moderate(m: Awaited<ReturnType<typeof mount>>, asModerator = true) {
  const calls: Array<ModerationRequest | HostRequest> = [];
  m.el.session.setModerator(async (request) => {
    calls.push(request);
  });
  if (asModerator) m.script.makeModerator();
  return calls;
}

async function type(input: HTMLInputElement, text: string) {
  input.focus();
  input.select();
  if (text) await sendKeys({ type: text });
  else await sendKeys({ press: 'Backspace' });
}

describe('<participant-list> on a scripted room', () => {
  it('does not render while hidden, and shows the room as it is when shown again', async () => {
    const { script, list, ids, names, settle } = await mount();
    let renders = 0;
    const render = list.render.bind(list);
    list.render = () => {
      renders += 1;
      return render();
    };
    list.hidden = true;
    await settle();
    expect(list.hasAttribute('hidden'), 'the attribute follows').to.equal(true);
    const before = renders;
    script.update(ids[0]!, { name: 'Renamed While Hidden' });
    script.setCameraMuted(ids[1]!, true);
    await settle();
    expect(renders, 'no render while hidden').to.equal(before);
    expect(names()).not.to.include('Renamed While Hidden');
    list.hidden = false;
    await settle();
    expect(renders).to.equal(before + 1);
    expect(names()).to.include('Renamed While Hidden');
    await script.room.disconnect();
  });

  it('lists you first, then the others, with names, roles and media states', async () => {
    const m = await mount(3);
    const [a, b, c] = m.ids as [string, string, string];
    m.script.makeModerator();
    m.script.publishTrack(a, 'microphone');
    m.script.setCameraMuted(b, true);
    await m.settle();
    await waitFor(() => m.inRow(a, 'mic') !== null, 'a has a microphone');

    expect(
      m.root.querySelector('[part="heading"]')!.textContent!.replace(/\s+/g, ' ').trim(),
    ).to.equal('Participants (4)');
    expect(m.root.querySelector('[part="list"]')!.getAttribute('role')).to.equal('list');
    expect(m.items().every((li) => li.tagName === 'LI')).to.equal(true);
    expect(m.order()).to.deep.equal([m.local, a, b, c]);
    expect(m.names()).to.deep.equal(['local-name (you)', 'Zoë Adams', 'Bruno Díaz', c]);
    expect(m.inRow(m.local, 'avatar')!.textContent).to.equal('LN');
    expect(m.inRow(a, 'avatar')!.textContent).to.equal('ZA');
    // The local token lists moderate:participants: a Host badge, even with no moderator set.
    expect(m.inRow(m.local, 'role')!.textContent!.trim()).to.equal('Host');
    expect(m.inRow(a, 'role')).to.equal(null);

    expect(m.inRow(a, 'mic')!.getAttribute('aria-label')).to.equal('Microphone on');
    expect(m.inRow(b, 'mic')).to.equal(null);
    expect(m.inRow(a, 'camera')!.getAttribute('aria-label')).to.equal('Camera on');
    expect(m.inRow(b, 'camera')!.getAttribute('aria-label')).to.equal('Camera off');
    expect(m.inRow(m.local, 'camera')).to.equal(null);

    // The microphone is muted: the row says so.
    m.script.publishTrack(a, 'microphone', { muted: true });
    await waitFor(
      () => m.inRow(a, 'mic')?.getAttribute('aria-label') === 'Microphone muted',
      'muted',
    );
    expect(m.inRow(a, 'mic')!.getAttribute('part')).to.equal('mic off');
    await expect(m.list).to.be.accessible();

    // Someone joins (at the end) and someone leaves.
    m.script.join('eve', 'Eve Ng');
    m.script.leave(b);
    await waitFor(() => m.order().join() === [m.local, a, c, 'eve'].join(), 'joined and left');
    expect(m.root.querySelector('[part="count"]')!.textContent).to.equal('(4)');
    await m.script.room.disconnect();
  });

  it('narrows the list by name or identity, ignoring case and accents', async () => {
    const m = await mount(3);
    const [a, b, c] = m.ids as [string, string, string];
    const filter = m.root.querySelector<HTMLInputElement>('[part="filter"]')!;
    const status = () => m.root.querySelector('[part="status"]')!;
    expect(filter.getAttribute('aria-label')).to.equal('Find a participant');
    expect(status().getAttribute('role')).to.equal('status');
    expect(status().textContent!.trim()).to.equal('');
    expect(m.list.matches(':state(filtering)')).to.equal(false);

    await type(filter, 'ZOE');
    await m.list.updateComplete;
    expect(m.order()).to.deep.equal([a]);
    expect(status().textContent!.trim()).to.equal('1 of 4 shown');
    expect(m.list.matches(':state(filtering)')).to.equal(true);

    await type(filter, 'diaz');
    await m.list.updateComplete;
    expect(m.order()).to.deep.equal([b]);

    // The identity counts too (the last remote has no name).
    await type(filter, c.toUpperCase());
    await m.list.updateComplete;
    expect(m.order()).to.deep.equal([c]);

    await type(filter, 'nobody here');
    await m.list.updateComplete;
    expect(m.items()).to.have.length(0);
    expect(m.root.querySelector('[part="empty"]')!.textContent).to.equal('No one matches.');
    expect(status().textContent!.trim()).to.equal('0 of 4 shown');
    await expect(m.list).to.be.accessible();

    await type(filter, '');
    await m.list.updateComplete;
    expect(m.order()).to.deep.equal([m.local, a, b, c]);
    expect(m.root.querySelector('[part="empty"]')).to.equal(null);
    expect(status().textContent!.trim()).to.equal('');
    expect(m.list.matches(':state(filtering)')).to.equal(false);
    await m.script.room.disconnect();
  });

  it('puts raised hands after you, in the order raised, with their place', async () => {
    const m = await mount(3);
    const [a, b, c] = m.ids as [string, string, string];
    m.script.setAttributes(c, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    m.script.setAttributes(b, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:05.000Z' });
    await waitFor(() => m.order().join() === [m.local, c, b, a].join(), 'hands first');
    expect(m.inRow(c, 'hand')!.getAttribute('aria-label')).to.equal('Hand raised (1 in line)');
    expect(m.inRow(b, 'hand')!.getAttribute('aria-label')).to.equal('Hand raised (2 in line)');
    expect(m.inRow(b, 'hand')!.textContent!.trim()).to.equal('2');
    expect(m.inRow(a, 'hand')).to.equal(null);

    // The local hand does not move you: you stay first, with your place (stamped by the server,
    // as the server helper's grant does not let you write it).
    m.script.setPermissions(m.local, {});
    m.script.setAttributes(m.local, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:03.000Z' });
    await waitFor(() => m.inRow(m.local, 'hand') !== null, 'local hand');
    expect(m.order()).to.deep.equal([m.local, c, b, a]);
    expect(m.inRow(b, 'hand')!.getAttribute('aria-label')).to.equal('Hand raised (3 in line)');

    // c lowers: back to join order after the raised hands.
    m.script.setAttributes(c, { [HAND_ATTRIBUTE]: '' });
    await waitFor(() => m.order().join() === [m.local, b, a, c].join(), 'c lowered');
    await m.script.room.disconnect();
  });

  it('groups the rows under On stage and Audience when the room has viewers', async () => {
    const m = await mount(4);
    const [a, b, c, d] = m.ids as [string, string, string, string];
    expect(m.root.querySelector('[part="group-heading"]')).to.equal(null);
    m.script.setPermissions(b, { canPublish: false });
    m.script.setPermissions(d, { canPublish: false });
    m.script.setAttributes(d, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    await waitFor(() => m.root.querySelectorAll('[part="group"]').length === 2, 'two groups');
    await m.settle();
    const groups = [...m.root.querySelectorAll('[part="group"]')].map((g) => ({
      heading: g.querySelector('[part="group-heading"]')!.textContent,
      rows: [...g.querySelectorAll<HTMLElement>('[part~="item"]')].map((li) => li.dataset.identity),
    }));
    expect(groups).to.deep.equal([
      { heading: 'On stage', rows: [m.local, a, c] },
      { heading: 'Audience', rows: [d, b] },
    ]);
    expect(m.inRow(b, 'role')!.textContent!.trim()).to.equal('Viewer');
    expect(m.inRow(d, 'hand')!.getAttribute('aria-label')).to.equal('Hand raised (1 in line)');
    await expect(m.list).to.be.accessible();

    // A search that finds only the audience shows only its group.
    const filter = m.root.querySelector<HTMLInputElement>('[part="filter"]')!;
    await type(filter, d);
    await m.list.updateComplete;
    expect(
      [...m.root.querySelectorAll('[part="group-heading"]')].map((h) => h.textContent),
    ).to.deep.equal(['Audience']);
    await m.script.room.disconnect();
  });

  it('offers no moderator actions without a moderator, nor to a participant', async () => {
    const m = await mount(2);
    const [a] = m.ids as [string];
    m.script.publishTrack(a, 'microphone');
    // A moderator token, but no moderator configured.
    m.script.makeModerator();
    await m.settle();
    await waitFor(() => m.inRow(a, 'mic') !== null, 'mic');
    expect(m.root.querySelector('[part="actions"]')).to.equal(null);
    expect(m.list.matches(':state(moderator)')).to.equal(false);
    // Volume for the others, never for yourself.
    expect(m.inRow(a, 'volume')).to.not.equal(null);
    expect(m.inRow(m.local, 'volume')).to.equal(null);
    expect(m.inRow(m.local, 'controls')).to.equal(null);
    await expect(m.list).to.be.accessible();
    await m.script.room.disconnect();

    // A moderator configured, but the local token does not list moderate:participants.
    const n = await mount(2);
    const calls = moderate(n, false);
    await n.settle();
    expect(n.el.store.get().moderation).to.equal(true);
    expect(n.root.querySelector('[part="actions"]')).to.equal(null);
    expect(n.root.querySelector('[part="remove"]')).to.equal(null);
    expect(n.list.matches(':state(moderator)')).to.equal(false);
    await expect(n.list).to.be.accessible();
    expect(calls).to.deep.equal([]);
    await n.script.room.disconnect();
  });

  it('gives a moderator the actions that fit each row, each sending its request', async () => {
    const m = await mount(3);
    const [a, b, c] = m.ids as [string, string, string];
    const calls = moderate(m);
    m.script.publishTrack(a, 'microphone');
    m.script.setPermissions(b, { canPublish: false });
    m.script.setAttributes(b, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    await waitFor(() => m.list.matches(':state(moderator)'), 'moderator');
    await waitFor(() => m.inRow(b, 'lower-hand') !== null, 'b has a hand');
    await m.settle();

    const buttons = (id: string) =>
      [...(m.inRow(id, 'actions')?.querySelectorAll('button') ?? [])].map((x) =>
        x.getAttribute('part'),
      );
    // A host may spotlight anyone for everyone, themselves too.
    expect(buttons(m.local)).to.deep.equal(['spotlight']);
    expect(buttons(a)).to.deep.equal(['mute', 'spotlight', 'remove']);
    expect(buttons(b)).to.deep.equal(['promote', 'lower-hand', 'spotlight', 'remove']);
    expect(buttons(c)).to.deep.equal(['spotlight', 'remove']);
    expect(m.inRow(c, 'spotlight')!.getAttribute('aria-label')).to.equal(
      `Spotlight ${c} for everyone`,
    );
    expect(m.inRow(c, 'spotlight')!.getAttribute('aria-pressed')).to.equal('false');
    const mute = m.inRow<HTMLButtonElement>(a, 'mute')!;
    expect(mute.getAttribute('aria-label')).to.equal('Mute Zoë Adams');
    expect(mute.title).to.equal('Mute Zoë Adams');
    expect(m.inRow(b, 'promote')!.getAttribute('aria-label')).to.equal(
      'Bring Bruno Díaz onto the stage',
    );
    expect(m.inRow(b, 'lower-hand')!.getAttribute('aria-label')).to.equal(
      "Lower Bruno Díaz's hand",
    );
    expect(m.inRow(c, 'remove')!.getAttribute('aria-label')).to.equal(`Remove ${c}`);
    expect(m.inRow(a, 'actions')!.getAttribute('aria-label')).to.equal('Actions for Zoë Adams');
    await expect(m.list).to.be.accessible();

    const micSid = m.el.store.get().participants.get(a)!.tracks.microphone!.sid;
    expect(micSid).to.match(/^TR_/);
    mute.click();
    await waitFor(() => calls.length === 1, 'mute sent');
    m.inRow<HTMLButtonElement>(b, 'promote')!.click();
    await waitFor(() => calls.length === 2, 'promote sent');
    m.inRow<HTMLButtonElement>(b, 'lower-hand')!.click();
    await waitFor(() => calls.length === 3, 'lower-hand sent');
    m.inRow<HTMLButtonElement>(c, 'spotlight')!.click();
    await waitFor(() => calls.length === 4, 'spotlight sent');
    expect(calls).to.deep.equal([
      { action: 'mute', identity: a, trackSid: micSid },
      { action: 'promote', identity: b },
      { action: 'lower-hand', identity: b },
      { action: 'spotlight', identity: c },
    ]);

    // A muted microphone offers no Mute.
    m.script.publishTrack(a, 'microphone', { muted: true });
    await waitFor(() => m.inRow(a, 'mute') === null, 'no mute for a muted microphone');
    await m.script.room.disconnect();
  });

  it('is busy while a request is under way, and stops being busy when it fails', async () => {
    const m = await mount(1);
    const [a] = m.ids as [string];
    m.script.makeModerator();
    const calls: Array<ModerationRequest | HostRequest> = [];
    let fail: (error: Error) => void = () => {};
    m.el.session.setModerator(
      (request) =>
        new Promise<void>((_resolve, reject) => {
          calls.push(request);
          fail = reject;
        }),
    );
    m.script.setAttributes(a, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    await waitFor(() => m.inRow(a, 'lower-hand') !== null, 'lower hand offered');
    const lower = m.inRow<HTMLButtonElement>(a, 'lower-hand')!;
    lower.click();
    await m.list.updateComplete;
    expect(lower.getAttribute('aria-busy')).to.equal('true');
    expect(lower.getAttribute('aria-disabled')).to.equal('true');
    lower.click();
    await m.list.updateComplete;
    expect(calls).to.have.length(1);

    fail(new Error('403 forbidden'));
    await waitFor(() => lower.getAttribute('aria-busy') === 'false', 'not busy');
    expect(lower.hasAttribute('aria-disabled')).to.equal(false);
    expect(m.el.store.get().error).to.deep.include({ code: 'moderation-failed', fatal: false });
    await m.script.room.disconnect();
  });

  it('asks before removing: Escape and Cancel keep the participant, Confirm sends', async () => {
    const m = await mount(2);
    const [a] = m.ids as [string];
    const calls = moderate(m);
    await waitFor(() => m.inRow(a, 'remove') !== null, 'remove offered');

    m.inRow<HTMLButtonElement>(a, 'remove')!.click();
    await waitFor(() => m.root.activeElement === m.inRow(a, 'confirm'), 'focus on Confirm');
    const confirmation = m.inRow(a, 'confirmation')!;
    expect(confirmation.textContent).to.contain('Remove Zoë Adams from the room?');
    expect(confirmation.getAttribute('aria-label')).to.equal('Remove Zoë Adams from the room?');
    expect(m.inRow(a, 'confirm')!.textContent!.trim()).to.equal('Confirm');
    expect(m.inRow(a, 'cancel')!.textContent!.trim()).to.equal('Cancel');
    await expect(m.list).to.be.accessible();

    await sendKeys({ press: 'Escape' });
    await m.list.updateComplete;
    expect(m.inRow(a, 'confirmation')).to.equal(null);
    await waitFor(() => m.root.activeElement === m.inRow(a, 'remove'), 'focus back on Remove');

    await sendKeys({ press: 'Enter' });
    await waitFor(() => m.inRow(a, 'cancel') !== null, 'asked again');
    m.inRow<HTMLButtonElement>(a, 'cancel')!.click();
    await waitFor(() => m.root.activeElement === m.inRow(a, 'remove'), 'cancelled');
    expect(calls).to.deep.equal([]);

    m.inRow<HTMLButtonElement>(a, 'remove')!.click();
    await waitFor(() => m.root.activeElement === m.inRow(a, 'confirm'), 'asked a third time');
    await sendKeys({ press: 'Enter' });
    await waitFor(() => calls.length === 1, 'remove sent');
    expect(calls).to.deep.equal([{ action: 'remove', identity: a }]);
    await waitFor(() => m.inRow(a, 'confirmation') === null, 'question closed');
    await m.script.room.disconnect();
  });

  it('fires participant-action first, and sends nothing when it is cancelled', async () => {
    const m = await mount(1);
    const [a] = m.ids as [string];
    const calls = moderate(m);
    m.script.publishTrack(a, 'microphone');
    await waitFor(() => m.inRow(a, 'mute') !== null, 'mute offered');
    const seen: { action: string; identity: string; composed: boolean }[] = [];
    const cancel = (e: ParticipantActionEvent) => {
      seen.push({ action: e.action, identity: e.identity, composed: e.composed });
      e.preventDefault();
    };
    m.el.addEventListener('participant-action', cancel);
    m.inRow<HTMLButtonElement>(a, 'mute')!.click();
    m.inRow<HTMLButtonElement>(a, 'remove')!.click();
    await waitFor(() => m.inRow(a, 'confirm') !== null, 'asked');
    m.inRow<HTMLButtonElement>(a, 'confirm')!.click();
    await m.list.updateComplete;
    // A fixed window on purpose: this proves no request goes out, and there is nothing to wait for.
    await new Promise((r) => setTimeout(r, 50));
    expect(seen).to.deep.equal([
      { action: 'mute', identity: a, composed: true },
      { action: 'remove', identity: a, composed: true },
    ]);
    expect(calls).to.deep.equal([]);
    expect(m.inRow(a, 'mute')!.getAttribute('aria-busy')).to.equal('false');

    // Not cancelled: the request goes out.
    m.el.removeEventListener('participant-action', cancel);
    m.inRow<HTMLButtonElement>(a, 'mute')!.click();
    await waitFor(() => calls.length === 1, 'sent');
    await m.script.room.disconnect();
  });

  it('sets how loud each remote participant plays here with a volume slider', async () => {
    const m = await mount(2);
    const [a, b] = m.ids as [string, string];
    const slider = m.inRow(a, 'volume')!.querySelector('input')!;
    expect(slider.type).to.equal('range');
    expect(slider.min).to.equal('0');
    expect(slider.max).to.equal('100');
    expect(slider.value).to.equal('100');
    expect(slider.getAttribute('aria-label')).to.equal('Volume of Zoë Adams');
    expect(m.root.querySelectorAll('input[type="range"]')).to.have.length(2);

    slider.value = '40';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await m.settle();
    expect(m.el.store.get().audio.volumes).to.deep.equal({ [a]: 0.4 });
    expect(slider.value).to.equal('40');
    expect(slider.getAttribute('aria-valuetext')).to.equal('40%');

    // The keyboard works too.
    const other = m.inRow(b, 'volume')!.querySelector('input')!;
    other.focus();
    await sendKeys({ press: 'ArrowLeft' });
    await m.settle();
    expect(m.el.store.get().audio.volumes).to.deep.equal({ [a]: 0.4, [b]: 0.99 });

    // Back to full volume: the store forgets the entry.
    slider.value = '100';
    slider.dispatchEvent(new Event('input', { bubbles: true }));
    await m.settle();
    expect(m.el.store.get().audio.volumes).to.deep.equal({ [b]: 0.99 });
    await m.script.room.disconnect();
  });

  it('does not re-render when someone starts or stops speaking', async () => {
    const m = await mount(3);
    const [a, b] = m.ids as [string, string];
    m.script.publishTrack(a, 'microphone');
    await waitFor(() => m.inRow(a, 'mic') !== null, 'mic');
    await m.settle();
    let renders = 0;
    const host = m.list as unknown as { updated: (changed: Map<string, unknown>) => void };
    const updated = host.updated.bind(m.list);
    host.updated = (changed) => {
      renders += 1;
      updated(changed);
    };

    m.script.speakers([a]);
    await waitFor(() => m.el.store.get().participants.get(a)!.isSpeaking, 'a speaks');
    m.script.speakers([b, a]);
    await waitFor(() => m.el.store.get().activeSpeakers.join() === [b, a].join(), 'b speaks');
    m.script.speakers([]);
    await waitFor(() => m.el.store.get().activeSpeakers.length === 0, 'silence');
    await m.settle();
    expect(renders).to.equal(0);

    // Something the list shows does re-render it (the counter works).
    m.script.publishTrack(a, 'microphone', { muted: true });
    await waitFor(() => m.inRow(a, 'mic')?.getAttribute('part') === 'mic off', 'muted');
    expect(renders).to.equal(1);
    await m.script.room.disconnect();
  });

  it('reaches every row control with Tab from the search field', async () => {
    const m = await mount(2);
    const [a] = m.ids as [string, string];
    moderate(m);
    m.script.publishTrack(a, 'microphone');
    await waitFor(() => m.inRow(a, 'mute') !== null, 'moderator actions');
    const filter = m.root.querySelector<HTMLInputElement>('[part="filter"]')!;
    filter.focus();
    const where = () => {
      const active = m.root.activeElement as HTMLElement | null;
      const li = active?.closest<HTMLElement>('li');
      const part = active?.getAttribute('part') ?? active?.closest('[part]')?.getAttribute('part');
      return `${li?.dataset.identity ?? '-'}:${part}`;
    };
    const seen = [where()];
    for (let i = 0; i < 5; i += 1) {
      await sendKeys({ press: 'Tab' });
      seen.push(where());
    }
    expect(seen).to.deep.equal([
      '-:filter',
      `${m.local}:spotlight`,
      `${a}:volume`,
      `${a}:mute`,
      `${a}:spotlight`,
      `${a}:remove`,
    ]);
    await m.script.room.disconnect();
  });
});
