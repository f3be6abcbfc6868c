import { expect } from '@open-wc/testing';
import { bestGrid, pageSize } from '../../src/components/layout-grid/grid-math.js';
import { stableOrder, type OrderTile } from '../../src/components/layout-grid/order.js';

describe('bestGrid', () => {
  it('one tile fills the box at 16:9', () => {
    expect(bestGrid(1, 1600, 900)).to.deep.equal({
      rows: 1,
      cols: 1,
      tileWidth: 1600,
      tileHeight: 900,
    });
    // A taller box: the width decides.
    expect(bestGrid(1, 800, 900)).to.deep.equal({
      rows: 1,
      cols: 1,
      tileWidth: 800,
      tileHeight: 450,
    });
  });

  it('two tiles side by side in landscape, stacked in portrait', () => {
    expect(bestGrid(2, 1600, 900)).to.deep.include({ rows: 1, cols: 2, tileWidth: 800 });
    expect(bestGrid(2, 1920, 600)).to.deep.include({ rows: 1, cols: 2, tileWidth: 960 });
    expect(bestGrid(2, 600, 1000)).to.deep.include({ rows: 2, cols: 1, tileWidth: 600 });
    expect(bestGrid(2, 600, 1000).tileHeight).to.equal(337.5);
  });

  it('5 tiles in a wide box are 3 × 2, never 3 × 3', () => {
    const g = bestGrid(5, 1600, 900);
    expect(g).to.deep.equal({ rows: 2, cols: 3, tileWidth: 533.33, tileHeight: 300 });
  });

  it('accounts for the gap', () => {
    // 4 tiles, 2 × 2 in 1000 × 562.5 with a 10px gap: (1000 - 10) / 2 = 495 wide, height-bound
    // (562.5 - 10) / 2 = 276.25 → 491.11 wide.
    expect(bestGrid(4, 1000, 562.5, { gap: 10 })).to.deep.equal({
      rows: 2,
      cols: 2,
      tileWidth: 491.11,
      tileHeight: 276.25,
    });
  });

  it('12 tiles: 4 × 3 in landscape, 2 × 6 or 3 × 4 in portrait', () => {
    expect(bestGrid(12, 1600, 900)).to.deep.include({ rows: 3, cols: 4, tileWidth: 400 });
    expect(bestGrid(12, 900, 1600)).to.deep.include({ rows: 6, cols: 2, tileWidth: 450 });
  });

  it('other aspect ratios and empty input', () => {
    expect(bestGrid(2, 1000, 1000, { aspect: 1 })).to.deep.include({ cols: 2, tileWidth: 500 });
    expect(bestGrid(0, 1000, 1000)).to.deep.equal({
      rows: 0,
      cols: 0,
      tileWidth: 0,
      tileHeight: 0,
    });
    expect(bestGrid(3, 0, 0)).to.deep.include({ tileWidth: 0 });
  });

  it('pageSize stops before tiles get narrower than the minimum', () => {
    // 1600 × 900: 12 tiles are 400 wide (fit 160); 960 × 540: 12 are 240, still fine.
    expect(pageSize(12, 1600, 900, 160)).to.equal(12);
    // 640 × 360: 12 tiles would be 160 wide (4 × 3) → 12 fits exactly; at 200 minimum only 9 (3 × 3, 213).
    expect(pageSize(12, 640, 360, 160)).to.equal(12);
    expect(pageSize(12, 640, 360, 200)).to.equal(9);
    expect(pageSize(4, 1600, 900, 160)).to.equal(4);
    expect(pageSize(12, 100, 100, 160)).to.equal(1);
    expect(pageSize(6, 0, 0, 160)).to.equal(6);
  });
});

const tile = (key: string, extra: Partial<OrderTile> = {}): OrderTile => ({
  key,
  isScreenShare: false,
  lastSpoke: 0,
  speaking: false,
  ...extra,
});

describe('stableOrder', () => {
  const abc = ['a', 'b', 'c', 'd', 'e', 'f'].map((k) => tile(k));

  it('starts in join order, pinned first, then screen shares', () => {
    expect(stableOrder({ previous: [], tiles: abc, pageSize: 4, page: 0 })).to.deep.equal([
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
    ]);
    const withShare = [...abc, tile('s', { isScreenShare: true })];
    expect(
      stableOrder({ previous: [], tiles: withShare, pinned: 'e', pageSize: 4, page: 0 }),
    ).to.deep.equal(['e', 's', 'a', 'b', 'c', 'd', 'f']);
  });

  it('keeps a speaker who is already in view where they are', () => {
    const tiles = abc.map((t) => (t.key === 'c' ? { ...t, speaking: true, lastSpoke: 5 } : t));
    expect(
      stableOrder({ previous: ['a', 'b', 'c', 'd', 'e', 'f'], tiles, pageSize: 4, page: 0 }),
    ).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('brings a speaker from another page onto the first, replacing who spoke least recently', () => {
    const spoke: Record<string, number> = { a: 4, b: 1, c: 3, d: 2 };
    const tiles = abc.map((t) => ({
      ...t,
      lastSpoke: t.key === 'f' ? 9 : (spoke[t.key] ?? 0),
      speaking: t.key === 'f',
    }));
    expect(
      stableOrder({ previous: ['a', 'b', 'c', 'd', 'e', 'f'], tiles, pageSize: 4, page: 0 }),
    ).to.deep.equal(['a', 'f', 'c', 'd', 'e', 'b']);
  });

  it('never swaps out your own tile to bring a speaker forward', () => {
    // `b` (you) spoke least recently of the first page, yet `d` gives way.
    const spoke: Record<string, number> = { a: 4, b: 0, c: 3, d: 2 };
    const tiles = abc.map((t) => ({
      ...t,
      isLocal: t.key === 'b',
      lastSpoke: t.key === 'f' ? 9 : (spoke[t.key] ?? 0),
      speaking: t.key === 'f',
    }));
    expect(
      stableOrder({ previous: ['a', 'b', 'c', 'd', 'e', 'f'], tiles, pageSize: 4, page: 0 }),
    ).to.deep.equal(['a', 'b', 'c', 'f', 'e', 'd']);
  });

  it('a speaker on the page the user looks at stays there', () => {
    const tiles = abc.map((t) => (t.key === 'e' ? { ...t, speaking: true, lastSpoke: 9 } : t));
    expect(
      stableOrder({ previous: ['a', 'b', 'c', 'd', 'e', 'f'], tiles, pageSize: 4, page: 1 }),
    ).to.deep.equal(['a', 'b', 'c', 'd', 'e', 'f']);
  });

  it('appends newcomers, drops leavers, and is stable when nothing changed', () => {
    const previous = ['c', 'a', 'b'];
    const tiles = [tile('a'), tile('c'), tile('x')];
    const once = stableOrder({ previous, tiles, pageSize: 4, page: 0 });
    expect(once).to.deep.equal(['c', 'a', 'x']);
    expect(stableOrder({ previous: once, tiles, pageSize: 4, page: 0 })).to.deep.equal(once);
  });

  it('does not replace someone who is speaking too', () => {
    const tiles = [
      tile('a', { speaking: true, lastSpoke: 8 }),
      tile('b', { lastSpoke: 7 }),
      tile('c', { speaking: true, lastSpoke: 9 }),
    ];
    expect(stableOrder({ previous: ['a', 'b', 'c'], tiles, pageSize: 2, page: 0 })).to.deep.equal([
      'a',
      'c',
      'b',
    ]);
  });
});
