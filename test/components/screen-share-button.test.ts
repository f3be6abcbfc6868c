import { ParticipantPermission, TrackSource } from '@livekit/protocol';
import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/screen-share-button/screen-share-button.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

async function mount(audio = false) {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(
    html`<media-room><screen-share-button ?audio=${audio}></screen-share-button></media-room>`,
  );
  el.room = script.room;
  const share = el.querySelector('screen-share-button')!;
  const button = () => share.shadowRoot!.querySelector('button')!;
  await waitFor(() => !button().disabled, 'enabled once in the room');
  return { script, el, share, button };
}

describe('<screen-share-button> on a scripted room', () => {
  it('starts with the audio option, fires a cancelable track-toggle, is accessible', async () => {
    const { script, share, button } = await mount(true);
    const calls: unknown[][] = [];
    script.room.localParticipant.setScreenShareEnabled = async (...args: unknown[]) => {
      calls.push(args);
      return undefined;
    };
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().textContent).to.contain('Share screen');
    await expect(share).to.be.accessible();
    let cancel = true;
    share.addEventListener('track-toggle', (e) => {
      expect(e.source).to.equal('screen_share');
      if (cancel) e.preventDefault();
    });
    button().click();
    await share.updateComplete;
    expect(calls).to.have.length(0);
    cancel = false;
    button().click();
    await waitFor(() => calls.length === 1, 'setScreenShareEnabled called');
    expect(calls[0]).to.deep.equal([true, { audio: true }]);
    await script.room.disconnect();
  });

  it('a cancelled picker (NotAllowedError) is quiet: no error, back to off', async () => {
    const { script, share, button } = await mount();
    script.room.localParticipant.setScreenShareEnabled = () =>
      Promise.reject(new DOMException('Permission denied by user', 'NotAllowedError'));
    button().click();
    await share.updateComplete;
    expect(share.matches(':state(pending)')).to.equal(true);
    await waitFor(() => !share.matches(':state(pending)'), 'pending ends');
    expect(share.matches(':state(error)')).to.equal(false);
    expect(button().hasAttribute('title')).to.equal(false);
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    await script.room.disconnect();
  });

  it('another failure shows the error state with a localized message', async () => {
    const { script, share, button } = await mount();
    script.room.localParticipant.setScreenShareEnabled = () =>
      Promise.reject(new DOMException('no capture', 'NotReadableError'));
    button().click();
    await waitFor(() => share.matches(':state(error)'), 'error state');
    expect(button().title).to.equal('Screen sharing could not be started.');
    await script.room.disconnect();
  });

  it('is disabled with an explanation when the grant forbids screen share', async () => {
    const { script, share, button } = await mount();
    script.room.localParticipant.setPermissions(
      new ParticipantPermission({
        canPublish: true,
        canSubscribe: true,
        canPublishSources: [TrackSource.CAMERA, TrackSource.MICROPHONE],
      }),
    );
    await waitFor(() => button().disabled, 'disabled');
    expect(share.matches(':state(forbidden)')).to.equal(true);
    expect(button().title).to.equal('You may not share your screen in this room.');
    expect(share.shadowRoot!.getElementById('message')!.textContent).to.equal(button().title);
    await expect(share).to.be.accessible();
    await script.room.disconnect();
  });

  it('shows nothing where the browser cannot capture a screen (no getDisplayMedia), checked as it renders', async () => {
    const proto = MediaDevices.prototype as { getDisplayMedia?: unknown };
    const original = Object.getOwnPropertyDescriptor(proto, 'getDisplayMedia');
    const { script, share, button } = await mount();
    expect(share.matches(':state(unsupported)')).to.equal(false);
    delete proto.getDisplayMedia;
    try {
      share.requestUpdate();
      await share.updateComplete;
      expect(share.matches(':state(unsupported)')).to.equal(true);
      expect(!!share.shadowRoot!.querySelector('button'), 'no button').to.equal(false);
      expect(share.getBoundingClientRect().width).to.equal(0);
      // toggle() does nothing either.
      let calls = 0;
      script.room.localParticipant.setScreenShareEnabled = async () => {
        calls += 1;
        return undefined;
      };
      await share.toggle();
      expect(calls).to.equal(0);
    } finally {
      if (original) Object.defineProperty(proto, 'getDisplayMedia', original);
    }
    share.requestUpdate();
    await share.updateComplete;
    expect(share.matches(':state(unsupported)')).to.equal(false);
    expect(button().getBoundingClientRect().width).to.be.above(0);
    await script.room.disconnect();
  });
});
