import { expect, fixture, html } from '@open-wc/testing';
import { DisconnectReason, Room, RoomEvent, Track, type LocalVideoTrack } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { loadLocale } from '../../src/controllers/localize.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/participant-tile/participant-tile.js';
import '../../src/components/track-toggle/track-toggle.js';
import type { ToggleSource } from '../../src/events/control-events.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

/**
 * A `<media-room>` with a camera toggle and your own tile, on a simulated room whose local
 * participant publishes a (dummy, live) camera; `setSourceEnabled` is recorded, not carried out.
 */
async function mountWithCamera(lang = 'en') {
  // Loaded before the notice shows, as a page that wants no English flash does.
  await loadLocale(lang);
  const room = new Room();
  await room.simulateParticipants({
    participants: { count: 1, video: false, audio: false },
    publish: { audio: false, video: true },
  });
  const camera = room.localParticipant.getTrackPublication(Track.Source.Camera)!
    .track as LocalVideoTrack;
  const el = await fixture<MediaRoom>(html`
    <media-room lang=${lang}>
      <track-toggle source="camera"></track-toggle>
      <participant-tile identity="simulated-local"></participant-tile>
    </media-room>
  `);
  el.room = room;
  const calls: Array<[ToggleSource, boolean]> = [];
  el.session.setSourceEnabled = async (source, enabled) => {
    calls.push([source, enabled]);
  };
  const toggle = el.querySelector('track-toggle')!;
  const tile = el.querySelector('participant-tile')!;
  const button = () => toggle.shadowRoot!.querySelector('button')!;
  await waitFor(() => button().getAttribute('aria-pressed') === 'true', 'the camera shows on');
  /** livekit-client's full reconnect: Reconnecting, then the camera unpublished to publish again. */
  const loseCamera = async () => {
    room.emit(RoomEvent.Reconnecting);
    await el.store.settled();
    await room.localParticipant.unpublishTrack(camera, false);
    await el.store.settled();
  };
  return { room, camera, el, toggle, tile, button, calls, loseCamera };
}

describe('the UI through a reconnect', () => {
  it('keeps the camera control on (pending, ignoring clicks) and your tile showing its video', async () => {
    const { room, camera, el, toggle, tile, button, calls, loseCamera } = await mountWithCamera();
    await loseCamera();
    await toggle.updateComplete;
    await tile.updateComplete;
    expect(button().getAttribute('aria-pressed'), 'not shown off').to.equal('true');
    expect(button().getAttribute('aria-busy')).to.equal('true');
    expect(toggle.matches(':state(pending)')).to.equal(true);
    expect(toggle.shadowRoot!.querySelector('[part="error-mark"]')).to.equal(null);
    button().click();
    await toggle.updateComplete;
    expect(calls, 'a click while it is published again does nothing').to.deep.equal([]);
    expect(tile.matches(':state(video-off)'), 'no initials').to.equal(false);
    expect(tile.shadowRoot!.querySelector('[part="avatar"]')).to.equal(null);
    const video = tile.shadowRoot!.querySelector('video')!;
    const shown = (video.srcObject as MediaStream | null)?.getVideoTracks()[0];
    expect(shown === camera.mediaStreamTrack, 'the same camera keeps playing').to.equal(true);
    await expect(toggle).to.be.accessible();
    camera.stop();
    await room.disconnect();
    el.remove();
  });

  it('says, localized, what could not be turned back on, with a button that turns it on', async () => {
    const { room, camera, el, toggle, button, calls, loseCamera } = await mountWithCamera('fr');
    await loseCamera();
    room.emit(RoomEvent.Reconnected);
    const notice = () => el.shadowRoot!.querySelector('[part="notice"]');
    await waitFor(() => !!notice(), 'the notice');
    expect(notice()!.getAttribute('role')).to.equal('alert');
    expect(notice()!.querySelector('[part="notice-message"]')!.textContent).to.equal(
      'La connexion est rétablie, mais impossible de réactiver : caméra.',
    );
    const restore = notice()!.querySelector<HTMLButtonElement>('[part="restore"]')!;
    expect(restore.textContent!.trim()).to.equal('Réactiver');
    await toggle.updateComplete;
    expect(button().getAttribute('aria-pressed'), 'the control says off').to.equal('false');
    expect(toggle.shadowRoot!.querySelector('[part="error-mark"]'), 'with why').to.not.equal(null);
    await expect(el).to.be.accessible();

    restore.click();
    expect(calls).to.deep.equal([['camera', true]]);
    await waitFor(() => !notice(), 'the notice goes');
    expect(camera.mediaStreamTrack.readyState, 'the left-over camera is let go of').to.equal(
      'ended',
    );
    await room.disconnect();
    el.remove();
  });

  it('shows a participant who vanished greyed as reconnecting, then as before once back', async () => {
    const script = await ScriptedRoom.create(1);
    const [peer] = script.identities;
    const el = await fixture<MediaRoom>(html`
      <media-room><participant-tile identity=${peer!}></participant-tile></media-room>
    `);
    el.room = script.room;
    const tile = el.querySelector('participant-tile')!;
    await waitFor(() => !!tile.shadowRoot!.querySelector('[part="name"]'), 'the tile');
    script.leave(peer!, DisconnectReason.SIGNAL_CLOSE);
    await waitFor(() => tile.matches(':state(reconnecting)'), 'kept, reconnecting');
    expect(tile.shadowRoot!.querySelector('[part="reconnecting"]')!.textContent).to.equal(
      'Reconnecting…',
    );
    await expect(tile).to.be.accessible();
    script.join(peer!);
    await waitFor(() => !tile.matches(':state(reconnecting)'), 'back');
    expect(tile.shadowRoot!.querySelector('[part="reconnecting"]')).to.equal(null);
    await script.room.disconnect();
    el.remove();
  });
});
