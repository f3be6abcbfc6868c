import { ParticipantPermission, TrackSource } from '@livekit/protocol';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/track-toggle/track-toggle.js';
import type { TrackToggleEvent } from '../../src/events/control-events.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

async function mount(source: 'microphone' | 'camera') {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(
    html`<media-room><track-toggle source=${source}></track-toggle></media-room>`,
  );
  el.room = script.room;
  const toggle = el.querySelector('track-toggle')!;
  const button = () => toggle.shadowRoot!.querySelector('button')!;
  await waitFor(() => !button().disabled, 'enabled once in the room');
  return { script, el, toggle, button };
}

/** A promise with its settle functions outside. */
function deferred<T = void>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('<track-toggle> on a scripted room', () => {
  it('is a labelled toggle button, off without a track, and accessible', async () => {
    const { script, toggle, button } = await mount('microphone');
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(button().textContent).to.contain('Microphone');
    expect(toggle.matches(':state(on)')).to.equal(false);
    await expect(toggle).to.be.accessible();
    document.documentElement.lang = 'de';
    await waitFor(() => button().textContent!.includes('Mikrofon'), 'German label');
    document.documentElement.lang = 'en';
    await script.room.disconnect();
  });

  it('calls setCameraEnabled, pending (aria-disabled, aria-busy) while in flight, keyboard operable', async () => {
    const { script, toggle, button } = await mount('camera');
    const call = deferred();
    const calls: boolean[] = [];
    script.room.localParticipant.setCameraEnabled = (on: boolean) => {
      calls.push(on);
      return call.promise.then(() => undefined);
    };
    const events: TrackToggleEvent[] = [];
    toggle.addEventListener('track-toggle', (e) => events.push(e));
    button().focus();
    await sendKeys({ press: 'Enter' });
    await toggle.updateComplete;
    expect(calls).to.deep.equal([true]);
    expect(events.map((e) => [e.source, e.enabled])).to.deep.equal([['camera', true]]);
    expect(button().getAttribute('aria-disabled')).to.equal('true');
    expect(button().getAttribute('aria-busy')).to.equal('true');
    // Focus stays on the button, and a second activation while pending does nothing.
    expect(toggle.shadowRoot!.activeElement).to.equal(button());
    await sendKeys({ press: ' ' });
    expect(calls).to.deep.equal([true]);
    expect(toggle.matches(':state(pending)')).to.equal(true);
    call.resolve();
    await waitFor(() => !toggle.matches(':state(pending)'), 'pending ends');
    expect(button().getAttribute('aria-busy')).to.equal('false');
    expect(button().hasAttribute('aria-disabled')).to.equal(false);
    await script.room.disconnect();
  });

  it('canceling track-toggle prevents the call', async () => {
    const { script, toggle, button } = await mount('microphone');
    let called = false;
    script.room.localParticipant.setMicrophoneEnabled = async () => {
      called = true;
      return undefined;
    };
    toggle.addEventListener('track-toggle', (e) => e.preventDefault());
    button().click();
    await toggle.updateComplete;
    expect(called).to.equal(false);
    expect(toggle.matches(':state(pending)')).to.equal(false);
    await script.room.disconnect();
  });

  it('shows a denied device as an error mark with the localized message', async () => {
    const { script, toggle, button } = await mount('camera');
    script.room.localParticipant.setCameraEnabled = () =>
      Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    button().click();
    await waitFor(() => toggle.matches(':state(error)'), 'error state');
    expect(button().title).to.equal(
      'Camera access was denied. Allow it in the browser to be seen.',
    );
    expect(toggle.shadowRoot!.querySelector('[part="error-mark"]')).to.not.equal(null);
    expect(toggle.shadowRoot!.getElementById('message')!.textContent).to.equal(button().title);
    await expect(toggle).to.be.accessible();
    await script.room.disconnect();
  });

  it("shows the store's error for its device (microphone-not-found)", async () => {
    const { script, el, toggle, button } = await mount('microphone');
    el.store.reportError({ code: 'microphone-not-found', fatal: false });
    await waitFor(() => toggle.matches(':state(error)'), 'error state from the store');
    expect(button().title).to.equal('No microphone was found.');
    el.store.reportError({ code: 'camera-denied', fatal: false });
    await waitFor(() => !toggle.matches(':state(error)'), 'a camera error is not the microphone’s');
    await script.room.disconnect();
  });

  it('is disabled with the reason when the grant forbids the source', async () => {
    const { script, toggle, button } = await mount('camera');
    const lp = script.room.localParticipant;
    lp.setPermissions(
      new ParticipantPermission({
        canPublish: true,
        canSubscribe: true,
        canPublishSources: [TrackSource.MICROPHONE],
      }),
    );
    await waitFor(() => button().disabled, 'disabled: camera not among the allowed sources');
    expect(toggle.matches(':state(forbidden)')).to.equal(true);
    expect(button().title).to.equal('You may not use your camera in this room.');
    await expect(toggle).to.be.accessible();
    lp.setPermissions(new ParticipantPermission({ canPublish: true, canSubscribe: true }));
    await waitFor(() => !button().disabled, 'enabled again');
    lp.setPermissions(new ParticipantPermission({ canPublish: false, canSubscribe: true }));
    await waitFor(() => button().disabled, 'disabled: no publishing at all');
    await script.room.disconnect();
  });

  it('lets go of the store when removed', async () => {
    const { script, el, toggle } = await mount('microphone');
    let renders = 0;
    const render = toggle.render.bind(toggle);
    toggle.render = () => {
      renders += 1;
      return render();
    };
    toggle.remove();
    el.store.reportError({ code: 'microphone-denied', fatal: false });
    await el.store.settled();
    // One frame on purpose: this proves no render follows, and there is nothing to wait for.
    await new Promise((r) => requestAnimationFrame(r));
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});
