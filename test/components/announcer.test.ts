import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import { waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('<media-room> announcements on a scripted room', () => {
  it('says when recording starts and stops, in a polite live region', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(html`<media-room skip-prejoin></media-room>`);
    el.room = script.room;
    const said = () =>
      el.shadowRoot!.querySelector('[part="announcer"]')?.textContent?.trim() ?? '';
    script.setRecording(true);
    await waitFor(() => said() === 'Recording started', 'start said');
    script.setRecording(false);
    await waitFor(() => said() === 'Recording stopped', 'stop said');
    // A hand lowered is not announced; one raised by someone else is.
    const [remote] = script.identities;
    script.update(remote!, { attributes: { 'mr.hand': '2026-11-22T10:00:00.000Z' } });
    await waitFor(() => said().endsWith('raised their hand'), 'the hand is said');
    expect(said()).to.contain(remote!);
    await script.room.disconnect();
  });
});
