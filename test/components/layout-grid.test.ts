import { expect, fixture, html } from '@open-wc/testing';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import '../../src/components/layout-grid/layout-grid.js';
import { bestGrid } from '../../src/components/layout-grid/grid-math.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { ParticipantTile } from '../../src/components/participant-tile/participant-tile.js';
import '../../src/components/media-room/media-room.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { nextEvent, waitFor } from '../helpers/live.js';

/** A `<media-room>` on a scripted room (no server) holding a `<layout-grid>` of the given size. */
async function gridWith(remotes: number, attrs = '', width = 960, height = 540) {
  const script = await ScriptedRoom.create(remotes);
  const el = await fixture<MediaRoom>(
    html`<media-room
      style="width: ${width}px; height: ${height + 80}px; min-height: 0"
    ></media-room>`,
  );
  el.innerHTML = `<layout-grid ${attrs} style="height: ${height}px"></layout-grid>`;
  const grid = el.querySelector('layout-grid')!;
  el.room = script.room;
  await el.updateComplete;
  await grid.updateComplete;
  const tiles = () => [...grid.shadowRoot!.querySelectorAll<ParticipantTile>('participant-tile')];
  const part = (name: string) => grid.shadowRoot!.querySelector<HTMLElement>(`[part="${name}"]`)!;
  return { script, el, grid, tiles, part };
}

const ids = (tiles: ParticipantTile[]) => tiles.map((t) => t.identity);

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** Store committed, sizes measured (the grid measures a frame after a resize), rendered. */
async function settle(grid: LayoutGrid, el: MediaRoom) {
  await el.store.settled();
  for (let i = 0; i < 3; i++) {
    await grid.updateComplete;
    await frame();
  }
  await grid.updateComplete;
}

describe('<layout-grid> on a scripted room', () => {
  it('is laid out for its measured size by the end of its first update, not a frame later', async () => {
    // No frame passes between the grid's creation and this check (gridWith awaits only
    // updates): a grid measured only by its ResizeObserver would still be unmeasured here, and
    // render again later for no change of the room (what made render counts engine-dependent).
    const { script, grid, part } = await gridWith(3);
    const box = part('grid');
    const expected = bestGrid(4, box.clientWidth, box.clientHeight, { gap: 8 }).tileWidth;
    expect(expected).to.be.greaterThan(0);
    expect(box.style.getPropertyValue('--_tile-w')).to.equal(`${expected}px`);
    expect(grid.isUpdatePending).to.equal(false);
    await script.room.disconnect();
  });

  it('renders a tile per participant, sized by the grid math, last row centred, accessible', async () => {
    const { script, el, grid, tiles, part } = await gridWith(4);
    await waitFor(() => tiles().length === 5, 'five tiles');
    await settle(grid, el);
    expect(ids(tiles())[0]).to.equal('simulated-local');
    // Sized as the grid math says for the measured box (8px gap), and the last row centred. The
    // grid measures a frame after its box changes size (the page may still be settling: a
    // scrollbar, a font), so wait until the tiles fit the box as it is now.
    const box = part('grid');
    const cells = () => [...box.querySelectorAll<HTMLElement>('.cell')];
    const fitted = () => bestGrid(5, box.clientWidth, box.clientHeight, { gap: 8 });
    await waitFor(() => {
      const first = cells()[0]?.getBoundingClientRect();
      return !!first && Math.abs(first.width - fitted().tileWidth) < 1;
    }, 'tiles sized for the box as measured');
    const expected = fitted();
    const rects = cells().map((c) => c.getBoundingClientRect());
    expect(rects[0]!.width).to.be.closeTo(expected.tileWidth, 1);
    expect(rects[0]!.height).to.be.closeTo(expected.tileHeight, 1);
    const rows = new Set(rects.map((r) => Math.round(r.top)));
    expect(rows.size).to.equal(expected.rows);
    const firstRow = rects.filter((r) => Math.round(r.top) === Math.round(rects[0]!.top));
    const lastRow = rects.filter((r) => Math.round(r.top) === Math.round(rects[4]!.top));
    expect(firstRow).to.have.length(expected.cols);
    expect(lastRow.length).to.be.lessThan(expected.cols);
    const centre = (row: DOMRect[]) => (row[0]!.left + row[row.length - 1]!.right) / 2;
    expect(centre(lastRow)).to.be.closeTo(centre(firstRow), 1);
    expect(part('base').getAttribute('role')).to.equal('region');
    expect(part('grid').getAttribute('role')).to.equal('list');
    expect(part('pager').hidden).to.equal(true);
    await expect(grid).to.be.accessible();
    await script.room.disconnect();
  });

  it('pages with buttons and keys, announces the page, renders only the page', async () => {
    const { script, el, grid, tiles, part } = await gridWith(9, 'max-tiles="4"');
    await waitFor(() => tiles().length === 4, 'four tiles on page 1');
    await settle(grid, el);
    expect(part('page-status').textContent).to.equal('Page 1 of 3');
    const first = ids(tiles());
    expect(part('previous').getAttribute('aria-label')).to.equal('Previous page');
    expect(part('next').getAttribute('aria-label')).to.equal('Next page');

    const changed = nextEvent(grid, 'page-change');
    part('next').click();
    expect((await changed).page).to.equal(2);
    await grid.updateComplete;
    expect(part('page-status').textContent).to.equal('Page 2 of 3');
    expect(ids(tiles()).some((id) => first.includes(id))).to.equal(false);
    expect(tiles()).to.have.length(4);
    expect(grid.shadowRoot!.querySelector('[role="status"]')!.textContent).to.equal(
      'Page 2 of 3: participants 5 to 8 of 10',
    );

    // Keyboard on the focused grid.
    part('grid').focus();
    part('grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'PageDown', bubbles: true }));
    await grid.updateComplete;
    expect(grid.page).to.equal(3);
    expect(tiles()).to.have.length(2);
    part('grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await grid.updateComplete;
    expect(grid.page, 'stays on the last page').to.equal(3);
    part('grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true }));
    part('grid').dispatchEvent(new KeyboardEvent('keydown', { key: 'PageUp', bubbles: true }));
    await grid.updateComplete;
    expect(grid.page).to.equal(1);
    expect(ids(tiles())).to.deep.equal(first);
    await expect(grid).to.be.accessible();
    await script.room.disconnect();
  });

  it('pages on a horizontal swipe', async () => {
    const { script, el, grid, tiles, part } = await gridWith(9, 'max-tiles="4"');
    await waitFor(() => tiles().length === 4, 'four tiles');
    await settle(grid, el);
    const g = part('grid');
    const pointer = (type: string, x: number) =>
      g.dispatchEvent(
        new PointerEvent(type, {
          pointerId: 7,
          isPrimary: true,
          clientX: x,
          clientY: 100,
          bubbles: true,
        }),
      );
    pointer('pointerdown', 500);
    pointer('pointerup', 380);
    await grid.updateComplete;
    expect(grid.page).to.equal(2);
    pointer('pointerdown', 300);
    pointer('pointerup', 420);
    await grid.updateComplete;
    expect(grid.page).to.equal(1);
    pointer('pointerdown', 300);
    pointer('pointerup', 310);
    await grid.updateComplete;
    expect(grid.page, 'a tap does not page').to.equal(1);
    await script.room.disconnect();
  });

  it('pages when tiles would get narrower than --layout-grid-min-tile-width', async () => {
    const { script, el, grid, tiles, part } = await gridWith(11, '', 640, 360);
    grid.style.setProperty('--layout-grid-min-tile-width', '200px');
    await waitFor(() => tiles().length === 9, 'nine tiles fit at 200px (3 × 3)');
    await settle(grid, el);
    expect(part('page-status').textContent).to.equal('Page 1 of 2');
    await script.room.disconnect();
  });

  it('brings a speaker from another page onto the first, keeps speakers in view in place', async () => {
    const { script, el, grid, tiles } = await gridWith(7, 'max-tiles="4"');
    await waitFor(() => tiles().length === 4, 'four tiles');
    const before = ids(tiles());
    // Someone in view speaks: nothing moves.
    script.speakers([before[2]!]);
    await settle(grid, el);
    expect(ids(tiles())).to.deep.equal(before);
    // Someone from page 2 speaks: they replace the tile that spoke least recently.
    const elements = tiles();
    const far = script.identities[6]!;
    script.speakers([far]);
    await waitFor(() => ids(tiles()).includes(far), 'speaker brought onto page 1');
    const after = ids(tiles());
    expect(after).to.include(before[2]);
    expect(after.filter((id) => before.includes(id))).to.have.length(3);
    // The speaker takes over the cell of the tile it replaced: the same element, a new identity,
    // in the same place (nothing built, nothing dropped).
    const replaced = before.findIndex((id) => !after.includes(id));
    expect(
      tiles().every((tile, i) => tile === elements[i]),
      'the same elements',
    ).to.equal(true);
    expect(tiles()[replaced]!.identity).to.equal(far);
    await script.room.disconnect();
  });

  it('toggles the pin on a tile-pin event from a tile and fires pinned-change', async () => {
    const { script, el, grid, tiles } = await gridWith(3);
    await waitFor(() => tiles().length === 4, 'four tiles');
    const target = tiles()[3]!;
    const id = target.identity;
    const pinned = nextEvent(grid, 'pinned-change');
    target.dispatchEvent(
      new Event('tile-pin', { bubbles: true, composed: true, cancelable: true }),
    );
    expect((await pinned).pinned).to.deep.equal({ identity: id, source: 'camera' });
    expect(grid.pinned).to.deep.equal({ identity: id, source: 'camera' });
    await settle(grid, el);
    expect(tiles()[0]!.identity, 'pinned first').to.equal(id);

    const unpinned = nextEvent(grid, 'pinned-change');
    tiles()[0]!.dispatchEvent(
      new Event('tile-pin', { bubbles: true, composed: true, cancelable: true }),
    );
    expect((await unpinned).pinned).to.equal(undefined);
    expect(grid.pinned).to.equal(undefined);

    // Methods do not fire the event (the owner changed it).
    let fired = 0;
    grid.addEventListener('pinned-change', () => fired++);
    grid.pin(id);
    grid.unpin();
    expect(fired).to.equal(0);
    await script.room.disconnect();
  });

  it("a tile's own Pin button pins it in the grid, and the tile shows it is pinned", async () => {
    const { script, el, grid, tiles } = await gridWith(3);
    await waitFor(() => tiles().length === 4, 'four tiles');
    const target = tiles()[2]!;
    const id = target.identity;
    await target.updateComplete;
    const button = () =>
      tiles()
        .find((t) => t.identity === id)!
        .shadowRoot!.querySelector<HTMLButtonElement>('[part="pin-button"]')!;
    const pinned = nextEvent(grid, 'pinned-change');
    button().click();
    expect((await pinned).pinned).to.deep.equal({ identity: id, source: 'camera' });
    await settle(grid, el);
    const shown = tiles().find((t) => t.identity === id)!;
    expect(tiles()[0], 'pinned first').to.equal(shown);
    expect(shown.pinned).to.equal(true);
    await shown.updateComplete;
    expect(button().getAttribute('aria-label')).to.match(/^Unpin /);

    // A listener on the tile may cancel the pin.
    shown.addEventListener('tile-pin', (e) => e.preventDefault(), { once: true });
    button().click();
    await settle(grid, el);
    expect(grid.pinned).to.deep.equal({ identity: id, source: 'camera' });

    // So may one of the page's, further out than the grid.
    document.addEventListener('tile-pin', (e) => e.preventDefault(), { once: true });
    button().click();
    await settle(grid, el);
    expect(grid.pinned, 'a cancel by the page').to.deep.equal({ identity: id, source: 'camera' });

    const unpinned = nextEvent(grid, 'pinned-change');
    button().click();
    expect((await unpinned).pinned).to.equal(undefined);
    await settle(grid, el);
    expect(tiles().find((t) => t.identity === id)!.pinned).to.equal(false);
    await script.room.disconnect();
  });

  it('focus layout: the pinned tile large, the others in a strip', async () => {
    const { script, el, grid, tiles, part } = await gridWith(3, 'layout="focus"');
    await waitFor(() => tiles().length === 4, 'four tiles');
    const id = script.identities[1]!;
    grid.pin(id);
    await settle(grid, el);
    const main = part('main');
    expect(main.hidden).to.equal(false);
    expect(main.querySelector('participant-tile')!.identity).to.equal(id);
    expect(part('grid').querySelectorAll('participant-tile')).to.have.length(3);
    expect(part('grid').getAttribute('aria-label')).to.equal('Other participants');
    const big = main.querySelector('participant-tile')!.getBoundingClientRect().width;
    const small = part('grid').querySelector('participant-tile')!.getBoundingClientRect().width;
    expect(big).to.be.greaterThan(small * 2);
    await expect(grid).to.be.accessible();
    await script.room.disconnect();
  });

  it('speaker layout: the active speaker large', async () => {
    const { script, el, grid, tiles, part } = await gridWith(4, 'layout="speaker"');
    await waitFor(() => tiles().length === 5, 'five tiles');
    const id = script.identities[2]!;
    script.speakers([id]);
    await waitFor(
      () => part('main').querySelector('participant-tile')?.identity === id,
      'speaker large',
    );
    await settle(grid, el);
    expect(part('grid').querySelectorAll('participant-tile')).to.have.length(4);
    await script.room.disconnect();
  });

  it('pip layout: the other person full size, you in a corner', async () => {
    const { script, el, grid, tiles, part } = await gridWith(1, 'layout="pip"');
    await waitFor(() => tiles().length === 2, 'two tiles');
    await settle(grid, el);
    expect(
      part('main').querySelector<ParticipantTile>('.main-cell participant-tile')!.identity,
    ).to.equal(script.identities[0]);
    expect(
      part('main').querySelector<ParticipantTile>('.pip-cell participant-tile')!.identity,
    ).to.equal('simulated-local');
    await expect(grid).to.be.accessible();
    await script.room.disconnect();
  });

  it('stage layout counts those who do not publish as viewers; hide-video-muted hides camera-off tiles', async () => {
    const { script, el, grid, tiles, part } = await gridWith(3, 'layout="stage"');
    // The scripted remotes publish a camera; the simulated local participant publishes nothing.
    await waitFor(() => tiles().length === 3, 'three publishers on stage');
    await settle(grid, el);
    expect(part('viewers').textContent).to.equal('1 viewer');
    expect(ids(tiles())).to.not.include('simulated-local');

    grid.layout = 'grid';
    grid.hideVideoMuted = true;
    script.setCameraMuted(script.identities[0]!, true);
    await waitFor(() => tiles().length === 2, 'muted camera and the local tile hidden');
    expect(ids(tiles())).to.not.include(script.identities[0]);
    await script.room.disconnect();
  });

  it('lays out slotted tiles (a custom composition), only the page assigned', async () => {
    const { script, el, grid } = await gridWith(5, 'max-tiles="2"');
    const made = script.identities.slice(0, 3).map((id) => {
      const tile = document.createElement('participant-tile');
      tile.identity = id;
      tile.setAttribute('identity', id);
      return tile;
    });
    grid.append(...made);
    const slot = () => grid.shadowRoot!.querySelector<HTMLSlotElement>('[part="grid"] slot')!;
    await waitFor(() => !!slot() && slot().assignedElements().length === 2, 'two assigned');
    expect(grid.shadowRoot!.querySelectorAll('participant-tile')).to.have.length(0);
    expect(slot().assignedElements()).to.deep.equal(made.slice(0, 2));
    await settle(grid, el);
    const box = grid.shadowRoot!.querySelector<HTMLElement>('[part="grid"]')!;
    const fitted = () => bestGrid(2, box.clientWidth, box.clientHeight, { gap: 8 });
    // The grid measures a frame after its box changes: wait until the tiles fit it as it is now.
    await waitFor(
      () => Math.abs(made[0]!.getBoundingClientRect().width - fitted().tileWidth) < 1,
      'tiles sized for the box as measured',
    );
    const expected = fitted();
    expect(made[0]!.getBoundingClientRect().width).to.be.closeTo(expected.tileWidth, 1);
    await settle(grid, el);
    expect(made[0]!.getBoundingClientRect().width, 'stable size').to.be.closeTo(
      expected.tileWidth,
      1,
    );
    grid.shadowRoot!.querySelector<HTMLButtonElement>('[part="next"]')!.click();
    await waitFor(() => slot().assignedElements()[0] === made[2], 'page 2 assigned');
    await settle(grid, el);
    expect(made[0]!.getBoundingClientRect().width, 'off-page tile not rendered').to.equal(0);
    await expect(grid).to.be.accessible();
    await script.room.disconnect();
  });

  it('tears down: no store subscription, observers or listeners once removed', async () => {
    const { script, el, grid, tiles } = await gridWith(2);
    await waitFor(() => tiles().length === 3, 'three tiles');
    let renders = 0;
    const render = grid.render.bind(grid);
    grid.render = () => {
      renders++;
      return render();
    };
    grid.remove();
    script.join('late', 'Late Comer');
    await el.store.settled();
    const stray = document.createElement('participant-tile');
    stray.identity = 'late';
    grid.append(stray);
    stray.dispatchEvent(new Event('tile-pin', { bubbles: true, composed: true }));
    // One frame on purpose: this proves no render follows, and there is nothing to wait for.
    await new Promise((resolve) => requestAnimationFrame(resolve));
    expect(renders).to.equal(0);
    expect(grid.pinned).to.equal(undefined);
    await script.room.disconnect();
  });
});
