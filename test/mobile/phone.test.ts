// The default UI on a phone: run in Chromium and Firefox, each emulating one (a touch screen as the
// only pointer, so `(pointer: coarse)` matches; real touch input), by
// web-test-runner.mobile.config.mjs (`npm run test:mobile`).
import { expect, fixture, html } from '@open-wc/testing';
import { setViewport } from '@web/test-runner-commands';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { LayoutGrid } from '../../src/components/layout-grid/layout-grid.js';
import { HAND_ATTRIBUTE } from '../../src/store/attributes.js';
import { waitFor, waitForValue, watchForUncaught } from '../helpers/live.js';
import { receiveText } from '../helpers/text-stream.js';
import { sendKeys, swipe as swipeBy } from '../helpers/input.js';
import { mountCall, overflowing, phonePage, tiles, type Call } from './call-page.js';

const VIEWPORTS: Array<[number, number]> = [
  [390, 844],
  [844, 390],
  [360, 640],
  [640, 360],
  // The narrowest phone still sold: six 44-px controls on one row.
  [320, 568],
];

/** Every element of `root` and the shadow roots below it that matches `selector`. */
function deepAll(root: Document | ShadowRoot, selector: string): HTMLElement[] {
  const out = [...root.querySelectorAll<HTMLElement>(selector)];
  for (const el of root.querySelectorAll('*'))
    if (el.shadowRoot) out.push(...deepAll(el.shadowRoot, selector));
  return out;
}

const shown = (el: Element) => el.checkVisibility() && el.getBoundingClientRect().width > 0;

/** What a finger can act on: controls, fields, links and other tab stops. */
const INTERACTIVE =
  'button, input, select, textarea, a[href], [tabindex]:not([tabindex="-1"]), [role="slider"]';

/**
 * The visible controls of the call, through every shadow root: not the links inside a chat
 * message's text (inline links are exempt, as in WCAG 2.5.8) nor the scrolling chat log itself.
 */
function targets(root: ShadowRoot): HTMLElement[] {
  return deepAll(root, INTERACTIVE).filter(
    (t) => shown(t) && !t.closest('[part="text"]') && t.getAttribute('part') !== 'log',
  );
}

function grid(call: Call): LayoutGrid {
  return call.root.querySelector('layout-grid')!;
}

/** Waits until the grid has measured itself and shows a settled page of tiles. */
async function settled(call: Call): Promise<void> {
  const el = grid(call);
  await waitFor(
    () =>
      !!el.shadowRoot
        ?.querySelector<HTMLElement>('[part="grid"]')
        ?.style.getPropertyValue('--_tile-w'),
    'the grid is measured',
  );
  await el.updateComplete;
}

function noOverflow(): void {
  expect(document.documentElement.scrollWidth).to.be.at.most(innerWidth);
  expect(overflowing(), 'elements outside the viewport').to.deep.equal([]);
}

describe('<media-call> on a phone', () => {
  let uncaught: ReturnType<typeof watchForUncaught>;
  beforeEach(() => (uncaught = watchForUncaught()));
  afterEach(() => {
    uncaught.stop();
    expect(uncaught.seen).to.deep.equal([]);
  });

  it('the emulated phone has a touch screen as its only pointer', () => {
    expect(matchMedia('(pointer: coarse)').matches).to.equal(true);
    expect(matchMedia('(any-pointer: fine)').matches).to.equal(false);
    expect(matchMedia('(hover: none)').matches).to.equal(true);
    expect(typeof TouchEvent).to.equal('function');
    expect('ontouchstart' in window).to.equal(true);
    expect(navigator.maxTouchPoints).to.be.at.least(1);
  });

  for (const [width, height] of VIEWPORTS) {
    it(`at ${width}×${height}: 2–4 tiles a page, a strip of 3 beside a share, one row of controls, nothing overflows`, async () => {
      const call = await mountCall({ width, height, remotes: 7 });
      await settled(call);
      const count = tiles(call.root).length;
      expect(count).to.be.within(2, 4);
      expect(grid(call).shadowRoot!.querySelector('[part="page-status"]')!.textContent).to.contain(
        `of ${Math.ceil(8 / count)}`,
      );
      // The bar's controls stand in one row.
      const bar = call.root.querySelector('control-bar')!;
      const controls = [
        ...deepAll(bar.shadowRoot!, 'track-toggle, leave-button'),
        ...[...bar.children].filter((c) => shown(c)),
      ] as HTMLElement[];
      const middles = controls.map((c) => {
        const r = c.getBoundingClientRect();
        return (r.top + r.bottom) / 2;
      });
      expect(Math.max(...middles) - Math.min(...middles), 'one row').to.be.at.most(4);
      noOverflow();
      await call.script.room.disconnect();

      const shared = await mountCall({ width, height, remotes: 7, share: true });
      await settled(shared);
      const strip = grid(shared).shadowRoot!.querySelectorAll('[part="grid"] participant-tile');
      expect(strip.length, 'tiles in the strip').to.be.at.least(3);
      expect(grid(shared).shadowRoot!.querySelector('[part="main"] participant-tile')).to.not.equal(
        null,
      );
      noOverflow();
      await shared.script.room.disconnect();
    });
  }

  it('a touch swipe on the tiles turns the page, and the grid lets the browser pan only vertically', async () => {
    const call = await mountCall({ width: 390, height: 844, remotes: 7 });
    await settled(call);
    const area = grid(call).shadowRoot!.querySelector<HTMLElement>('[part="grid"]')!;
    expect(getComputedStyle(area).touchAction).to.equal('pan-y');
    const first = tiles(call.root).map((t) => t.getAttribute('identity'));
    const box = area.getBoundingClientRect();
    const y = box.top + box.height / 2;
    // The browser's own touch input (trusted touch and pointer events, panning included).
    const swipe = (from: number, to: number) => swipeBy({ x: from, y }, { x: to, y });
    const moves: string[] = [];
    const onMove = (e: PointerEvent) => {
      if (e.isTrusted) moves.push(e.pointerType);
    };
    area.addEventListener('pointermove', onMove);
    await swipe(box.right - 40, box.left + 60);
    await waitFor(() => grid(call).page === 2, 'a swipe to the left shows the next page');
    await grid(call).updateComplete;
    const second = tiles(call.root).map((t) => t.getAttribute('identity'));
    expect(second).to.not.deep.equal(first);
    expect(moves, 'trusted touch moves reached the grid').to.include('touch');
    await swipe(box.left + 60, box.right - 40);
    await waitFor(() => grid(call).page === 1, 'a swipe to the right goes back');
    area.removeEventListener('pointermove', onMove);
    await call.script.room.disconnect();
  });

  it('panels open as full-height sheets with a heading and a close button that gives focus back', async () => {
    const call = await mountCall({ width: 390, height: 844, remotes: 4 });
    const { root } = call;
    const toggle = root.querySelector('chat-toggle')!;
    toggle.shadowRoot!.querySelector('button')!.click();
    const sheet = await waitForValue(
      () =>
        root
          .querySelector<HTMLElement>('[part="panel"]:not([hidden]) chat-panel')
          ?.closest<HTMLElement>('.sheet'),
      'the chat sheet opens',
    );
    expect(sheet.querySelector('[part="panel-heading"]')!.textContent).to.equal('Chat');
    const close = sheet.querySelector<HTMLButtonElement>('[part="panel-close"]')!;
    expect(close.getAttribute('aria-label')).to.equal('Close Chat');
    // As tall and wide as the stage above the control bar.
    const stage = root.querySelector('.stage')!.getBoundingClientRect();
    const bar = root.querySelector('control-bar')!.getBoundingClientRect();
    const box = sheet.getBoundingClientRect();
    expect(box.width).to.be.closeTo(stage.width, 1);
    expect(box.top).to.be.closeTo(stage.top, 1);
    expect(bar.top - box.bottom).to.be.within(0, 12);
    noOverflow();
    await expect(root.host).to.be.accessible();
    close.click();
    await waitFor(() => sheet.hidden, 'the close button closes the sheet');
    await waitFor(() => root.activeElement === toggle, 'focus goes back to the chat button');
    await call.script.room.disconnect();
  });

  for (const [width, height] of VIEWPORTS) {
    it(`at ${width}×${height}: each sheet holds all its controls inside it (none cut off)`, async () => {
      const call = await mountCall({ width, height, remotes: 4 });
      const { root } = call;
      for (const [toggle, panel] of [
        ['chat-toggle', 'chat-panel'],
        ['participants-toggle', 'participant-list'],
      ] as const) {
        root.querySelector(toggle)!.shadowRoot!.querySelector('button')!.click();
        const sheet = await waitForValue(
          () => root.querySelector(`${panel}:not([hidden])`)?.closest<HTMLElement>('.sheet'),
          `${panel} opens`,
        );
        await (root.querySelector(panel) as HTMLElement & { updateComplete: Promise<unknown> })
          .updateComplete;
        // Inside the sheet and inside the panel's own box, which clips what it holds.
        const sheetBox = sheet.getBoundingClientRect();
        const panelBox = sheet.querySelector(panel)!.getBoundingClientRect();
        const box = {
          left: Math.max(sheetBox.left, panelBox.left),
          right: Math.min(sheetBox.right, panelBox.right),
        };
        const inside = deepAll(sheet.querySelector(panel)!.shadowRoot!, INTERACTIVE).filter(
          (t) => shown(t) && t.getAttribute('part') !== 'log',
        );
        expect(inside.length, `${panel}: controls`).to.be.at.least(2);
        const cut = inside
          .map((t) => [t.getAttribute('part') ?? t.localName, t.getBoundingClientRect()] as const)
          .filter(([, r]) => r.left < box.left - 0.5 || r.right > box.right + 0.5)
          .map(([name, r]) => `${name}: ${r.left}–${r.right} in ${box.left}–${box.right}`);
        expect(cut, `${panel}: cut off`).to.deep.equal([]);
        // Nor squeezed: each button's label fits in it.
        const squeezed = inside
          .filter((t) => t.localName === 'button')
          .map((t) => {
            const range = document.createRange();
            range.selectNodeContents(t);
            // The content box: the border box less padding and border.
            const box = t.getBoundingClientRect();
            const css = getComputedStyle(t);
            const side = (edge: 'left' | 'right') =>
              parseFloat(css.getPropertyValue(`padding-${edge}`)) +
              parseFloat(css.getPropertyValue(`border-${edge}-width`));
            const r = {
              left: box.left + side('left'),
              right: box.right - side('right'),
              width: box.width,
            };
            return [t, range.getBoundingClientRect(), r] as const;
          })
          .filter(([, text, r]) => text.left < r.left - 0.5 || text.right > r.right + 0.5)
          .map(([t, text, r]) => `${t.getAttribute('part')}: ${text.width} in ${r.width}`);
        expect(squeezed, `${panel}: squeezed`).to.deep.equal([]);
      }
      await call.script.room.disconnect();
    });
  }

  it('every control of the call is a target of at least 44 × 44 px: bar, More, tiles, pages, and both sheets with all they hold', async () => {
    const call = await mountCall({ width: 360, height: 640, remotes: 7 });
    await settled(call);
    const { root, el, script } = call;
    const [a, b, c] = script.identities as [string, string, string];
    const seen = new Set<string>();
    /** Measures every visible control now; returns those smaller than 44 × 44. */
    const small = () =>
      targets(root).flatMap((t) => {
        const box = t.getBoundingClientRect();
        const name = `${t.localName}[${t.getAttribute('part') ?? ''}] ${t.getAttribute('aria-label') ?? t.textContent?.trim() ?? ''}`;
        seen.add(t.getAttribute('part') ?? t.localName);
        return box.width < 44 || box.height < 44 ? [`${name}: ${box.width}×${box.height}`] : [];
      });

    // The tiles (pin buttons), the page buttons, the bar and the More group.
    root.querySelector<HTMLElement>('[part="more"]')!.click();
    await waitFor(() => !root.querySelector<HTMLElement>('[part="more-menu"]')!.hidden, 'More');
    expect(small(), 'tiles, pages, bar and More').to.deep.equal([]);
    for (const part of ['pin-button', 'previous', 'next', 'more', 'base'])
      expect(seen, part).to.include(part);

    // The participants sheet of a moderator: search, volumes, actions, a removal to confirm.
    el.session.setModerator(async () => {});
    script.makeModerator();
    script.publishTrack(a, 'microphone');
    script.setAttributes(b, { [HAND_ATTRIBUTE]: '2026-11-22T10:00:01.000Z' });
    root.querySelector('participants-toggle')!.shadowRoot!.querySelector('button')!.click();
    const list = await waitForValue(
      () => root.querySelector('participant-list:not([hidden])')?.shadowRoot,
      'the list opens',
    );
    await waitFor(() => !!list.querySelector('[part~="lower-hand"]'), 'moderator actions');
    list
      .querySelector<HTMLElement>(`[part~="item"][data-identity="${c}"] [part~="remove"]`)
      ?.click();
    await waitFor(() => !!list.querySelector('[part~="confirm"]'), 'a removal to confirm');
    expect(small(), 'the participants sheet').to.deep.equal([]);
    for (const part of [
      'filter',
      'mute',
      'lower-hand',
      'remove',
      'confirm',
      'cancel',
      'panel-close',
    ])
      expect(seen, part).to.include(part);

    // The chat sheet: a long message folded (Show more), new messages below, the field and Send.
    root.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
    const chat = await waitForValue(
      () => root.querySelector('chat-panel:not([hidden])')?.shadowRoot,
      'the chat opens',
    );
    receiveText(script.room, a, 'Wilhelmina Montgomery '.repeat(200));
    for (let i = 0; i < 20; i += 1) receiveText(script.room, a, `message ${i}`);
    await waitFor(() => !!chat.querySelector('[part="show-more"]'), 'Show more');
    // Scrolled back to the start, a new message is announced by a button.
    const log = chat.querySelector<HTMLElement>('[part="log"]')!;
    const scrolled = new Promise((resolve) =>
      log.addEventListener('scroll', resolve, { once: true }),
    );
    log.scrollTop = 0;
    await scrolled;
    receiveText(script.room, b, 'one more');
    await waitFor(() => !!chat.querySelector('[part="new-messages"]'), 'New messages');
    const input = chat.querySelector<HTMLTextAreaElement>('[part="input"]')!;
    input.value = 'hello';
    input.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    expect(small(), 'the chat sheet').to.deep.equal([]);
    for (const part of ['show-more', 'new-messages', 'input', 'send'])
      expect(seen, part).to.include(part);
    await call.script.room.disconnect();
  });

  it('the control bar keeps its extras behind a labelled "More" button, operable from the keyboard', async () => {
    const call = await mountCall({ width: 390, height: 844, remotes: 2 });
    const { root } = call;
    const more = root.querySelector<HTMLButtonElement>('[part="more"]')!;
    const menu = root.querySelector<HTMLElement>('[part="more-menu"]')!;
    expect(more.getAttribute('aria-label')).to.equal('More');
    expect(more.getAttribute('aria-expanded')).to.equal('false');
    expect(menu.hidden).to.equal(true);
    for (const part of ['reactions', 'hand-raise', 'deafen', 'screen-share', 'microphone-picker'])
      expect(menu.querySelector(`[part="${part}"]`), part).to.not.equal(null);
    more.focus();
    await sendKeys({ press: 'Enter' });
    await waitFor(() => !menu.hidden, 'Enter shows the group');
    expect(more.getAttribute('aria-expanded')).to.equal('true');
    expect(menu.getAttribute('aria-label')).to.equal('More controls');
    noOverflow();
    // On screen, just above the bar.
    const box = menu.getBoundingClientRect();
    const bar = root.querySelector('control-bar')!.getBoundingClientRect();
    expect(box.top, 'the group is on screen').to.be.at.least(0);
    expect(bar.top - box.bottom, 'right above the bar').to.be.within(0, 12);
    await expect(root.host).to.be.accessible();
    await sendKeys({ press: 'Tab' });
    expect(menu.contains(root.activeElement), 'Tab goes into the group').to.equal(true);
    await sendKeys({ press: 'Escape' });
    await waitFor(() => menu.hidden, 'Escape hides it');
    expect(root.activeElement === more, 'focus back on More').to.equal(true);
    // A press outside hides it too.
    more.click();
    await waitFor(() => !menu.hidden, 'shown again');
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    await waitFor(() => menu.hidden, 'a press outside hides it');
    await call.script.room.disconnect();
  });

  it('in the More group the device pickers are labelled entries, "Microphone ›" and "Camera ›", in the page language', async () => {
    const call = await mountCall({ width: 360, height: 640, remotes: 1 });
    const { root } = call;
    root.querySelector<HTMLElement>('[part="more"]')!.click();
    const menu = root.querySelector<HTMLElement>('[part="more-menu"]')!;
    await waitFor(() => !menu.hidden, 'More');
    const button = (part: string) =>
      root.querySelector(`[part="${part}"]`)!.shadowRoot!.querySelector<HTMLElement>('button')!;
    const entry = (part: string) => {
      const b = button(part);
      const label = b.querySelector<HTMLElement>('[part="label"]');
      const icon = b.querySelector<HTMLElement>('[part="icon"]');
      return { b, label: label!, icon: icon!, text: label?.textContent?.trim() ?? '' };
    };
    const names: Record<string, [string, string]> = {
      en: ['Microphone', 'Camera'],
      de: ['Mikrofon', 'Kamera'],
      fr: ['Micro', 'Caméra'],
      es: ['Micrófono', 'Cámara'],
      ja: ['マイク', 'カメラ'],
      ar: ['الميكروفون', 'الكاميرا'],
    };
    for (const [lang, [microphone, camera]] of Object.entries(names)) {
      call.el.lang = lang;
      await waitFor(
        () =>
          entry('microphone-picker').text === microphone && entry('camera-picker').text === camera,
        `${lang}: the pickers' labels`,
      );
      for (const part of ['microphone-picker', 'camera-picker']) {
        const { b, label, icon, text } = entry(part);
        expect(shown(label) && shown(icon), `${lang} ${part}: icon and label shown`).to.equal(true);
        // The visible label is part of the accessible name ("Choose camera").
        expect(b.getAttribute('aria-label')!.toLowerCase()).to.contain(text.toLowerCase());
        // An entry as wide as the others of its column, the label at its start.
        const box = b.getBoundingClientRect();
        expect(box.width).to.be.closeTo(button('reactions').getBoundingClientRect().width, 1);
        const start =
          lang === 'ar'
            ? box.right - icon.getBoundingClientRect().right
            : icon.getBoundingClientRect().left - box.left;
        expect(start, `${lang} ${part}: the icon at the start`).to.be.below(24);
      }
    }
    call.el.lang = 'en';
    await waitFor(() => entry('camera-picker').text === 'Camera', 'en again');
    await expect(root.host).to.be.accessible();
    // The entry opens the camera menu.
    button('camera-picker').click();
    await waitFor(
      () =>
        !!root.querySelector('[part="camera-picker"]')!.shadowRoot!.querySelector('[role="menu"]'),
      'the camera menu',
    );
    await call.script.room.disconnect();
  });

  it('without getDisplayMedia (as on phones) screen sharing is not offered: not in the More group, the bar or alone', async () => {
    const proto = MediaDevices.prototype as { getDisplayMedia?: unknown };
    const original = Object.getOwnPropertyDescriptor(proto, 'getDisplayMedia')!;
    expect(original, 'this browser has getDisplayMedia').to.not.equal(undefined);
    delete proto.getDisplayMedia;
    try {
      expect(navigator.mediaDevices.getDisplayMedia).to.equal(undefined);
      const call = await mountCall({ width: 390, height: 844, remotes: 1 });
      const { root } = call;
      root.querySelector<HTMLElement>('[part="more"]')!.click();
      const menu = root.querySelector<HTMLElement>('[part="more-menu"]')!;
      await waitFor(() => !menu.hidden, 'More');
      expect(menu.querySelector('[part="reactions"]')).to.not.equal(null);
      expect(!!menu.querySelector('screen-share-button'), 'not in More').to.equal(false);
      // Wider than a phone, the control bar itself offers none either.
      await setViewport({ width: 1024, height: 768 });
      await waitFor(() => !root.querySelector('.stage')!.classList.contains('compact'), 'wide');
      const bar = root.querySelector('control-bar')!;
      await bar.updateComplete;
      expect(bar.shadowRoot!.querySelector('[part="camera"]'), 'the bar is full').to.not.equal(
        null,
      );
      expect(!!bar.shadowRoot!.querySelector('screen-share-button'), 'not in the bar').to.equal(
        false,
      );
      await call.script.room.disconnect();
      // On its own, the element shows nothing and says why by its state.
      const lone = await fixture<HTMLElement & { updateComplete: Promise<unknown> }>(
        html`<screen-share-button></screen-share-button>`,
      );
      await lone.updateComplete;
      expect(lone.matches(':state(unsupported)')).to.equal(true);
      expect(!!lone.shadowRoot!.querySelector('button'), 'no button').to.equal(false);
      expect(lone.getBoundingClientRect().width).to.equal(0);
    } finally {
      Object.defineProperty(proto, 'getDisplayMedia', original);
    }
    // With it back, a call offers it again.
    const call = await mountCall({ width: 390, height: 844, remotes: 1 });
    expect(!!call.root.querySelector('[part="more-menu"] screen-share-button')).to.equal(true);
    await call.script.room.disconnect();
  });

  it('the More button and the close button speak the page language', async () => {
    const names: Record<string, [string, string]> = {
      de: ['Mehr', 'Chat schließen'],
      fr: ['Plus', 'Fermer : Discussion'],
      es: ['Más', 'Cerrar: Chat'],
      ja: ['その他', 'チャットを閉じる'],
      ar: ['المزيد', 'إغلاق الدردشة'],
    };
    const call = await mountCall({ width: 390, height: 844, remotes: 1 });
    for (const [lang, [more, close]] of Object.entries(names)) {
      call.el.lang = lang;
      await waitFor(
        () => call.root.querySelector('[part="more"]')?.getAttribute('aria-label') === more,
        `${lang}: More`,
      );
      const button = call.root.querySelector('[part="panel-close"]')!;
      await waitFor(() => button.getAttribute('aria-label') === close, `${lang}: ${close}`);
    }
    await call.script.room.disconnect();
  });

  for (const [width, height] of [
    [360, 640],
    [640, 360],
  ] as const) {
    it(`the pre-join screen fits ${width}×${height} with its Join button in view`, async () => {
      phonePage();
      await setViewport({ width, height });
      await waitFor(() => innerWidth === width, 'the viewport takes its size');
      const el = await fixture<MediaRoom>(
        html`<media-room token-url="/nowhere" style="height: 100dvh"></media-room>`,
      );
      const join = await waitForValue(
        () =>
          el.shadowRoot
            ?.querySelector('media-call')
            ?.shadowRoot?.querySelector('pre-join')
            ?.shadowRoot?.querySelector<HTMLElement>('[part="join"]'),
        'the pre-join screen',
      );
      const box = join.getBoundingClientRect();
      expect(box.bottom).to.be.at.most(innerHeight);
      expect(box.top).to.be.at.least(0);
      expect(box.height).to.be.at.least(44);
      noOverflow();
    });
  }
});
