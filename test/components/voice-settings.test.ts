import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/voice-settings/voice-settings.js';
import { waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

const KEY = 'media-room-elements:voice';

describe('<voice-settings>', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it("follows the session's settings while connected, and stops following once removed (teardown)", async () => {
    localStorage.removeItem(KEY);
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(
      html`<media-room><voice-settings></voice-settings></media-room>`,
    );
    el.room = script.room;
    const settings = el.querySelector('voice-settings')!;
    const slider = () =>
      settings.shadowRoot!.querySelector<HTMLInputElement>('input[type="range"]');
    await el.session.setVoiceProcessing({ inputVolume: 0.5 });
    await waitFor(() => slider()?.value === '50', 'the volume slider follows the session');

    settings.remove();
    await el.session.setVoiceProcessing({ inputVolume: 1.5 });
    expect(el.session.voice.$settings.get().inputVolume).to.equal(1.5);
    await settings.updateComplete;
    expect(slider()!.value, 'no longer follows').to.equal('50');
    await script.room.disconnect();
  });
});
