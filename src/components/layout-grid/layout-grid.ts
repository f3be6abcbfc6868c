import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssomStyle } from '../../internal/cssom-style.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PageChangeEvent, PinnedChangeEvent, type PinnedTile } from '../../events/layout-events.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import '../participant-tile/participant-tile.js';
import { bestGrid, pageSize } from './grid-math.js';
import { stableOrder, type OrderTile } from './order.js';
import { styles } from './layout-grid.styles.js';

export type { PinnedTile } from '../../events/layout-events.js';

/** The layouts of `<layout-grid>`. */
export type GridLayout = 'grid' | 'speaker' | 'focus' | 'stage' | 'pip';

type Source = PinnedTile['source'];

/** What the grid needs to know of one tile, from the store. */
export interface GridTile {
  readonly key: string;
  readonly identity: string;
  readonly source: Source;
  readonly isLocal: boolean;
  /** No video to show: no camera (or share) published, or muted. */
  readonly videoOff: boolean;
  /** Publishes a camera, microphone or screen, or may publish (for `stage`). */
  readonly publishes: boolean;
  /** The video is subscribed (so there is a track whose reception can be paused). */
  readonly subscribed: boolean;
}

interface GridView {
  readonly tiles: readonly GridTile[];
  readonly speakers: readonly string[];
  /** How recently each identity spoke (the store's `speakerRecency`: higher is more recent). */
  readonly recency: ReadonlyMap<string, number>;
}

const NO_RECENCY: ReadonlyMap<string, number> = new Map();

const keyOf = (identity: string, source: string) => `${identity}:${source}`;

/** Every tile of the room: a camera tile per participant (local first), and one per screen share. */
export function selectGridView(s: RoomSnapshot): GridView {
  const tiles: GridTile[] = [];
  for (const p of [...(s.local ? [s.local] : []), ...s.remotes]) {
    const { camera, microphone, screen_share: share } = p.tracks;
    tiles.push({
      key: keyOf(p.identity, 'camera'),
      identity: p.identity,
      source: 'camera',
      isLocal: p.isLocal,
      videoOff: !camera || camera.muted,
      publishes: !!camera || !!microphone || !!share || !!p.permissions?.canPublish,
      subscribed: !!camera?.subscribed,
    });
    if (share) {
      tiles.push({
        key: keyOf(p.identity, 'screen_share'),
        identity: p.identity,
        source: 'screen_share',
        isLocal: p.isLocal,
        videoOff: share.muted,
        publishes: true,
        subscribed: share.subscribed,
      });
    }
  }
  return { tiles, speakers: s.activeSpeakers, recency: s.speakerRecency };
}

/** `videoOff` counts only when the grid hides muted videos (each tile shows its own state). */
function sameView(a: GridView, b: GridView, videoOff: boolean): boolean {
  return (
    sameList(a.speakers, b.speakers) &&
    a.recency === b.recency &&
    a.tiles.length === b.tiles.length &&
    a.tiles.every((t, i) => {
      const u = b.tiles[i]!;
      return (
        t.key === u.key &&
        t.isLocal === u.isLocal &&
        (!videoOff || t.videoOff === u.videoOff) &&
        t.publishes === u.publishes &&
        t.subscribed === u.subscribed
      );
    })
  );
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a === b || (a.length === b.length && a.every((x, i) => x === b[i]));
}

const chevron = svg`<path d="M15 5l-7 7 7 7" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"/>`;
const SWIPE_DISTANCE = 40;

interface Size {
  width: number;
  height: number;
}

/** What one render shows, worked out from the store, the attributes and the measured sizes. */
interface Plan {
  mode: 'grid' | 'focus' | 'pip';
  main: GridTile | undefined;
  pip: GridTile | undefined;
  pageTiles: GridTile[];
  total: number;
  page: number;
  pages: number;
  size: number;
  viewers: number;
}

/**
 * Lays out participant tiles inside a `<media-room>`.
 *
 * Renders a `<participant-tile>` for every participant's camera and every screen share, in a
 * stable order: the pinned tile first, then screen shares, then the others; a speaker from another
 * page is brought onto the first page in place of the tile that spoke least recently, while
 * speakers already in view stay where they are. Slot your own tiles into it (a custom
 * composition) and it lays out those instead, in their order.
 *
 * Tiles are as large as the element allows at 16:9 (it measures itself); when they would get
 * narrower than `--layout-grid-min-tile-width`, or there are more than `max-tiles`, they are split
 * into pages, with previous/next buttons, PageUp/PageDown and the arrow keys on the focused grid,
 * and horizontal swipes. Tiles off the current page are not rendered, so their video is detached
 * and (with adaptive stream, which `<media-room>` turns on) no longer received.
 *
 * Layouts (`layout`): `grid`; `speaker` (the active speaker large, the others in a strip);
 * `focus` (the pinned tile large); `stage` (only those who publish, or may, are tiles; the others
 * are counted as viewers); `pip` (one-to-one: the other person full size, you small in a corner).
 * A screen share is shown large whenever there is one, unless the user pinned another tile.
 *
 * @tag layout-grid
 * @summary Lays out participant tiles: grid, speaker, focus, stage and picture-in-picture, with pages.
 *
 * @slot - Your own tiles (`<participant-tile>`s or any elements with `identity` and `source`
 *   attributes). Without any, the grid renders a tile for everyone.
 *
 * @csspart base - The wrapper (`role="region"`).
 * @csspart main - The area of the large tile in the speaker, focus and pip layouts.
 * @csspart grid - The grid of tiles (`role="list"`), or the strip beside the large tile.
 * @csspart pager - The page controls.
 * @csspart previous - The previous-page button.
 * @csspart next - The next-page button.
 * @csspart page-status - The "page X of Y" text.
 * @csspart viewers - The count of viewers in the stage layout.
 *
 * @cssproperty --layout-grid-gap - Space between tiles (default 0.5rem).
 * @cssproperty --layout-grid-min-tile-width - Narrowest a tile may get before the tiles are paged (default 160px).
 * @cssproperty --layout-grid-min-height - Smallest height of the element (default 12rem).
 * @cssproperty --layout-grid-strip-size - Height of the strip beside the large tile (default 22%).
 * @cssproperty --layout-grid-pip-width - Width of your own tile in the pip layout (default 25%).
 *
 * @event pinned-change - The user pinned or unpinned a tile (a tile's `tile-pin`); `pinned` says which. `PinnedChangeEvent`.
 * @event page-change - The user went to another page; `page` (1-based) and `pages`. `PageChangeEvent`.
 */
export class LayoutGrid extends LitElement {
  static override styles = styles;
  /** @internal Slotted tiles are assigned by the grid (only the current page's are shown). */
  static override shadowRootOptions: ShadowRootInit = {
    ...LitElement.shadowRootOptions,
    slotAssignment: 'manual',
  };

  /** `grid`, `speaker`, `focus`, `stage` or `pip`. */
  @property() layout: GridLayout = 'grid';

  /** Most tiles on one page (the large tile included). */
  @property({ attribute: 'max-tiles', type: Number }) maxTiles = 12;

  /** Hide the camera tiles of participants whose camera is off. */
  @property({ attribute: 'hide-video-muted', type: Boolean }) hideVideoMuted = false;

  /** The pinned tile, if any. Set it, or call `pin()`; the user toggles it with a tile's pin button. */
  @property({ attribute: false }) pinned: PinnedTile | undefined = undefined;

  /** The page shown, from 1. Changed by the user's paging (then `page-change` fires). */
  @property({ type: Number }) page = 1;

  @state() private slotted: Element[] = [];
  @state() private announcement = '';

  readonly #localize = new LocalizeController(this);
  readonly #view = new StoreController<GridView>(this, selectGridView, {
    fallback: { tiles: [], speakers: [], recency: NO_RECENCY },
    // A mute re-renders the grid only when it hides muted videos.
    equals: (a, b) => sameView(a, b, this.hideVideoMuted),
  });

  #resizeObserver: ResizeObserver | undefined;
  #childObserver: MutationObserver | undefined;
  #gridSize: Size = { width: 0, height: 0 };
  #mainSize: Size = { width: 0, height: 0 };
  #gap = 8;
  #minTileWidth = 160;
  /** The tile order last shown (keys), kept so the next order is stable. */
  #order: string[] = [];
  #plan: Plan | undefined;
  /**
   * The cell (DOM element) each tile of the page is drawn in. A tile that leaves the page hands
   * its cell to the one that takes its place, so a speaker brought onto the page from another one
   * updates a tile (a new `identity`) instead of building one and dropping another.
   */
  readonly #cellOf = new Map<string, number>();
  #nextCell = 0;
  #cells: number[] = [];
  #swipe: { id: number; x: number; y: number } | undefined;
  #frame: number | undefined;

  /** Pin a tile (it is shown first, or large in the `focus` layout). */
  pin(identity: string, source: Source = 'camera'): void {
    this.pinned = { identity, source };
  }

  unpin(): void {
    this.pinned = undefined;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.addEventListener('tile-pin', this.#onTilePin);
    // Measured a frame later: re-rendering inside the observer's callback would resize what it
    // observes in the same frame (a "ResizeObserver loop" error).
    this.#resizeObserver = new ResizeObserver(() => {
      if (this.#frame === undefined)
        this.#frame = requestAnimationFrame(() => {
          this.#frame = undefined;
          this.#measure();
        });
    });
    this.#childObserver = new MutationObserver(() => this.#readChildren());
    this.#childObserver.observe(this, {
      childList: true,
      attributes: true,
      subtree: false,
      attributeFilter: ['identity', 'source'],
    });
    this.#readChildren();
    if (this.hasUpdated) this.#observeSizes();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('tile-pin', this.#onTilePin);
    this.#resizeObserver?.disconnect();
    this.#resizeObserver = undefined;
    if (this.#frame !== undefined) cancelAnimationFrame(this.#frame);
    this.#frame = undefined;
    this.#childObserver?.disconnect();
    this.#childObserver = undefined;
  }

  protected override firstUpdated(): void {
    this.#observeSizes();
  }

  #observeSizes(): void {
    const root = this.renderRoot as ShadowRoot;
    for (const selector of ['[part="grid"]', '[part="main"]', '.probe']) {
      const el = root.querySelector(selector);
      if (el) this.#resizeObserver?.observe(el);
    }
  }

  #measure(): void {
    const root = this.renderRoot as ShadowRoot;
    const grid = root.querySelector<HTMLElement>('[part="grid"]');
    const main = root.querySelector<HTMLElement>('[part="main"]');
    const probe = root.querySelector<HTMLElement>('.probe');
    if (!grid || !main || !probe) return;
    const gridSize = { width: grid.clientWidth, height: grid.clientHeight };
    const mainSize = { width: main.clientWidth, height: main.clientHeight };
    const gap = parseFloat(getComputedStyle(grid).columnGap) || 0;
    const min = probe.getBoundingClientRect().width || 160;
    if (
      sameSize(gridSize, this.#gridSize) &&
      sameSize(mainSize, this.#mainSize) &&
      gap === this.#gap &&
      min === this.#minTileWidth
    )
      return;
    this.#gridSize = gridSize;
    this.#mainSize = mainSize;
    this.#gap = gap;
    this.#minTileWidth = min;
    this.requestUpdate();
  }

  #readChildren(): void {
    const children = [...this.children];
    if (children.length !== this.slotted.length || children.some((c, i) => c !== this.slotted[i]))
      this.slotted = children;
    else this.requestUpdate();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    // Select afresh: the slice kept while muted videos did not count may be behind on them.
    if (changed.has('hideVideoMuted')) this.#view.select(selectGridView);
    if (changed.has('layout') || changed.has('pinned')) this.#swipe = undefined;
    this.#plan = this.#makePlan();
    this.#cells = this.#assignCells(this.#plan.pageTiles);
  }

  /** The tiles to lay out: the slotted ones, or the room's; filtered by `hide-video-muted` and `stage`. */
  #tiles(): { tiles: GridTile[]; viewers: number } {
    const fromStore = this.#view.value.tiles;
    let tiles: GridTile[];
    if (this.slotted.length) {
      const known = new Map(fromStore.map((t) => [t.key, t]));
      const seen = new Set<string>();
      tiles = this.slotted.map((el, i) => {
        const identity = el.getAttribute('identity') ?? '';
        const source: Source =
          el.getAttribute('source') === 'screen_share' ? 'screen_share' : 'camera';
        let key = keyOf(identity, source);
        if (!identity || seen.has(key)) key = `#${i}`;
        seen.add(key);
        return (
          known.get(key) ?? {
            key,
            identity,
            source,
            isLocal: false,
            videoOff: false,
            publishes: true,
            subscribed: false,
          }
        );
      });
    } else {
      tiles = [...fromStore];
    }
    if (this.hideVideoMuted)
      tiles = tiles.filter((t) => t.source === 'screen_share' || !t.videoOff);
    let viewers = 0;
    if (this.layout === 'stage') {
      viewers = tiles.filter((t) => t.source === 'camera' && !t.publishes).length;
      tiles = tiles.filter((t) => t.publishes);
    }
    return { tiles, viewers };
  }

  /** The cell of each tile on the page (see `#cellOf`): kept, else freed by a tile that left. */
  #assignCells(tiles: readonly GridTile[]): number[] {
    const onPage = new Set(tiles.map((t) => t.key));
    const free: number[] = [];
    for (const [key, cell] of this.#cellOf) {
      if (onPage.has(key)) continue;
      free.push(cell);
      this.#cellOf.delete(key);
    }
    free.sort((a, b) => a - b);
    return tiles.map((tile) => {
      let cell = this.#cellOf.get(tile.key);
      if (cell === undefined) {
        cell = free.shift() ?? this.#nextCell++;
        this.#cellOf.set(tile.key, cell);
      }
      return cell;
    });
  }

  #makePlan(): Plan {
    const { tiles, viewers } = this.#tiles();
    const byKey = new Map(tiles.map((t) => [t.key, t]));
    const pinnedKey =
      this.pinned && byKey.has(keyOf(this.pinned.identity, this.pinned.source))
        ? keyOf(this.pinned.identity, this.pinned.source)
        : undefined;
    const share = tiles.find((t) => t.source === 'screen_share');

    let mode: Plan['mode'] = 'grid';
    let main: GridTile | undefined;
    let pip: GridTile | undefined;
    const remoteCameras = tiles.filter((t) => !t.isLocal && t.source === 'camera');
    const localCamera = tiles.find((t) => t.isLocal && t.source === 'camera');
    if (
      this.layout === 'pip' &&
      !this.slotted.length &&
      tiles.length === 2 &&
      remoteCameras.length === 1 &&
      localCamera &&
      !pinnedKey
    ) {
      mode = 'pip';
      main = remoteCameras[0];
      pip = localCamera;
    } else if (this.layout === 'focus') {
      main = (pinnedKey && byKey.get(pinnedKey)) || share || this.#speaker(tiles) || tiles[0];
    } else if (this.layout === 'speaker') {
      main = (pinnedKey && byKey.get(pinnedKey)) || share || this.#speaker(tiles) || tiles[0];
    } else if (!pinnedKey) {
      main = share;
    }
    if (mode !== 'pip') mode = main && tiles.length > 1 ? 'focus' : 'grid';
    if (mode === 'grid') main = undefined;

    const others = tiles.filter((t) => t !== main && t !== pip);
    const size =
      mode === 'focus'
        ? pageSize(
            this.maxTiles - 1,
            this.#gridSize.width,
            this.#gridSize.height,
            this.#minTileWidth,
            { gap: this.#gap },
          )
        : pageSize(this.maxTiles, this.#gridSize.width, this.#gridSize.height, this.#minTileWidth, {
            gap: this.#gap,
          });
    const pages = Math.max(1, Math.ceil(others.length / size));
    const page = Math.min(Math.max(1, Math.floor(this.page) || 1), pages);

    const { speakers, recency } = this.#view.value;
    const speaking = new Set(speakers);
    let ordered: string[];
    if (this.slotted.length) {
      // A composition keeps its own order; only the pinned tile comes first.
      ordered = others.map((t) => t.key);
      if (pinnedKey && ordered.includes(pinnedKey))
        ordered = [pinnedKey, ...ordered.filter((k) => k !== pinnedKey)];
    } else {
      const orderTiles: OrderTile[] = others.map((t) => ({
        key: t.key,
        isScreenShare: t.source === 'screen_share',
        isLocal: t.isLocal,
        lastSpoke: recency.get(t.identity) ?? 0,
        speaking: t.source === 'camera' && speaking.has(t.identity),
      }));
      ordered = stableOrder({
        previous: this.#order,
        tiles: orderTiles,
        pinned: pinnedKey,
        pageSize: size,
        page: page - 1,
      });
      // Keep the large tile's place in the order, for when it returns to the grid.
      const full = [...ordered];
      for (const t of [main, pip]) {
        if (!t) continue;
        const at = this.#order.indexOf(t.key);
        full.splice(at < 0 ? full.length : Math.min(at, full.length), 0, t.key);
      }
      this.#order = full;
    }
    const pageTiles = ordered.slice((page - 1) * size, page * size).map((k) => byKey.get(k)!);
    return { mode, main, pip, pageTiles, total: others.length, page, pages, size, viewers };
  }

  /**
   * The camera tile of the remote participant who spoke last (the first one when none has spoken);
   * never your own: without a remote camera the caller falls back to the first tile.
   */
  #speaker(tiles: readonly GridTile[]): GridTile | undefined {
    const { recency } = this.#view.value;
    let best: GridTile | undefined;
    let bestTime = -1;
    for (const t of tiles) {
      if (t.source !== 'camera' || t.isLocal) continue;
      const time = recency.get(t.identity) ?? 0;
      if (time > bestTime) {
        best = t;
        bestTime = time;
      }
    }
    return best;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const plan = this.#plan ?? this.#makePlan();
    const slotted = this.slotted.length > 0;
    const grid = bestGrid(plan.pageTiles.length, this.#gridSize.width, this.#gridSize.height, {
      gap: this.#gap,
    });
    const measured = grid.tileWidth > 0;
    const lastRow = plan.pageTiles.length - (grid.rows - 1) * grid.cols;
    const lastRowStart = lastRow < grid.cols ? 1 + (grid.cols - lastRow) : 0;
    const firstOfLastRow = (grid.rows - 1) * grid.cols;
    const gridStyle = measured
      ? {
          '--_tracks': String(grid.cols * 2),
          '--_track': `${Math.max(0, (grid.tileWidth - this.#gap) / 2)}px`,
          '--_tile-w': `${grid.tileWidth}px`,
          '--_tile-h': `${grid.tileHeight}px`,
          '--_row-w': `${grid.cols * grid.tileWidth + (grid.cols - 1) * this.#gap + 1}px`,
        }
      : {};
    const mainGrid = bestGrid(1, this.#mainSize.width, this.#mainSize.height);
    const mainStyle =
      mainGrid.tileWidth > 0
        ? { '--_main-w': `${mainGrid.tileWidth}px`, '--_main-h': `${mainGrid.tileHeight}px` }
        : {};
    const paged = plan.pages > 1;
    return html`
      <div
        part="base"
        role="region"
        aria-label=${t.term('gridLabel')}
        class=${plan.mode}
        dir=${t.dir}
        lang=${t.lang}
      >
        <div class="probe" aria-hidden="true"></div>
        <div class="stage">
          <div
            part="main"
            role="group"
            aria-label=${t.term('gridFocusLabel')}
            ?hidden=${plan.mode === 'grid'}
            style=${cssomStyle(mainStyle)}
          >
            ${
              slotted
                ? html`<slot name="main"></slot>`
                : plan.main
                  ? html`<div class="main-cell">${this.#tile(plan.main)}</div>`
                  : nothing
            }
            ${plan.pip ? html`<div class="pip-cell">${this.#tile(plan.pip)}</div>` : nothing}
          </div>
          <div
            part="grid"
            class=${slotted ? 'slotted' : ''}
            role=${slotted ? 'group' : 'list'}
            aria-label=${t.term(plan.mode === 'focus' ? 'gridStripLabel' : 'gridLabel')}
            tabindex=${paged ? '0' : '-1'}
            style=${cssomStyle(gridStyle)}
            @keydown=${this.#onKeyDown}
            @pointerdown=${this.#onPointerDown}
            @pointerup=${this.#onPointerUp}
            @pointercancel=${this.#onPointerCancel}
          >
            ${
              slotted
                ? html`<div class="rows"><slot></slot></div>`
                : repeat(
                    plan.pageTiles,
                    (tile, i) => this.#cells[i] ?? tile.key,
                    (tile, i) =>
                      html`<div
                        class="cell"
                        role="listitem"
                        style=${cssomStyle(
                          measured && lastRowStart && i === firstOfLastRow
                            ? { '--_start': String(lastRowStart) }
                            : {},
                        )}
                      >
                        ${this.#tile(tile)}
                      </div>`,
                  )
            }
          </div>
        </div>
        <div part="pager" ?hidden=${!paged}>
          <button
            part="previous"
            aria-label=${t.term('gridPrevious')}
            aria-disabled=${plan.page <= 1 ? 'true' : 'false'}
            @click=${() => this.#go(this.#current() - 1)}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${chevron}</svg>
          </button>
          <span part="page-status">${t.term('gridPageOf', plan.page, plan.pages)}</span>
          <button
            part="next"
            aria-label=${t.term('gridNext')}
            aria-disabled=${plan.page >= plan.pages ? 'true' : 'false'}
            @click=${() => this.#go(this.#current() + 1)}
          >
            <svg class="flip" viewBox="0 0 24 24" aria-hidden="true">${chevron}</svg>
          </button>
        </div>
        ${
          this.layout === 'stage' && plan.viewers > 0
            ? html`<p part="viewers">${t.term('gridViewers', plan.viewers)}</p>`
            : nothing
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  #tile(tile: GridTile): TemplateResult {
    const pinned = this.pinned?.identity === tile.identity && this.pinned.source === tile.source;
    return html`<participant-tile
      identity=${tile.identity}
      source=${tile.source}
      .pinned=${pinned}
    ></participant-tile>`;
  }

  protected override updated(): void {
    this.#assignSlots();
  }

  /** In a composition, give the slots the slotted tiles to show: the large one and the page. */
  #assignSlots(): void {
    if (!this.slotted.length || !this.#plan) return;
    const root = this.renderRoot as ShadowRoot;
    const mainSlot = root.querySelector<HTMLSlotElement>('slot[name="main"]');
    const gridSlot = root.querySelector<HTMLSlotElement>('[part="grid"] slot');
    const byKey = new Map<string, Element>();
    this.#tiles().tiles.forEach((t) => {
      const el = this.#elementFor(t.key);
      if (el) byKey.set(t.key, el);
    });
    const main = this.#plan.main ? byKey.get(this.#plan.main.key) : undefined;
    mainSlot?.assign(...(main ? [main] : []));
    gridSlot?.assign(
      ...this.#plan.pageTiles.map((t) => byKey.get(t.key)).filter((e): e is Element => !!e),
    );
  }

  /** The slotted element behind a key (`identity:source`, or `#index` for ones without). */
  #elementFor(key: string): Element | undefined {
    if (key.startsWith('#')) return this.slotted[Number(key.slice(1))];
    return this.slotted.find(
      (el) =>
        keyOf(
          el.getAttribute('identity') ?? '',
          el.getAttribute('source') === 'screen_share' ? 'screen_share' : 'camera',
        ) === key,
    );
  }

  /** The user goes to page `page` (clamped). */
  #go(page: number): void {
    const plan = this.#plan;
    if (!plan) return;
    const next = Math.min(Math.max(1, page), plan.pages);
    if (next === this.#current()) return;
    this.page = next;
    const first = (next - 1) * plan.size + 1;
    const last = Math.min(next * plan.size, plan.total);
    this.announcement = this.#localize.term(
      'gridPageShown',
      next,
      plan.pages,
      first,
      last,
      plan.total,
    );
    const event = new PageChangeEvent(next, plan.pages);
    this.dispatchEvent(event);
  }

  /** The page shown, or about to be (`page` clamped to the pages there are). */
  #current(): number {
    const pages = this.#plan?.pages ?? 1;
    return Math.min(Math.max(1, Math.floor(this.page) || 1), pages);
  }

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget || !this.#plan) return;
    const rtl = this.#localize.dir === 'rtl';
    let delta = 0;
    if (event.key === 'PageDown') delta = 1;
    else if (event.key === 'PageUp') delta = -1;
    else if (event.key === 'ArrowRight') delta = rtl ? -1 : 1;
    else if (event.key === 'ArrowLeft') delta = rtl ? 1 : -1;
    else if (event.key === 'Home') delta = -Infinity;
    else if (event.key === 'End') delta = Infinity;
    if (!delta) return;
    event.preventDefault();
    this.#go(Number.isFinite(delta) ? this.#current() + delta : delta > 0 ? this.#plan.pages : 1);
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (!event.isPrimary) return;
    this.#swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };

  #onPointerUp = (event: PointerEvent): void => {
    const start = this.#swipe;
    this.#swipe = undefined;
    if (!start || start.id !== event.pointerId || !this.#plan) return;
    const dx = event.clientX - start.x;
    const dy = event.clientY - start.y;
    if (Math.abs(dx) < SWIPE_DISTANCE || Math.abs(dx) < Math.abs(dy) * 1.5) return;
    // Swiping towards the start edge (left in LTR) shows the next page.
    const forward = this.#localize.dir === 'rtl' ? dx > 0 : dx < 0;
    this.#go(this.#current() + (forward ? 1 : -1));
  };

  #onPointerCancel = (): void => {
    this.#swipe = undefined;
  };

  /**
   * A tile's `tile-pin`: pin or unpin it (the event's `pinned` says which; without one, toggle),
   * then tell with `pinned-change`. Nothing happens if a listener below cancelled the event.
   */
  #onTilePin = (event: Event): void => {
    if (event.defaultPrevented) return;
    const detail = event as Event & Partial<{ identity: string; source: string; pinned: boolean }>;
    const tile = event
      .composedPath()
      .find(
        (node): node is Element & { identity?: string; source?: string } =>
          node instanceof Element &&
          node !== this &&
          (node.localName === 'participant-tile' || node.hasAttribute('identity')),
      );
    const identity = detail.identity ?? tile?.identity ?? tile?.getAttribute('identity') ?? '';
    const sourceName = detail.source ?? tile?.source ?? tile?.getAttribute('source');
    const source: Source = sourceName === 'screen_share' ? 'screen_share' : 'camera';
    if (!identity) return;
    const isPinned = this.pinned?.identity === identity && this.pinned.source === source;
    const pin = typeof detail.pinned === 'boolean' ? detail.pinned : !isPinned;
    if (pin === isPinned) return;
    this.pinned = pin ? { identity, source } : undefined;
    const changed = new PinnedChangeEvent(this.pinned);
    this.dispatchEvent(changed);
  };
}

function sameSize(a: Size, b: Size): boolean {
  return a.width === b.width && a.height === b.height;
}

define('layout-grid', LayoutGrid);

declare global {
  interface HTMLElementTagNameMap {
    'layout-grid': LayoutGrid;
  }
}
