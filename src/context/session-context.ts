import { createContext } from '@lit/context';
import type { RoomSession } from '../session/room-session.js';

/**
 * The session, provided by `<media-room>` to everything inside it: a stable object, not changing
 * state. Elements read slices of `session.store` with `StoreController` and act through the
 * session's methods; string overrides come from `session.$strings`.
 */
export const sessionContext = createContext<RoomSession | undefined>(Symbol('media-room-session'));
