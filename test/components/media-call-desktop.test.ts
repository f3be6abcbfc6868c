import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { waitFor, waitForValue } from '../helpers/live.js';
import { setViewport } from '../helpers/viewport.js';
import { mountCall, tiles } from '../mobile/call-page.js';

/**
 * The empty bands of the tile area: how much of its width and height the tiles' bounding box
 * leaves empty (px), and the space between the tiles and the panel.
 */
function deadBands(root: ShadowRoot) {
  const area = root.querySelector('layout-grid')!.getBoundingClientRect();
  const boxes = tiles(root).map((t) => t.getBoundingClientRect());
  const left = Math.min(...boxes.map((b) => b.left));
  const right = Math.max(...boxes.map((b) => b.right));
  const top = Math.min(...boxes.map((b) => b.top));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const panel = root.querySelector('.sheet:not([hidden])')!.getBoundingClientRect();
  return {
    horizontal: area.width - (right - left),
    vertical: area.height - (bottom - top),
    toPanel: panel.left - right,
    area,
  };
}

describe('<media-call> on a desktop', () => {
  it('at 1440×900 with 8 tiles and a panel open, the tiles fill the space left (no dead band)', async () => {
    const call = await mountCall({ width: 1440, height: 900, remotes: 7 });
    const { root } = call;
    root.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    const sheet = await waitForValue(
      () => root.querySelector<HTMLElement>('.sheet:not([hidden])'),
      'the chat opens',
    );
    // The grid re-packs into the narrower area: 3 columns, every tile on one page. (Until it has,
    // the tiles it laid out for the whole width fill that width too, under the panel.)
    await waitFor(() => {
      const { horizontal, vertical, toPanel } = deadBands(root);
      return tiles(root).length === 8 && horizontal < 40 && vertical < 40 && toPanel >= 0;
    }, 'the tiles re-pack');
    const bands = deadBands(root);
    // Bound: at most 40 px (under 4% of the width or height) of the tile area left empty across or
    // down (it was ~360 px across, 2 columns × 4 rows), and the tiles end within 2 gaps of the panel.
    expect(bands.horizontal).to.be.below(40);
    expect(bands.vertical).to.be.below(40);
    expect(bands.toPanel).to.be.within(0, 2 * 8 + 20);
    // The panel stands apart: its own surface and border, a heading and a close button.
    const stage = getComputedStyle(call.el).backgroundColor;
    expect(getComputedStyle(sheet).backgroundColor).to.not.equal(stage);
    expect(parseFloat(getComputedStyle(sheet).borderTopWidth)).to.be.greaterThan(0);
    expect(sheet.querySelector('[part="panel-heading"]')!.textContent).to.equal('Chat');
    const toggle = root.querySelector('chat-toggle')!;
    sheet.querySelector<HTMLButtonElement>('[part="panel-close"]')!.click();
    await waitFor(() => sheet.hidden, 'the close button closes the panel');
    await waitFor(() => root.activeElement === toggle, 'focus goes back to the chat button');
    // The participant list's sheet: its heading, and closing through `panel-close`.
    root.querySelector('participants-toggle')!.shadowRoot!.querySelector('button')!.click();
    const list = await waitForValue(
      () => root.querySelector<HTMLElement>('.sheet:not([hidden])'),
      'the list opens',
    );
    expect(list.querySelector('[part="panel-heading"]')!.textContent).to.equal('Participants');
    expect(deadBands(root).horizontal).to.be.below(40);
    list.querySelector<HTMLButtonElement>('[part="panel-close"]')!.click();
    await waitFor(
      () => root.activeElement === root.querySelector('participants-toggle'),
      'focus back on the participants button',
    );
    // No "More" on a desktop: every control is in the bar.
    expect(root.querySelector('[part="more"]')).to.equal(null);
    await expect(call.el).to.be.accessible();
    await call.script.room.disconnect();
  });

  it('the pre-join screen fits 1280×720 with its Join button in view', async () => {
    await setViewport({ width: 1280, height: 720 });
    const el = await fixture<MediaRoom>(
      html`<header style="height: 4rem">A page's own header</header>
        <media-room token-url="/nowhere" style="height: calc(100vh - 4rem)"></media-room>`,
    );
    const join = await waitForValue(
      () =>
        (el.nextElementSibling as MediaRoom | null)?.shadowRoot
          ?.querySelector('media-call')
          ?.shadowRoot?.querySelector('pre-join')
          ?.shadowRoot?.querySelector<HTMLElement>('[part="join"]'),
      'the pre-join screen',
    );
    const box = join.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(innerHeight);
    expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  });
});
