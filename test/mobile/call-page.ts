import { fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/media-call/media-call.js';
import { callRoot, waitFor, waitForValue } from '../helpers/live.js';
import { setViewport } from '../helpers/viewport.js';
import { COMPACT_HEIGHT, COMPACT_WIDTH } from '../../src/components/media-call/compact.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

/**
 * The page as a phone lays it out: a viewport meta tag (without one a mobile browser lays the
 * page out 980px wide), no margin.
 */
export function phonePage(): void {
  if (!document.querySelector('meta[name="viewport"]')) {
    const meta = document.createElement('meta');
    meta.name = 'viewport';
    meta.content = 'width=device-width, initial-scale=1, viewport-fit=cover';
    document.head.append(meta);
  }
  document.body.style.margin = '0';
}

export interface CallOptions {
  width: number;
  height: number;
  /** Remote participants (the local one makes one more). */
  remotes: number;
  /** A remote participant shares a screen. */
  share?: boolean;
}

export interface Call {
  el: MediaRoom;
  root: ShadowRoot;
  script: ScriptedRoom;
}

/** A `<media-room>` filling a viewport of the given size, showing the default UI on a scripted room. */
export async function mountCall(options: CallOptions): Promise<Call> {
  phonePage();
  await setViewport({ width: options.width, height: options.height });
  const script = await ScriptedRoom.create(options.remotes);
  if (options.share) script.publishTrack(script.identities[0]!, 'screen_share');
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin style="height: 100dvh"></media-room>`,
  );
  el.room = script.room;
  const root = await waitForValue(
    () => (callRoot(el)?.querySelector('chat-toggle') ? callRoot(el) : undefined),
    'the default UI',
  );
  await waitFor(() => tiles(root).length > 0, 'tiles are shown');
  // <media-call> lays itself out for a phone a frame after it sees its size (compact.ts).
  const call = root.host as HTMLElement;
  await waitFor(() => {
    const box = call.getBoundingClientRect();
    const compact = box.width < COMPACT_WIDTH || box.height < COMPACT_HEIGHT;
    return !!root.querySelector('.stage')?.classList.contains('compact') === compact;
  }, 'laid out for its size');
  return { el, root, script };
}

/** The tiles shown (the large one included). */
export function tiles(root: ShadowRoot): HTMLElement[] {
  const grid = root.querySelector('layout-grid');
  return [...(grid?.shadowRoot?.querySelectorAll<HTMLElement>('participant-tile') ?? [])];
}

/** Elements whose box reaches outside the viewport horizontally, through every shadow root. */
export function overflowing(root: Document | ShadowRoot = document): string[] {
  const out: string[] = [];
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    const box = el.getBoundingClientRect();
    const shown = box.width > 0 && box.height > 0 && el.checkVisibility();
    if (shown && (box.left < -0.5 || box.right > innerWidth + 0.5))
      out.push(
        `${el.localName}${el.part.length ? `[part=${el.part.value}]` : ''} ${box.left}–${box.right}`,
      );
    if (el.shadowRoot) out.push(...overflowing(el.shadowRoot));
  }
  return out;
}
