import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '../helpers/input.js';
import { RoomEvent } from 'livekit-client';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import type { DevicePicker } from '../../src/components/device-picker/device-picker.js';
import { deviceStorageKey } from '../../src/session/devices.js';
import '../../src/components/device-picker/device-picker.js';
import type { DeviceChangeEvent } from '../../src/events/control-events.js';
import type { DeviceKind } from '../../src/store/types.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

async function devicesOf(kind: DeviceKind) {
  return (await navigator.mediaDevices.enumerateDevices()).filter(
    (d) => d.kind === kind && d.deviceId,
  );
}

async function mount(kind: DeviceKind) {
  const script = await ScriptedRoom.create(1);
  const el = await fixture<MediaRoom>(
    html`<media-room><device-picker kind=${kind}></device-picker></media-room>`,
  );
  el.room = script.room;
  el.store.refreshDevices();
  const picker = el.querySelector('device-picker')!;
  const button = () => picker.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
  const menu = () => picker.shadowRoot!.querySelector<HTMLElement>('[role="menu"]');
  const items = () => [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
  const focused = () => picker.shadowRoot!.activeElement;
  await waitFor(() => !button().disabled, 'has a store');
  await waitFor(() => el.store.get().devices[kind].length > 0, 'devices listed');
  return { script, el, picker, button, menu, items, focused };
}

const key = (k: string) => sendKeys({ press: k });

describe('<device-picker> on a scripted room', () => {
  before(async () => {
    // Device labels appear once the page was granted media (the fake UI grants it).
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: true });
    for (const t of stream.getTracks()) t.stop();
  });

  beforeEach(() => {
    for (const kind of ['audioinput', 'videoinput', 'audiooutput'] as const) {
      localStorage.removeItem(deviceStorageKey(kind));
    }
  });

  it('opens from the keyboard, moves with arrows/Home/End, Escape returns focus; accessible', async () => {
    const { script, picker, button, menu, items, focused } = await mount('audioinput');
    const devices = await devicesOf('audioinput');
    expect(button().getAttribute('aria-haspopup')).to.equal('menu');
    expect(button().getAttribute('aria-expanded')).to.equal('false');
    expect(button().getAttribute('aria-label')).to.equal('Choose microphone');
    await expect(picker).to.be.accessible();

    button().focus();
    await key('ArrowDown');
    // The microphones, then the voice processing group (its switches and "Voice settings…").
    const radios = () => items().filter((i) => i.getAttribute('role') === 'menuitemradio');
    await waitFor(() => !!menu() && radios().length === devices.length, 'menu with every device');
    expect(button().getAttribute('aria-expanded')).to.equal('true');
    expect(picker.matches(':state(open)')).to.equal(true);
    expect(items().slice(0, devices.length)).to.deep.equal(radios());
    expect(
      items()
        .slice(devices.length)
        .map((i) => i.getAttribute('role')),
    ).to.deep.equal([
      'menuitemcheckbox',
      'menuitemcheckbox',
      'menuitemcheckbox',
      'menuitemcheckbox',
      'menuitem',
    ]);
    expect(radios().filter((i) => i.getAttribute('aria-checked') === 'true')).to.have.length(1);
    expect(focused()?.getAttribute('aria-checked')).to.equal('true');
    expect(radios().map((i) => i.textContent!.trim())).to.deep.equal(
      devices.map((d) => d.label || ''),
    );
    await expect(picker).to.be.accessible();

    await key('Home');
    expect(focused()).to.equal(items()[0]);
    await key('ArrowUp');
    expect(focused()).to.equal(items()[items().length - 1]);
    await key('End');
    expect(focused()).to.equal(items()[items().length - 1]);
    await key('ArrowDown');
    expect(focused()).to.equal(items()[0]);

    await key('Escape');
    await picker.updateComplete;
    expect(menu()).to.equal(null);
    expect(focused()).to.equal(button());
    expect(button().getAttribute('aria-expanded')).to.equal('false');
    await script.room.disconnect();
  });

  it('show-label makes it an entry of a menu: the device icon and its kind shown, within its name', async () => {
    const { script, picker, button } = await mount('videoinput');
    expect(!!button().querySelector('[part="label"]'), 'no label by default').to.equal(false);
    const arrowOnly = button().getBoundingClientRect().width;
    picker.showLabel = true;
    await picker.updateComplete;
    const label = button().querySelector<HTMLElement>('[part="label"]')!;
    expect(label.textContent!.trim()).to.equal('Camera');
    expect(button().querySelector('[part="icon"]')!.checkVisibility()).to.equal(true);
    expect(button().getAttribute('aria-label')).to.equal('Choose camera');
    expect(button().getBoundingClientRect().width).to.be.above(arrowOnly);
    await expect(picker).to.be.accessible();
    picker.kind = 'audioinput';
    await picker.updateComplete;
    expect(label.textContent!.trim()).to.equal('Microphone');
    picker.kind = 'audiooutput';
    await picker.updateComplete;
    expect(label.textContent!.trim()).to.equal('Speaker');
    await script.room.disconnect();
  });

  it('Enter chooses: device-change, then switchActiveDevice, the store follows, remembered', async () => {
    const { script, el, button, items, focused } = await mount('videoinput');
    const calls: Array<[string, string]> = [];
    const switchActive = script.room.switchActiveDevice.bind(script.room);
    script.room.switchActiveDevice = (kind: MediaDeviceKind, id: string, exact?: boolean) => {
      calls.push([kind, id]);
      return switchActive(kind, id, exact);
    };
    const changes: DeviceChangeEvent[] = [];
    // Announced before the switch: nothing has been switched when it fires.
    const callsWhenFired: number[] = [];
    el.addEventListener('device-change', (e) => {
      changes.push(e);
      callsWhenFired.push(calls.length);
    });
    button().focus();
    await key('Enter');
    await waitFor(() => items().length > 0, 'menu open');
    // The last camera (the background choices follow the cameras).
    const target = items()
      .filter((i) => i.dataset['deviceId'])
      .at(-1)!;
    const id = target.dataset['deviceId']!;
    target.focus();
    await key('Enter');
    await waitFor(() => changes.length === 1, 'device-change fired');
    expect(callsWhenFired).to.deep.equal([0]);
    expect(changes[0]!.cancelable).to.equal(true);
    await waitFor(() => calls.length === 1, 'switchActiveDevice called');
    expect(calls).to.deep.equal([['videoinput', id]]);
    expect(changes[0]!.kind).to.equal('videoinput');
    expect(changes[0]!.deviceId).to.equal(id);
    await waitFor(() => el.store.get().activeDevices.videoinput === id, 'store follows');
    expect(localStorage.getItem(deviceStorageKey('videoinput'))).to.equal(id);
    expect(focused()).to.equal(button());
    button().click();
    await waitFor(() => items().length > 0, 'menu open again');
    expect(
      items().find((i) => i.getAttribute('aria-checked') === 'true')?.dataset['deviceId'],
    ).to.equal(id);
    await script.room.disconnect();
  });

  it('a cancelled device-change keeps the device in use', async () => {
    const { script, el, picker } = await mount('videoinput');
    const calls: string[] = [];
    const switchActive = script.room.switchActiveDevice.bind(script.room);
    script.room.switchActiveDevice = (kind: MediaDeviceKind, id: string, exact?: boolean) => {
      calls.push(id);
      return switchActive(kind, id, exact);
    };
    const before = el.store.get().activeDevices.videoinput;
    const stored = localStorage.getItem(deviceStorageKey('videoinput'));
    el.addEventListener('device-change', (e) => e.preventDefault(), { once: true });
    const devices = await devicesOf('videoinput');
    await picker.choose(devices[devices.length - 1]!.deviceId);
    expect(calls).to.deep.equal([]);
    expect(el.store.get().activeDevices.videoinput).to.equal(before);
    expect(localStorage.getItem(deviceStorageKey('videoinput'))).to.equal(stored);
    await script.room.disconnect();
  });

  it('a remembered device is applied when it is present', async () => {
    const devices = await devicesOf('audioinput');
    const last = devices[devices.length - 1]!.deviceId;
    localStorage.setItem(deviceStorageKey('audioinput'), last);
    const { script, el, picker } = await mount('audioinput');
    await waitFor(
      () => el.store.get().activeDevices.audioinput === last,
      'remembered device active',
    );
    expect(picker.preferredDeviceId).to.equal(last);
    await script.room.disconnect();
  });

  it('a click outside closes the menu and positioning and listeners are let go', async () => {
    const { script, picker, button, menu } = await mount('audioinput');
    const listeners = new Map<unknown, number>();
    const add = document.addEventListener.bind(document);
    const remove = document.removeEventListener.bind(document);
    document.addEventListener = ((type: string, fn: EventListener, o?: unknown) => {
      if (type === 'pointerdown') listeners.set(fn, (listeners.get(fn) ?? 0) + 1);
      add(type, fn, o as boolean);
    }) as typeof document.addEventListener;
    document.removeEventListener = ((type: string, fn: EventListener, o?: unknown) => {
      if (type === 'pointerdown' && listeners.has(fn)) listeners.set(fn, listeners.get(fn)! - 1);
      remove(type, fn, o as boolean);
    }) as typeof document.removeEventListener;
    try {
      button().click();
      await waitFor(() => !!menu(), 'open');
      await waitFor(() => menu()!.style.top !== '', 'positioned by floating-ui');
      document.body.dispatchEvent(
        new PointerEvent('pointerdown', { bubbles: true, composed: true }),
      );
      await picker.updateComplete;
      expect(menu()).to.equal(null);
      button().click();
      await waitFor(() => !!menu(), 'open again');
      picker.remove();
      expect([...listeners.values()].every((n) => n === 0)).to.equal(true);
    } finally {
      document.addEventListener = add;
      document.removeEventListener = remove;
    }
    await script.room.disconnect();
  });

  it('follows hot-plug: a device that appears is listed', async () => {
    const { script, el, picker, button, items } = await mount('videoinput');
    const real = navigator.mediaDevices.enumerateDevices.bind(navigator.mediaDevices);
    const extra = {
      deviceId: 'plugged-in-camera',
      kind: 'videoinput',
      label: 'USB Camera',
      groupId: 'usb',
      toJSON() {
        return this;
      },
    } as MediaDeviceInfo;
    navigator.mediaDevices.enumerateDevices = async () => [...(await real()), extra];
    try {
      script.room.emit(RoomEvent.MediaDevicesChanged);
      await waitFor(
        () => el.store.get().devices.videoinput.some((d) => d.deviceId === 'plugged-in-camera'),
        'store lists the new device',
      );
      button().click();
      await waitFor(
        () => items().some((i) => i.textContent!.includes('USB Camera')),
        'menu lists it',
      );
      picker.hide();
    } finally {
      navigator.mediaDevices.enumerateDevices = real;
    }
    await script.room.disconnect();
  });

  itIn('audiooutput without setSinkId says so instead of listing devices', async () => {
    const proto = HTMLMediaElement.prototype as unknown as Record<string, unknown>;
    const descriptor = Object.getOwnPropertyDescriptor(HTMLMediaElement.prototype, 'setSinkId');
    const { script, picker, button, items } = await mount('audiooutput');
    delete proto['setSinkId'];
    try {
      button().click();
      await waitFor(() => items().length === 1, 'one notice');
      expect(items()[0]!.textContent!.trim()).to.equal(
        'This browser cannot choose a speaker; sound plays on the default output.',
      );
      expect(items()[0]!.getAttribute('aria-disabled')).to.equal('true');
      await expect(picker).to.be.accessible();
    } finally {
      if (descriptor) Object.defineProperty(HTMLMediaElement.prototype, 'setSinkId', descriptor);
    }
    picker.hide();
    button().click();
    await waitFor(() => items().some((i) => i.getAttribute('role') === 'menuitemradio'), 'listed');
    await script.room.disconnect();
  });
});

export type { DevicePicker };
