/**
 * Webinar scale: what one room event costs with 100 and with 1000 participants (5 of them
 * publishing a camera and a microphone, the rest viewers), and the participant list at that size.
 * Page bench/pages/webinar.html; a fresh page per mode, size and run.
 *
 * Method:
 * - The room is a `ScriptedRoom` (test/helpers/scripted-room.ts): a real livekit-client Room fed
 *   the SFU's protocol messages, no server. Events: a viewer joins, a viewer leaves (the one who
 *   joined last batch), the active speaker changes (the next publisher), a viewer raises a hand
 *   (an attribute change through a participant update; past 10 hands up, the oldest is lowered in
 *   the same event), a chat message arrives (a real `lk.chat` text stream).
 * - livekit-client alone: the Room and nothing else (what it spends itself on each event).
 * - Store: a `RoomStore` with the store's own selectors subscribed (remotes, counts, raised hands,
 *   speakers, chat, each publisher's state and speaking flag): the event handled, committed, and
 *   every subscriber told; livekit-client's own time (the row above) subtracted.
 * - UI: `<media-room type="webinar">`'s default UI, 1280×720, with the participant list open:
 *   livekit-client, the store, every Lit update (a macrotask) and a forced style and layout.
 * - Each figure is main-thread ms per event (the DevTools Performance domain's task time, thread
 *   clock, so other processes on a loaded machine weigh little), over batches of events applied
 *   one at a time and settled each time; a no-op batch (the same settling, no event) is
 *   subtracted. The median over the batches of a run, then the median over runs. Ratios are
 *   N=1000 over N=100 of the same run set (target ≤ 2).
 * - Participant list at N (main-thread ms, once per page, the median over runs): open (the toggle
 *   clicked → its rows rendered and laid out, and the frame after), search (a query naming a
 *   viewer near the end → only that row shown), scroll (to the end → the last participant's row
 *   rendered). Target: open ≤ 50 ms at 1000.
 */
import type { Browser } from 'playwright';
import { mainThreadMs, median, perfSession } from './harness.js';
import type { EventKind, Mode, WebinarBench } from './pages/webinar.js';

export const WEBINAR_SIZES = [100, 1000];
const EVENTS: Exclude<EventKind, 'noop'>[] = ['join', 'leave', 'speaker', 'hand', 'chat'];
const LABELS: Record<Exclude<EventKind, 'noop'>, string> = {
  join: 'join',
  leave: 'leave',
  speaker: 'active-speaker change',
  hand: 'hand raise',
  chat: 'chat message',
};

export interface WebinarRow {
  /** `store` or `ui`, and the event (or `list open`, `list search`, `list scroll`). */
  mode: Mode;
  what: string;
  /** ms by participant count. */
  ms: Record<number, number>;
  /** ms at the largest size over ms at the smallest. */
  ratio: number;
}

export interface WebinarOptions {
  browser: Browser;
  baseUrl: string;
  smoke: boolean;
  runs: number;
  sizes?: number[];
  log?: (line: string) => void;
}

type Window = { webinarBench: WebinarBench };

interface Run {
  events: Record<string, number>;
  list: Record<string, number>;
}

async function runOnce(
  browser: Browser,
  baseUrl: string,
  mode: Mode,
  n: number,
  batches: number,
  size: number,
): Promise<Run> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
  try {
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(String(e)));
    for (let attempt = 1; ; attempt++) {
      const response = await page.goto(`${baseUrl}/webinar.html`).catch(() => null);
      if (response?.ok()) break;
      if (attempt === 20) throw new Error('webinar.html could not be loaded');
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
    await page.waitForFunction(() => 'webinarBench' in window);
    const cdp = await perfSession(page);
    /** Main-thread ms that `work` took. */
    const timed = async <T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> => {
      const before = await mainThreadMs(cdp);
      const value = await work();
      return { ms: (await mainThreadMs(cdp)) - before, value };
    };
    await page.evaluate(
      ([m, count]) => (window as unknown as Window).webinarBench.setup(m, count),
      [mode, n] as const,
    );
    const list: Record<string, number> = {};
    if (mode === 'ui') {
      const open = await timed(() =>
        page.evaluate(() => (window as unknown as Window).webinarBench.openList()),
      );
      if (!(open.value.rows > 0)) throw new Error(`ui ${n}: the list rendered no rows`);
      list['list open'] = open.ms;
      const search = await timed(() =>
        page.evaluate(() => (window as unknown as Window).webinarBench.search()),
      );
      if (!search.value.found) throw new Error(`ui ${n}: the search did not find the participant`);
      list['list search'] = search.ms;
      const scroll = await timed(() =>
        page.evaluate(() => (window as unknown as Window).webinarBench.scrollToEnd()),
      );
      if (!scroll.value.found) throw new Error(`ui ${n}: scrolled to the end, no last row`);
      list['list scroll'] = scroll.ms;
    }
    const batch = async (kind: EventKind) => {
      const { ms } = await timed(() =>
        page.evaluate(([k, count]) => (window as unknown as Window).webinarBench.batch(k, count), [
          kind,
          size,
        ] as const),
      );
      return ms / size;
    };
    // Warm up every kind once, then interleave the kinds batch by batch (load moves evenly).
    for (const kind of EVENTS) await batch(kind);
    await batch('leave');
    const samples: Record<string, number[]> = { noop: [] };
    for (const kind of EVENTS) samples[kind] = [];
    for (let b = 0; b < batches; b++) {
      samples.noop!.push(await batch('noop'));
      for (const kind of EVENTS) samples[kind]!.push(await batch(kind));
    }
    const base = median(samples.noop!);
    const events: Record<string, number> = {};
    for (const kind of EVENTS) events[LABELS[kind]] = Math.max(0, median(samples[kind]!) - base);
    if (failures.length) throw new Error(`${mode} ${n}: page errors: ${failures.join('; ')}`);
    return { events, list };
  } finally {
    await page.close();
  }
}

/** Every mode and size `runs` times (a fresh page each); medians over runs. */
export async function webinarCost(opts: WebinarOptions): Promise<WebinarRow[]> {
  const { browser, baseUrl, smoke } = opts;
  const sizes = opts.sizes ?? (smoke ? [10, 20] : WEBINAR_SIZES);
  const runs = smoke ? 1 : opts.runs;
  const batches = smoke ? 2 : 15;
  const size = smoke ? 2 : 20;
  const log = opts.log ?? (() => {});
  const medians = new Map<string, Record<number, number>>();
  const key = (mode: Mode, what: string) => `${mode}\u0000${what}`;
  const whats: string[] = [];
  for (const mode of ['room', 'store', 'ui'] as Mode[]) {
    const byWhat = new Map<string, Map<number, number[]>>();
    for (let run = 0; run < runs; run++) {
      // Alternate which size goes first.
      const order = run % 2 ? [...sizes].reverse() : sizes;
      for (const n of order) {
        const started = Date.now();
        const r = await runOnce(browser, baseUrl, mode, n, batches, size);
        for (const [what, ms] of Object.entries({ ...r.events, ...r.list })) {
          let perSize = byWhat.get(what);
          if (!perSize) byWhat.set(what, (perSize = new Map()));
          perSize.set(n, [...(perSize.get(n) ?? []), ms]);
        }
        log(`${mode} N=${n} run ${run + 1}/${runs} in ${Date.now() - started} ms`);
      }
    }
    for (const [what, perSize] of byWhat) {
      if (!whats.includes(what)) whats.push(what);
      const ms: Record<number, number> = {};
      for (const n of sizes) ms[n] = median(perSize.get(n) ?? []);
      medians.set(key(mode, what), ms);
    }
  }
  const rows: WebinarRow[] = [];
  const row = (mode: Mode, what: string, ms: Record<number, number>) => {
    const small = ms[sizes[0]!]!;
    const large = ms[sizes[sizes.length - 1]!]!;
    rows.push({ mode, what, ms, ratio: small > 0 ? large / small : Number.NaN });
  };
  for (const mode of ['room', 'store', 'ui'] as Mode[]) {
    for (const what of whats) {
      const ms = medians.get(key(mode, what));
      if (!ms) continue;
      const alone = medians.get(key('room', what));
      // The store's own share: livekit-client's time taken out.
      if (mode === 'store' && alone) {
        const own: Record<number, number> = {};
        for (const n of sizes) own[n] = Math.max(0, ms[n]! - alone[n]!);
        row(mode, what, own);
      } else row(mode, what, ms);
    }
  }
  return rows;
}

const MODES: Record<Mode, string> = {
  room: 'livekit-client alone',
  store: 'store',
  ui: 'default UI',
};

/** The markdown table: event | N=100 | N=1000 | ratio, store rows then UI rows. */
export function webinarTable(rows: WebinarRow[]): string {
  const sizes = Object.keys(rows[0]?.ms ?? {}).map(Number);
  const ms = (v: number) => (v < 1 ? v.toFixed(3) : v.toFixed(2));
  return [
    `| event | ${sizes.map((n) => `N=${n} (ms)`).join(' | ')} | ratio |`,
    `|---|${sizes.map(() => '---:').join('|')}|---:|`,
    ...rows.map(
      (r) =>
        `| ${MODES[r.mode]}: ${r.what} | ` +
        `${sizes.map((n) => ms(r.ms[n]!)).join(' | ')} | ${r.ratio.toFixed(2)} |`,
    ),
  ].join('\n');
}
