/**
 * Svelte 5 helpers: the room store of a `<media-room>` as Svelte stores.
 *
 * `RoomStore` already follows the Svelte store contract (`subscribe(fn)` calls `fn` at once and on
 * every change, and returns the unsubscribe function), and so does each slice of it. These helpers
 * only give them Svelte's types, so a component can write `$room` and `$remotes`:
 *
 * ```svelte
 * <script lang="ts">
 *   import 'media-room-elements';
 *   import type { MediaRoom } from 'media-room-elements';
 *   import { roomStore, slice, selectRemotes } from 'media-room-elements/svelte';
 *
 *   let el: MediaRoom | undefined = $state();
 *   // The element exists once mounted (`bind:this`); until then both stores are undefined and
 *   // `$room` and `$remotes` read undefined.
 *   const room = $derived(el && roomStore(el));
 *   const remotes = $derived(room && slice(room, selectRemotes));
 * </script>
 *
 * <media-room bind:this={el} token-url="/api/token" room="standup" identity="ada" skip-prejoin>
 *   <layout-grid></layout-grid>
 *   <control-bar></control-bar>
 * </media-room>
 * <p>{$room?.connection.phase}</p>
 * <ul>{#each $remotes ?? [] as p (p.identity)}<li>{p.name}</li>{/each}</ul>
 * ```
 *
 * In Svelte 5 templates, an attribute of a defined custom element that names one of its
 * properties (`identity`, `name`, `room`, `audio`) sets the property; others (`token-url`,
 * `skip-prejoin`) set the attribute. `onconnected={…}` (any `on<event>`) listens to the element's
 * events. Import the elements before mounting the app so they are defined when Svelte sets them.
 *
 * Importing this module also types every element in Svelte templates (its attributes, properties
 * and `on<event>` handlers, through `svelte/elements`). It has no runtime dependency on Svelte
 * (its types only) and touches no DOM.
 */
import type { Readable } from 'svelte/store';
// Svelte typings of every element's attributes and events (types only; no runtime code).
import './elements.js';
import type { MediaRoom } from '../components/media-room/media-room.js';
import type { Equality, RoomStore, Selector } from '../store/room-store.js';
import { shallowEqual } from '../store/equality.js';

export * from '../store/index.js';
export type { Readable } from 'svelte/store';

/**
 * The room store of a `<media-room>`, usable as a Svelte store: `$room` is the current
 * `RoomSnapshot`. It is the same object for the element's life (unless its `room` is replaced).
 */
export function roomStore(element: MediaRoom): RoomStore {
  return element.store;
}

/**
 * A slice of the room as a Svelte store: `$slice` is `selector(snapshot)`, and subscribers run
 * only when it changed under `equals` (shallow by default; an unchanged slice keeps its identity).
 * Made once per component (not in the template), it is shared by every `$` use of it.
 */
export function slice<T>(
  store: RoomStore,
  selector: Selector<T>,
  equals: Equality<T> = shallowEqual,
): Readable<T> {
  return store.select(selector, equals);
}
