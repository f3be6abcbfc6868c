import { createContext } from '@lit/context';
import type { RoomStore } from '../store/room-store.js';

/**
 * The room store, provided by `<media-room>` to everything inside it. The value is the stable
 * store object, not its changing state: consumers select slices with `StoreController`.
 */
export const roomContext = createContext<RoomStore | undefined>(Symbol('media-room-store'));
