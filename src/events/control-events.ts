import type { DeviceKind } from '../store/types.js';

/**
 * The events of the call controls (`<track-toggle>`, `<screen-share-button>`, `<device-picker>`,
 * `<leave-button>`): one class each. All bubble and cross shadow roots.
 */

/** Which local source a toggle acts on. */
export type ToggleSource = 'microphone' | 'camera' | 'screen_share';

/**
 * Fired before a control turns a local source on or off. Cancelable: `preventDefault()` keeps the
 * source as it is.
 */
export class TrackToggleEvent extends Event {
  readonly source: ToggleSource;
  /** The state the control is about to set: `true` to turn the source on. */
  readonly enabled: boolean;
  constructor(source: ToggleSource, enabled: boolean) {
    super('track-toggle', { bubbles: true, composed: true, cancelable: true });
    this.source = source;
    this.enabled = enabled;
  }
}

/** Fired after the user switched a camera, microphone or speaker and the room uses it. */
export class DeviceChangeEvent extends Event {
  readonly kind: DeviceKind;
  readonly deviceId: string;
  constructor(kind: DeviceKind, deviceId: string) {
    super('device-change', { bubbles: true, composed: true });
    this.kind = kind;
    this.deviceId = deviceId;
  }
}

/** Fired before `<leave-button>` leaves the room. Cancelable: `preventDefault()` stays. */
export class LeaveEvent extends Event {
  constructor() {
    super('leave', { bubbles: true, composed: true, cancelable: true });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'track-toggle': TrackToggleEvent;
    'device-change': DeviceChangeEvent;
    leave: LeaveEvent;
  }
}
