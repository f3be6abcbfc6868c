import type { PinnedTile } from './layout-grid.js';

/** What a tile's `tile-pin` asks for: which tile, and whether to pin it (toggle when unsaid). */
export interface PinRequest extends PinnedTile {
  readonly pinned: boolean | undefined;
}

/**
 * Read a `tile-pin` event that reached `host`: the tile is the one the event says, else the
 * `<participant-tile>` (or element with an `identity`) it came from. `undefined` without an
 * identity.
 */
export function pinRequest(event: Event, host: Element): PinRequest | undefined {
  const detail = event as Event & Partial<{ identity: string; source: string; pinned: boolean }>;
  const tile = event
    .composedPath()
    .find(
      (node): node is Element & { identity?: string; source?: string } =>
        node instanceof Element &&
        node !== host &&
        (node.localName === 'participant-tile' || node.hasAttribute('identity')),
    );
  const identity = detail.identity ?? tile?.identity ?? tile?.getAttribute('identity') ?? '';
  const sourceName = detail.source ?? tile?.source ?? tile?.getAttribute('source');
  const source: PinnedTile['source'] = sourceName === 'screen_share' ? 'screen_share' : 'camera';
  if (!identity) return undefined;
  return {
    identity,
    source,
    pinned: typeof detail.pinned === 'boolean' ? detail.pinned : undefined,
  };
}
