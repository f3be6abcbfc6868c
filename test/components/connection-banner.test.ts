import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { DisconnectReason, RoomEvent } from 'livekit-client';
import type { ConnectionBanner } from '../../src/components/connection-banner/connection-banner.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/connection-banner/connection-banner.js';
import '../../src/components/media-room/media-room.js';
import { loadLocale } from '../../src/controllers/localize.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';

async function mount(duration = 3000) {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(
    html`<media-room
      ><connection-banner reconnected-duration=${duration}></connection-banner
    ></media-room>`,
  );
  el.room = script.room;
  const banner = el.querySelector<ConnectionBanner>('connection-banner')!;
  await banner.updateComplete;
  const root = banner.shadowRoot!;
  const status = () => root.querySelector('[role="status"]')!;
  const alert = () => root.querySelector('[role="alert"]')!;
  return { script, el, banner, status, alert };
}

describe('<connection-banner> on a scripted room', () => {
  it('says nothing while connected, with both live regions in place', async () => {
    const { script, banner, status, alert } = await mount();
    expect(status().getAttribute('aria-live')).to.equal('polite');
    expect(status().textContent!.trim()).to.equal('');
    expect(alert().textContent!.trim()).to.equal('');
    expect(banner.shadowRoot!.querySelector('[part="banner"]')).to.equal(null);
    await expect(banner).to.be.accessible();
    await script.room.disconnect();
  });

  it('reconnecting: a polite status with a spinner; reconnected: shown briefly, then gone', async () => {
    const { script, banner, status, alert } = await mount(300);
    script.room.emit(RoomEvent.Reconnecting);
    await waitFor(() => banner.matches(':state(reconnecting)'), 'reconnecting shown');
    expect(status().textContent).to.contain('Connection lost. Reconnecting…');
    expect(status().querySelector('[part="spinner"]')!.getAttribute('aria-hidden')).to.equal(
      'true',
    );
    expect(alert().textContent!.trim()).to.equal('');
    await expect(banner).to.be.accessible();

    script.room.emit(RoomEvent.Reconnected);
    await waitFor(() => banner.matches(':state(reconnected)'), 'reconnected shown');
    expect(status().textContent).to.contain('Connection restored.');
    expect(status().querySelector('[part="spinner"]')).to.equal(null);
    await expect(banner).to.be.accessible();
    await waitFor(() => !banner.matches(':state(reconnected)'), 'reconnected hidden', 3000);
    expect(status().textContent!.trim()).to.equal('');
    await script.room.disconnect();
  });

  it('keeps "restored" for about three seconds by default', async () => {
    const { script, banner } = await mount();
    script.room.emit(RoomEvent.Reconnecting);
    await waitFor(() => banner.matches(':state(reconnecting)'), 'reconnecting');
    script.room.emit(RoomEvent.Reconnected);
    await waitFor(() => banner.matches(':state(reconnected)'), 'reconnected');
    const shownAt = performance.now();
    // How long it stays is what is measured: wait for it to go, then check when it went.
    await waitFor(() => !banner.matches(':state(reconnected)'), 'hidden', 5000);
    const shownFor = performance.now() - shownAt;
    expect(shownFor, 'still shown after 2 s').to.be.at.least(2000);
    expect(shownFor).to.be.within(2900, 4000);
    await script.room.disconnect();
  });

  it('disconnected: an alert with the reason and a Rejoin button that reconnects the room', async () => {
    const { script, el, banner, status, alert } = await mount();
    let connects = 0;
    el.session.rejoin = async () => {
      connects += 1;
    };
    script.room.emit(RoomEvent.Disconnected, DisconnectReason.SERVER_SHUTDOWN);
    await waitFor(() => banner.matches(':state(disconnected)'), 'disconnected shown');
    expect(alert().textContent).to.contain('The media server shut down.');
    expect(status().textContent!.trim()).to.equal('');
    const rejoin = alert().querySelector<HTMLButtonElement>('button[part="rejoin"]')!;
    expect(rejoin.textContent).to.equal('Rejoin');
    await expect(banner).to.be.accessible();
    rejoin.click();
    expect(connects).to.equal(1);
    rejoin.focus();
    await sendKeys({ press: 'Enter' });
    expect(connects).to.equal(2);
    await script.room.disconnect();
  });

  it('says "You left" after leaving, localized, and stays quiet on a fatal error', async () => {
    const { script, el, banner, alert } = await mount();
    banner.setAttribute('lang', 'de');
    // German is a chunk of its own, loaded on first use: wait for it and the render that uses it.
    await loadLocale('de');
    script.room.emit(RoomEvent.Disconnected, DisconnectReason.CLIENT_INITIATED);
    await waitFor(() => banner.matches(':state(disconnected)'), 'disconnected');
    await banner.updateComplete;
    expect(alert().textContent).to.contain('Du hast den Raum verlassen.');
    expect(alert().querySelector('button')!.textContent).to.equal('Wieder beitreten');

    el.store.reportError({ code: 'token-invalid', fatal: true });
    await waitFor(() => !banner.matches(':state(disconnected)'), 'left to <media-room>');
    expect(alert().textContent!.trim()).to.equal('');
    await script.room.disconnect();
  });

  it('Rejoin really joins again through <media-room>', async () => {
    const { script, el, banner, alert } = await mount();
    script.room.emit(RoomEvent.Disconnected, DisconnectReason.SIGNAL_CLOSE);
    await waitFor(() => banner.matches(':state(disconnected)'), 'disconnected');
    alert().querySelector<HTMLButtonElement>('button')!.click();
    // No token URL here: <media-room> tries, and reports that it is not configured.
    await waitFor(() => el.store.get().error?.code === 'not-configured', 'connect() ran');
    await script.room.disconnect();
  });

  it('stops its timer and lets go of the store when removed', async () => {
    const { script, el, banner } = await mount(200);
    script.room.emit(RoomEvent.Reconnecting);
    await waitFor(() => banner.matches(':state(reconnecting)'), 'reconnecting');
    script.room.emit(RoomEvent.Reconnected);
    await waitFor(() => banner.matches(':state(reconnected)'), 'reconnected');
    let renders = 0;
    const render = banner.render.bind(banner);
    banner.render = () => {
      renders += 1;
      return render();
    };
    banner.remove();
    script.room.emit(RoomEvent.Reconnecting);
    await el.store.settled();
    // A fixed window on purpose: this proves nothing happens (no render, past the 200 ms the
    // reconnected timer would have taken), and there is no event to wait for.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renders).to.equal(0);
    await script.room.disconnect();
  });
});
