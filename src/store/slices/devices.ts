import { RoomEvent } from 'livekit-client';
import { mediaErrorCode } from '../../internal/media-errors.js';
import { shallowEqual } from '../equality.js';
import type { Slice, SliceHost } from '../slice.js';
import type { DeviceKind, DeviceState, RoomSnapshot } from '../types.js';

type Key = 'devices' | 'activeDevices';

const DEVICE_KINDS: readonly DeviceKind[] = ['audioinput', 'videoinput', 'audiooutput'];

const EMPTY_DEVICES: RoomSnapshot['devices'] = Object.freeze({
  audioinput: [],
  videoinput: [],
  audiooutput: [],
});

/** The media devices of this browser and the ones the room uses. */
export class DevicesSlice implements Slice<Key> {
  readonly keys: readonly Key[] = ['devices', 'activeDevices'];
  readonly initial: Pick<RoomSnapshot, Key> = Object.freeze({
    devices: EMPTY_DEVICES,
    activeDevices: Object.freeze({}),
  });

  readonly #host: SliceHost;
  #devices: RoomSnapshot['devices'] = EMPTY_DEVICES;
  #request = 0;

  constructor(host: SliceHost) {
    this.#host = host;
    const { events } = host;
    events.on(RoomEvent.Connected, () => {
      this.refresh();
      host.invalidate(this);
    });
    events.on(RoomEvent.Reconnected, () => host.invalidate(this));
    events.on(RoomEvent.Disconnected, () => host.invalidate(this));
    events.on(RoomEvent.MediaDevicesChanged, () => {
      this.refresh();
      host.emit({ type: 'media-devices-changed' });
    });
    events.on(RoomEvent.ActiveDeviceChanged, () => host.invalidate(this));
    events.on(RoomEvent.MediaDevicesError, (error, kind) => {
      host.reportError({ code: mediaErrorCode(error, kind), detail: error.message, fatal: false });
    });
  }

  /** Re-read the media devices (labels appear once a permission was granted). */
  refresh(): void {
    const request = ++this.#request;
    const mediaDevices = globalThis.navigator?.mediaDevices;
    if (!mediaDevices?.enumerateDevices) return;
    mediaDevices.enumerateDevices().then(
      (list) => {
        if (request !== this.#request || this.#host.destroyed) return;
        const byKind = { audioinput: [], videoinput: [], audiooutput: [] } as Record<
          DeviceKind,
          DeviceState[]
        >;
        for (const d of list) {
          if (!d.deviceId) continue;
          byKind[d.kind as DeviceKind]?.push(
            Object.freeze({ deviceId: d.deviceId, label: d.label, groupId: d.groupId }),
          );
        }
        const prev = this.#devices;
        const next = { ...prev };
        let changed = false;
        for (const kind of DEVICE_KINDS) {
          if (!deviceListsEqual(prev[kind], byKind[kind])) {
            next[kind] = Object.freeze(byKind[kind]);
            changed = true;
          }
        }
        if (!changed) return;
        this.#devices = Object.freeze(next);
        this.#host.invalidate(this);
      },
      () => {
        /* enumerateDevices only fails in insecure contexts; the lists stay empty. */
      },
    );
  }

  build(prev: RoomSnapshot): Pick<RoomSnapshot, Key> {
    let activeDevices = prev.activeDevices;
    const next: Partial<Record<DeviceKind, string>> = {};
    for (const kind of DEVICE_KINDS) {
      const id = this.#host.room.getActiveDevice(kind);
      if (id) next[kind] = id;
    }
    if (!shallowEqual(next, activeDevices)) activeDevices = Object.freeze(next);
    return { devices: this.#devices, activeDevices };
  }
}

function deviceListsEqual(a: readonly DeviceState[], b: readonly DeviceState[]): boolean {
  if (a.length !== b.length) return false;
  return a.every((d, i) => shallowEqual(d, b[i]));
}
