import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { cssomStyle } from '../../internal/cssom-style.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { PageChangeEvent, PinnedChangeEvent, type PinnedTile } from '../../events/layout-events.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import { isWaiting } from '../../store/waiting-room.js';
import { NO_HOST_LAYOUT, selectHostLayout, type HostLayout } from '../../store/host-layout.js';
import '../participant-tile/participant-tile.js';
import { CellPool } from './cells.js';
import { GridMeasure } from './measure.js';
import { pageForKey, swipeStep, type SwipeStart } from './paging.js';
import { pinRequest, type PinRequest } from './pinning.js';
import { unlessCancelled } from '../../internal/unless-cancelled.js';
import { clampPage, makePlan, type Plan } from './plan.js';
import { cellTemplate, gridStyles, pagerTemplate, tileTemplate } from './templates.js';
import { keyOf, NO_RECENCY, sameView, slottedByKey, tilesToShow, type GridView } from './view.js';
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

/** Every tile of the room: a camera tile per participant (local first), and one per screen share. */
export function selectGridView(s: RoomSnapshot): GridView {
  const tiles: GridTile[] = [];
  for (const p of [...(s.local ? [s.local] : []), ...s.remotes]) {
    // Waiting to be let in (a waiting room): not in the call yet, so no tile for anyone.
    if (isWaiting(p)) continue;
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

/**
 * Lays out participant tiles inside a `<media-room>`.
 *
 * Renders a `<participant-tile>` for every participant's camera and every screen share, in a
 * stable order: the pinned tile first, then screen shares, then the others; a speaker from another
 * page is brought onto the first page in place of the tile that spoke least recently, while
 * speakers already in view stay where they are. Slot your own tiles into it (a custom
 * composition) and it lays out those instead, in their order.
 *
 * Tiles are as large as the element allows at 16:9 (or, with `--layout-grid-min-tile-aspect`,
 * any shape down to that one, to fill the space); when the element is wide and low (2:1 or
 * wider) the strip stands beside the large tile instead of below it; the page buttons are 44 px on
 * touch screens. When tiles would get
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
 * A host's choices for everyone (the room metadata, see `RoomSession.spotlight` and
 * `setPositions`): the spotlighted participant is the large tile in every layout (over a screen
 * share), and participants a host placed take those places in the order (after the pinned tile
 * and the screen shares), until cleared. A tile this viewer pinned wins over the spotlight; a
 * composition (slotted tiles) keeps its own order but shows the spotlighted tile large.
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
 * @cssproperty --layout-grid-min-tile-aspect - The narrowest shape a tile may take to fill the space (an `aspect-ratio`, default `16 / 9`: every tile 16:9). With `4 / 3`, tiles take any shape from 4:3 to 16:9 (their video cropped), and the grid picks the rows and columns that leave the least empty space.
 * @cssproperty --layout-grid-min-tile-width - Narrowest a tile may get before the tiles are paged (default 160px).
 * @cssproperty --layout-grid-min-height - Smallest height of the element (default 12rem).
 * @cssproperty --layout-grid-strip-size - Height of the strip beside the large tile (default 22%).
 * @cssproperty --layout-grid-pip-width - Width of your own tile in the pip layout (default 25%).
 *
 * @event pinned-change - The user pinned or unpinned a tile (a tile's `tile-pin`); `pinned` says which. `PinnedChangeEvent`.
 * @event page-change - The user went to another page; `page` (1-based) and `pages`. `PageChangeEvent`.
 *
 * @cssstate paged - The tiles take more than one page: the pager shows below them.
 */
export class LayoutGrid extends LitElement {
  static override styles = styles;
  static {
    // Its first update measures what it rendered and lays out again (GridMeasure): the one
    // update that can only follow from the one before it, which Lit's dev mode warns of.
    this.disableWarning?.('change-in-update');
  }
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
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
  /** A host's spotlight and positions for everyone (the room metadata). */
  readonly #host = new StoreController<HostLayout>(this, selectHostLayout, {
    fallback: NO_HOST_LAYOUT,
  });
  readonly #measure = new GridMeasure(this);

  #childObserver: MutationObserver | undefined;
  /** The tile order last shown (keys), kept so the next order is stable. */
  #order: string[] = [];
  #plan: Plan | undefined;
  /** The cell each tile of the page is drawn in, reused when a tile takes another's place. */
  readonly #cellPool = new CellPool();
  #cells: number[] = [];
  #swipe: SwipeStart | undefined;

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
    this.#childObserver = new MutationObserver(() => this.#readChildren());
    this.#childObserver.observe(this, {
      childList: true,
      attributes: true,
      subtree: false,
      attributeFilter: ['identity', 'source'],
    });
    this.#readChildren();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.removeEventListener('tile-pin', this.#onTilePin);
    this.#childObserver?.disconnect();
    this.#childObserver = undefined;
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
    this.#cells = this.#cellPool.assign(this.#plan.pageTiles.map((t) => t.key));
  }

  /** The tiles to lay out: the slotted ones, or the room's; filtered by `hide-video-muted` and `stage`. */
  #tiles(): ReturnType<typeof tilesToShow> {
    return tilesToShow(this.#view.value.tiles, this.slotted, this);
  }

  #makePlan(): Plan {
    const measure = this.#measure;
    const { plan, order } = makePlan({
      ...this.#tiles(),
      view: this.#view.value,
      composed: this.slotted.length > 0,
      layout: this.layout,
      pinned: this.pinned,
      host: this.#host.value,
      maxTiles: this.maxTiles,
      page: this.page,
      gridSize: measure.grid,
      gap: measure.gap,
      minAspect: measure.minAspect,
      minTileWidth: measure.minTileWidth,
      previous: this.#order,
    });
    this.#order = order;
    return plan;
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const plan = this.#plan ?? this.#makePlan();
    const slotted = this.slotted.length > 0;
    const measure = this.#measure;
    const sizes = gridStyles(
      plan.pageTiles.length,
      measure.grid,
      measure.main,
      measure.gap,
      measure.minAspect,
    );
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
        <div class="probe aspect" aria-hidden="true"></div>
        <div class="stage">
          <div
            part="main"
            role="group"
            aria-label=${t.term('gridFocusLabel')}
            ?hidden=${plan.mode === 'grid'}
            style=${cssomStyle(sizes.main)}
          >
            ${
              slotted
                ? html`<slot name="main"></slot>`
                : plan.main
                  ? html`<div class="main-cell">${tileTemplate(plan.main, this.pinned)}</div>`
                  : nothing
            }
            ${
              plan.pip
                ? html`<div class="pip-cell">${tileTemplate(plan.pip, this.pinned)}</div>`
                : nothing
            }
          </div>
          <div
            part="grid"
            class=${slotted ? 'slotted' : ''}
            role=${slotted ? 'group' : 'list'}
            aria-label=${t.term(plan.mode === 'focus' ? 'gridStripLabel' : 'gridLabel')}
            tabindex=${plan.pages > 1 ? '0' : '-1'}
            style=${cssomStyle(sizes.grid)}
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
                    (tile, i) => cellTemplate(tile, this.pinned, sizes.cell(i)),
                  )
            }
          </div>
        </div>
        ${pagerTemplate(t, plan, this.#previous, this.#next)}
        ${
          this.layout === 'stage' && plan.viewers > 0
            ? html`<p part="viewers">${t.term('gridViewers', plan.viewers)}</p>`
            : nothing
        }
        <div class="visually-hidden" role="status">${this.announcement}</div>
      </div>
    `;
  }

  protected override updated(): void {
    setState(this.#internals, 'paged', (this.#plan?.pages ?? 1) > 1);
    this.#assignSlots();
  }

  /** In a composition, give the slots the slotted tiles to show: the large one and the page. */
  #assignSlots(): void {
    if (!this.slotted.length || !this.#plan) return;
    const root = this.renderRoot as ShadowRoot;
    const mainSlot = root.querySelector<HTMLSlotElement>('slot[name="main"]');
    const gridSlot = root.querySelector<HTMLSlotElement>('[part="grid"] slot');
    const byKey = slottedByKey(this.#tiles().tiles, this.slotted);
    const main = this.#plan.main ? byKey.get(this.#plan.main.key) : undefined;
    mainSlot?.assign(...(main ? [main] : []));
    gridSlot?.assign(
      ...this.#plan.pageTiles.map((t) => byKey.get(t.key)).filter((e): e is Element => !!e),
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
    return clampPage(this.page, this.#plan?.pages ?? 1);
  }

  #previous = (): void => this.#go(this.#current() - 1);

  #next = (): void => this.#go(this.#current() + 1);

  #onKeyDown = (event: KeyboardEvent): void => {
    if (event.target !== event.currentTarget || !this.#plan) return;
    const rtl = this.#localize.dir === 'rtl';
    const page = pageForKey(event.key, this.#current(), this.#plan.pages, rtl);
    if (page === undefined) return;
    event.preventDefault();
    this.#go(page);
  };

  #onPointerDown = (event: PointerEvent): void => {
    if (!event.isPrimary) return;
    this.#swipe = { id: event.pointerId, x: event.clientX, y: event.clientY };
  };

  #onPointerUp = (event: PointerEvent): void => {
    const start = this.#swipe;
    this.#swipe = undefined;
    if (!start || start.id !== event.pointerId || !this.#plan) return;
    const step = swipeStep(start, event.clientX, event.clientY, this.#localize.dir === 'rtl');
    if (step) this.#go(this.#current() + step);
  };

  #onPointerCancel = (): void => {
    this.#swipe = undefined;
  };

  /**
   * A tile's `tile-pin`: pin or unpin it (the event's `pinned` says which; without one, toggle),
   * then tell with `pinned-change`. Nothing happens if any listener cancelled the event, the
   * page's further out included (so it acts once the event has gone all the way).
   */
  #onTilePin = (event: Event): void => {
    // Read now: once the event has gone all the way, its composed path is empty.
    const request = pinRequest(event, this);
    if (request) this.#pinUnlessCancelled(event, request);
  };

  #pinUnlessCancelled = unlessCancelled((_event: Event, request: PinRequest): void => {
    const { identity, source } = request;
    const isPinned = this.pinned?.identity === identity && this.pinned.source === source;
    const pin = request.pinned ?? !isPinned;
    if (pin === isPinned) return;
    this.pinned = pin ? { identity, source } : undefined;
    this.dispatchEvent(new PinnedChangeEvent(this.pinned));
  });
}

define('layout-grid', LayoutGrid);

declare global {
  interface HTMLElementTagNameMap {
    'layout-grid': LayoutGrid;
  }
}
