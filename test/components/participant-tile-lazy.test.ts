import { expect, fixture, html } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import { Track } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/index.js';
import { sendKeys } from '../helpers/input.js';
import { ScriptedRoom, canvasTrack } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/** A `<media-room>` on a scripted room (no server) holding the given markup. */
async function composed(remotes: number, content: (ids: string[]) => unknown) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin>${content(script.identities)}</media-room>`,
  );
  el.room = script.room;
  await el.updateComplete;
  return { script, el };
}

const part = (tile: ParticipantTile, name: string) =>
  tile.shadowRoot!.querySelector<HTMLElement>(`[part~="${name}"]`);

/**
 * A device without hover shows the actions always, so the Pin icon is built at once there
 * (headless Firefox says `(hover: none)`).
 */
const hoverless = () => matchMedia('(hover: none)').matches;

/** The element that has focus, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

describe('<participant-tile> builds only what it shows', () => {
  it('a tile with nothing to show has a named Pin button and no icon, video, reactions layer or slot', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`
        <button id="before">before</button>
        <participant-tile identity=${id!}></participant-tile>
      `,
    );
    const tile = el.querySelector('participant-tile')!;
    const id = script.identities[0]!;
    script.update(id, { name: 'Ada Lovelace' });
    await waitFor(() => part(tile, 'name')?.textContent === 'Ada Lovelace', 'named');
    const pin = part(tile, 'pin-button') as HTMLButtonElement;
    expect(pin.getAttribute('aria-label')).to.equal('Pin Ada Lovelace');
    expect(!!pin.querySelector('svg'), 'no Pin icon yet (unless without hover)').to.equal(
      hoverless(),
    );
    expect(part(tile, 'video'), 'no <video>').to.equal(null);
    expect(part(tile, 'reactions'), 'no reactions layer').to.equal(null);
    expect(tile.shadowRoot!.querySelector('slot'), 'no slot').to.equal(null);
    await expect(tile).to.be.accessible();

    // Reached by keyboard: the same button keeps the focus, gets its icon, and shows, focus ring
    // and all.
    el.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === pin, 'Tab reaches Pin').to.equal(true);
    await tile.updateComplete;
    expect(part(tile, 'pin-button') === pin, 'the same button').to.equal(true);
    expect(deepActive() === pin, 'still focused').to.equal(true);
    expect(pin.querySelector('svg')?.getAttribute('aria-hidden')).to.equal('true');
    await waitFor(() => getComputedStyle(part(tile, 'actions')!).opacity === '1', 'shown');
    expect(pin.matches(':focus-visible'), 'a visible focus').to.equal(true);
    expect(getComputedStyle(pin).outlineStyle).to.equal('solid');
    const pinned = new Promise<Event>((resolve) =>
      tile.addEventListener('tile-pin', resolve, { once: true }),
    );
    await sendKeys({ press: 'Enter' });
    await pinned;
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });

  it('builds the Pin icon when the pointer first comes over the tile', async () => {
    const { script, el } = await composed(
      2,
      ([a, b]) => html`
        <participant-tile identity=${a!} style="width: 320px"></participant-tile>
        <participant-tile identity=${b!} style="width: 320px"></participant-tile>
      `,
    );
    const [first, second] = [...el.querySelectorAll('participant-tile')] as ParticipantTile[];
    await Promise.all([first!.updateComplete, second!.updateComplete]);
    const icon = (tile: ParticipantTile) => part(tile, 'pin-button')!.querySelector('svg');
    expect(!!icon(first!), 'no icon yet (unless without hover)').to.equal(hoverless());
    const box = first!.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)],
    });
    await waitFor(() => !!icon(first!), 'the icon of the hovered tile');
    await waitFor(() => getComputedStyle(part(first!, 'actions')!).opacity === '1', 'shown');
    expect(!!icon(second!), 'not the other tile’s (unless without hover)').to.equal(hoverless());
    await sendMouse({ type: 'move', position: [0, 0] });
    await script.room.disconnect();
  });

  it('builds the <video> once there is video, and keeps it hidden while the camera is off', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`<participant-tile identity=${id!}></participant-tile>`,
    );
    const tile = el.querySelector('participant-tile')!;
    const id = script.identities[0]!;
    await tile.updateComplete;
    expect(part(tile, 'video')).to.equal(null);
    const media = canvasTrack();
    const sid = script.remote(id).getTrackPublication(Track.Source.Camera)!.trackSid;
    script.subscribeMedia(id, sid, media);
    await waitFor(() => !tile.matches(':state(video-off)'), 'video shown');
    const video = part(tile, 'video') as HTMLVideoElement;
    expect(video.hidden).to.equal(false);
    const shown = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
    expect(shown === media, 'the camera plays in it').to.equal(true);
    script.setCameraMuted(id, true);
    await waitFor(() => tile.matches(':state(video-off)'), 'camera off');
    expect(part(tile, 'video') === video, 'the same element').to.equal(true);
    expect(video.hidden).to.equal(true);
    script.setCameraMuted(id, false);
    await waitFor(() => !video.hidden, 'shown again');
    await script.room.disconnect();
    media.stop();
  });

  it('builds a slot when something is slotted into it; a slotted action comes before Pin by Tab', async () => {
    const { script, el } = await composed(
      1,
      ([id]) => html`
        <button id="before">before</button>
        <participant-tile identity=${id!}></participant-tile>
      `,
    );
    const tile = el.querySelector('participant-tile')!;
    await tile.updateComplete;
    const slot = (name: string) =>
      tile.shadowRoot!.querySelector<HTMLSlotElement>(`slot[name="${name}"]`);
    expect(slot('actions')).to.equal(null);
    expect(slot('overlay')).to.equal(null);

    const extra = document.createElement('button');
    extra.slot = 'actions';
    extra.setAttribute('aria-label', 'Mute for me');
    extra.textContent = 'M';
    tile.append(extra);
    await waitFor(() => !!slot('actions'), 'the actions slot');
    expect(slot('actions')!.assignedElements()[0] === extra, 'assigned').to.equal(true);
    expect(slot('actions')!.parentElement === part(tile, 'actions'), 'in actions').to.equal(true);
    expect(slot('overlay'), 'nothing for the overlay').to.equal(null);
    el.querySelector<HTMLButtonElement>('#before')!.focus();
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === extra, 'the slotted action first').to.equal(true);
    await sendKeys({ press: 'Tab' });
    expect(deepActive() === part(tile, 'pin-button'), 'then Pin').to.equal(true);

    // A child that takes the overlay's slot name later gets it; one that leaves takes it away.
    const badge = document.createElement('span');
    badge.textContent = 'Host';
    tile.append(badge);
    badge.slot = 'overlay';
    await waitFor(() => !!slot('overlay'), 'the overlay slot');
    expect(slot('overlay')!.assignedElements()[0] === badge, 'assigned').to.equal(true);
    extra.remove();
    await waitFor(() => !slot('actions'), 'the actions slot gone with its content');
    await expect(tile).to.be.accessible();
    await script.room.disconnect();
  });
});
