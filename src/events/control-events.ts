import type { DeviceKind } from '../store/types.js';

/**
 * The events of the call controls (`<track-toggle>`, `<screen-share-button>`, `<device-picker>`,
 * `<leave-button>`): one class per event name, named after it. Each announces an action before
 * it happens, is cancelable, bubbles and crosses shadow roots.
 */

/** Which local source a toggle acts on. */
export type ToggleSource = 'microphone' | 'camera' | 'screen_share';

/**
 * Fired before a control turns a local source on or off. Cancelable: `preventDefault()` keeps the
 * source as it is.
 */
export class TrackToggleEvent extends Event {
  /** Always `track-toggle`. */
  declare readonly type: 'track-toggle';
  readonly source: ToggleSource;
  /** The state the control is about to set: `true` to turn the source on. */
  readonly enabled: boolean;
  constructor(source: ToggleSource, enabled: boolean) {
    super('track-toggle', { bubbles: true, composed: true, cancelable: true });
    this.source = source;
    this.enabled = enabled;
  }
}

/**
 * Fired by `<device-picker>` when the user chose a camera, microphone or speaker, before the room
 * switches to it (and remembers it). Cancelable: `preventDefault()` keeps the device in use. The
 * switch can still fail afterwards (the picker then shows its `failed` state); the store's
 * `activeDevices` says which device is in use.
 */
export class DeviceChangeEvent extends Event {
  /** Always `device-change`. */
  declare readonly type: 'device-change';
  readonly kind: DeviceKind;
  /** The device about to be used. */
  readonly deviceId: string;
  constructor(kind: DeviceKind, deviceId: string) {
    super('device-change', { bubbles: true, composed: true, cancelable: true });
    this.kind = kind;
    this.deviceId = deviceId;
  }
}

/** Fired before `<leave-button>` leaves the room. Cancelable: `preventDefault()` stays. */
export class LeaveEvent extends Event {
  /** Always `leave`. */
  declare readonly type: 'leave';
  constructor() {
    super('leave', { bubbles: true, composed: true, cancelable: true });
  }
}

/**
 * Fired by a host's `<leave-button>` when "End for everyone" was chosen, before the server is
 * asked to end the meeting. Cancelable: `preventDefault()` goes on with the meeting.
 */
export class EndForEveryoneEvent extends Event {
  /** Always `end-for-everyone`. */
  declare readonly type: 'end-for-everyone';
  constructor() {
    super('end-for-everyone', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'end-for-everyone': EndForEveryoneEvent;
    'track-toggle': TrackToggleEvent;
    'device-change': DeviceChangeEvent;
    leave: LeaveEvent;
  }
}
