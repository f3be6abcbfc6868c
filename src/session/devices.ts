import type { Room } from 'livekit-client';
import type { DeviceKind } from '../store/types.js';

/** The localStorage key under which the user's choice of a `kind` of device is remembered. */
export const deviceStorageKey = (kind: DeviceKind) => `media-room-elements:device:${kind}`;

/** Where device choices are kept: `localStorage` in a page, anything alike in tests. */
export interface PreferenceStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The page's `localStorage`, if it can be used (not in Node, sandboxed frames, some private modes). */
function pageStorage(): PreferenceStorage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * The camera, microphone and speaker the user chose last, remembered across visits. Read when
 * asked (never at import), so a choice made in another tab counts the next time.
 */
export class DevicePreferences {
  readonly #storage: () => PreferenceStorage | undefined;

  constructor(storage: () => PreferenceStorage | undefined = pageStorage) {
    this.#storage = storage;
  }

  get(kind: DeviceKind): string | undefined {
    try {
      return this.#storage()?.getItem(deviceStorageKey(kind)) || undefined;
    } catch {
      return undefined;
    }
  }

  remember(kind: DeviceKind, deviceId: string): void {
    try {
      this.#storage()?.setItem(deviceStorageKey(kind), deviceId);
    } catch {
      /* Storage may be full or refused; the choice still applies to this call. */
    }
  }

  /**
   * Another choice remembered with the devices (a background effect, voice processing): any JSON
   * value under `media-room-elements:<name>`. Undefined when none is kept or it cannot be read.
   */
  getChoice<T>(name: string): T | undefined {
    try {
      const text = this.#storage()?.getItem(`media-room-elements:${name}`);
      return text ? (JSON.parse(text) as T) : undefined;
    } catch {
      return undefined;
    }
  }

  rememberChoice(name: string, value: unknown): void {
    try {
      this.#storage()?.setItem(`media-room-elements:${name}`, JSON.stringify(value));
    } catch {
      /* Storage may be full or refused; the choice still applies to this call. */
    }
  }

  /**
   * The remembered camera, microphone and speaker become the Room's before anything is captured,
   * so the pre-join preview, the published tracks and the device menus all use the same one. A
   * device that is gone falls back to the default (the constraint is not exact). Resolves once
   * applied.
   */
  applyTo(room: Room): Promise<unknown> {
    const kinds: DeviceKind[] = ['videoinput', 'audioinput', 'audiooutput'];
    const wanted = kinds
      .map((kind) => [kind, this.get(kind)] as const)
      .filter(([kind, id]) => id && room.getActiveDevice(kind) !== id);
    return Promise.all(
      wanted.map(([kind, id]) =>
        room.switchActiveDevice(kind, id!, false).catch(() => {
          /* No speaker choice in this browser, or the device cannot start: the default stays. */
        }),
      ),
    );
  }
}
