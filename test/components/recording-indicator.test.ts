import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { RecordingIndicator } from '../../src/components/recording-indicator/recording-indicator.js';
import '../../src/index.js';
import { nextEvent, waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

describe('<recording-indicator>', () => {
  it('says "Recording" while the room is recorded, in a live region, and is accessible', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(html`
      <media-room skip-prejoin><recording-indicator></recording-indicator></media-room>
    `);
    el.room = script.room;
    const indicator = el.querySelector<RecordingIndicator>('recording-indicator')!;
    await indicator.updateComplete;
    const region = indicator.shadowRoot!.querySelector('[part="base"]')!;
    expect(region.getAttribute('role')).to.equal('status');
    expect(region.textContent?.trim()).to.equal('');

    const event = nextEvent(el, 'recording-status-changed');
    script.setRecording(true);
    expect((await event).recording).to.equal(true);
    await waitFor(() => indicator.recording, 'recording');
    await indicator.updateComplete;
    expect(region.textContent?.trim()).to.equal('Recording');
    expect(indicator.matches(':state(recording)')).to.equal(true);
    await expect(indicator).to.be.accessible();

    script.setRecording(false);
    await waitFor(() => !indicator.recording, 'stopped');
    await indicator.updateComplete;
    expect(region.textContent?.trim()).to.equal('');
    await script.room.disconnect();
  });

  it("tells that a participant's attributes changed", async () => {
    const script = await ScriptedRoom.create(2);
    const el = await fixture<MediaRoom>(html`<media-room skip-prejoin></media-room>`);
    el.room = script.room;
    const id = script.identities[0]!;
    const changed = nextEvent(el, 'attributes-changed');
    script.update(id, { attributes: { 'mr.hand': '2026-11-22T06:00:00Z' } });
    const event = await changed;
    expect(event.participant.identity).to.equal(id);
    expect(event.changed).to.deep.equal({ 'mr.hand': '2026-11-22T06:00:00Z' });
    await script.room.disconnect();
  });
});
