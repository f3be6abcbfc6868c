import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import type { CaptionsOverlay } from '../../src/components/captions-overlay/captions-overlay.js';
import type { CaptionsToggle } from '../../src/components/captions-toggle/captions-toggle.js';
import type { TranscriptPanel } from '../../src/components/transcript-panel/transcript-panel.js';
import type { TranscriptToggle } from '../../src/components/transcript-toggle/transcript-toggle.js';
import { toPlainText, toWebVTT } from '../../src/components/transcript-panel/transcript-format.js';
import type { TranscriptSegment } from '../../src/store/types.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/captions-overlay/captions-overlay.js';
import '../../src/components/captions-toggle/captions-toggle.js';
import '../../src/components/transcript-panel/transcript-panel.js';
import '../../src/components/transcript-toggle/transcript-toggle.js';
import { emulateMedia, resetMedia, sendKeys } from '../helpers/input.js';
import { callRoot, nextEvent, waitFor } from '../helpers/live.js';
import { deepActive } from '../helpers/focus.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { joinAgent, receiveTranscription } from '../helpers/transcription.js';
import { itIn } from '../engines.js';

const ARABIC = 'مرحبا بالجميع';
const HEBREW = 'שלום לכולם';

async function mount(children: ReturnType<typeof html>) {
  const script = await ScriptedRoom.create(2);
  const [ada, bob] = script.identities as [string, string];
  script.update(ada, { name: 'Ada Lovelace' });
  script.update(bob, { name: 'Bob Kahn' });
  const el = await fixture<MediaRoom>(html`<media-room>${children}</media-room>`);
  el.room = script.room;
  await el.store.settled();
  return { script, el, ada, bob };
}

/** `<media-call>` over a scripted room of `n` once it has a transcription source (its toggles shown). */
async function transcribedCall(n: number, style: string) {
  const script = await ScriptedRoom.create(n);
  const el = await fixture<MediaRoom>(html`<media-room skip-prejoin style=${style}></media-room>`);
  el.room = script.room;
  await waitFor(() => !!callRoot(el)?.querySelector('layout-grid'), 'the call');
  const call = () => callRoot(el)!;
  receiveTranscription(script.room, script.identities[0]!, 'Hello there.', {
    segment: 'h',
    final: true,
  });
  await waitFor(() => !!call().querySelector('captions-toggle'), 'captions toggle');
  return { script, el, call };
}

function segment(over: Partial<TranscriptSegment>): TranscriptSegment {
  return {
    id: 's',
    sender: 'ada',
    speaker: 'ada',
    speakerName: 'Ada',
    isLocal: false,
    text: '',
    final: true,
    startedAt: 0,
    endedAt: 0,
    ...over,
  };
}

// Captions start as the user last left them (remembered): every test here starts with them off.
const CAPTIONS_KEY = 'media-room-elements:captions';
beforeEach(() => localStorage.removeItem(CAPTIONS_KEY));
afterEach(() => localStorage.removeItem(CAPTIONS_KEY));

describe('<captions-overlay>', () => {
  it('shows the last lines with speaker names, the newest at the bottom', async () => {
    const { script, el, ada, bob } = await mount(
      html`<captions-overlay lines="2"></captions-overlay>`,
    );
    const overlay = el.querySelector('captions-overlay')! as CaptionsOverlay;
    const base = () => overlay.shadowRoot!.querySelector<HTMLElement>('[part="base"]')!;
    const lines = () =>
      [...overlay.shadowRoot!.querySelectorAll('[part~="line"]')].map((l) => [
        l.querySelector('[part="speaker"]')!.textContent,
        l.querySelector('[part="text"]')!.textContent,
      ]);
    await overlay.updateComplete;
    expect(base().hidden).to.equal(true, 'no backdrop without captions');
    receiveTranscription(script.room, ada, 'First.', { segment: 'a1', final: true });
    receiveTranscription(script.room, bob, 'Second.', { segment: 'b1', final: true });
    receiveTranscription(script.room, ada, 'Third, so far', { segment: 'a2', final: false });
    await waitFor(() => lines().length === 2 && lines()[1]![1] === 'Third, so far', 'two lines');
    expect(lines()).to.deep.equal([
      ['Bob Kahn', 'Second.'],
      ['Ada Lovelace', 'Third, so far'],
    ]);
    expect(base().hidden).to.equal(false);
    expect(overlay.shadowRoot!.querySelectorAll('[part~="interim"]')).to.have.length(1);
    // Readable over video: light text on a dark backdrop.
    const style = getComputedStyle(base());
    expect(style.color).to.equal('rgb(255, 255, 255)');
    expect(style.backgroundColor).to.equal('rgba(0, 0, 0, 0.8)');
    // The tiles under it keep their pointer.
    expect(getComputedStyle(overlay).pointerEvents).to.equal('none');
    // Checked as read: once the lines have faded in (mid-fade their contrast is lower).
    await Promise.all(overlay.shadowRoot!.getAnimations().map((a) => a.finished));
    await expect(overlay).to.be.accessible();
  });

  it('reads only final segments aloud, once each, not interim updates', async () => {
    const { script, el, ada, bob } = await mount(html``);
    receiveTranscription(script.room, ada, 'Said before.', { segment: 'old', final: true });
    await waitFor(() => el.store.get().transcription.segments.length === 1, 'old');
    // Captions turned on after it was said.
    const overlay = el.appendChild(document.createElement('captions-overlay'));
    await overlay.updateComplete;
    expect(overlay.shadowRoot!.querySelectorAll('[part~="line"]')).to.have.length(1);
    const live = () => overlay.shadowRoot!.querySelector<HTMLElement>('[aria-live="polite"]')!;
    const said = () => [...live().querySelectorAll('p')].map((p) => p.textContent);
    expect(
      overlay.shadowRoot!.querySelector('[part="base"]')!.getAttribute('aria-hidden'),
    ).to.equal('true');
    expect(said()).to.deep.equal([], 'what was final before is not read');

    for (const text of ['Good', 'Good mor', 'Good morning']) {
      receiveTranscription(script.room, ada, text, { segment: 'a', final: false });
      await waitFor(() => el.store.get().transcription.segments.at(-1)?.text === text, text);
      await overlay.updateComplete;
      expect(said()).to.deep.equal([], `interim "${text}" is not read`);
    }
    receiveTranscription(script.room, ada, 'Good morning, all.', { segment: 'a', final: true });
    await waitFor(() => said().length === 1, 'the final one is read');
    expect(said()).to.deep.equal(['Ada Lovelace: Good morning, all.']);
    receiveTranscription(script.room, bob, HEBREW, { segment: 'b', final: true });
    await waitFor(() => said().length === 2, 'the next final one');
    expect(said()[1]).to.equal(`Bob Kahn: ${HEBREW}`);
    // Nothing changed: nothing more is read.
    receiveTranscription(script.room, ada, 'Good morning, all.', { segment: 'a', final: true });
    await el.store.settled();
    await overlay.updateComplete;
    expect(said()).to.have.length(2);
  });

  it('isolates right-to-left text (dir=auto) in a left-to-right page', async () => {
    const { script, el, ada } = await mount(html`<captions-overlay></captions-overlay>`);
    const overlay = el.querySelector('captions-overlay')! as CaptionsOverlay;
    receiveTranscription(script.room, ada, ARABIC, { segment: 'ar', final: true });
    const text = () => overlay.shadowRoot!.querySelector<HTMLElement>('[part="text"]');
    await waitFor(() => text()?.textContent === ARABIC, 'arabic');
    expect(text()!.getAttribute('dir')).to.equal('auto');
    expect(text()!.matches(':dir(rtl)')).to.equal(true);
    expect(overlay.shadowRoot!.querySelector('[part="speaker"]')!.getAttribute('dir')).to.equal(
      'auto',
    );
  });

  itIn('does not animate new lines with prefers-reduced-motion: reduce', async () => {
    await emulateMedia({ reducedMotion: 'reduce' });
    try {
      const { script, el, ada } = await mount(html`<captions-overlay></captions-overlay>`);
      const overlay = el.querySelector('captions-overlay')! as CaptionsOverlay;
      receiveTranscription(script.room, ada, 'Still.', { segment: 's', final: true });
      const line = () => overlay.shadowRoot!.querySelector<HTMLElement>('[part~="line"]');
      await waitFor(() => !!line(), 'a line');
      expect(getComputedStyle(line()!).animationName).to.equal('none');
    } finally {
      await resetMedia({ reducedMotion: 'no-preference' });
    }
  });

  it('animates new lines with no preference (the check above can fail)', async () => {
    const { script, el, ada } = await mount(html`<captions-overlay></captions-overlay>`);
    const overlay = el.querySelector('captions-overlay')! as CaptionsOverlay;
    receiveTranscription(script.room, ada, 'Moving.', { segment: 's', final: true });
    const line = () => overlay.shadowRoot!.querySelector<HTMLElement>('[part~="line"]');
    await waitFor(() => !!line(), 'a line');
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) {
      expect(getComputedStyle(line()!).animationName).to.equal('caption-in');
    }
  });

  it('stops following the store once removed (teardown)', async () => {
    const { script, el, ada } = await mount(html`<captions-overlay></captions-overlay>`);
    const overlay = el.querySelector('captions-overlay')! as CaptionsOverlay;
    await overlay.updateComplete;
    overlay.remove();
    let updates = 0;
    const update = overlay.requestUpdate.bind(overlay);
    overlay.requestUpdate = (...args: Parameters<typeof update>) => {
      updates += 1;
      update(...args);
    };
    receiveTranscription(script.room, ada, 'After removal.', { segment: 'r', final: true });
    await waitFor(() => el.store.get().transcription.segments.length === 1, 'received');
    expect(updates).to.equal(0);
  });
});

describe('<captions-toggle> and <transcript-toggle>', () => {
  it('presses with the keyboard, fires a cancelable event, and hints while nobody transcribes', async () => {
    const { script, el } = await mount(
      html`<captions-toggle></captions-toggle><transcript-toggle></transcript-toggle>`,
    );
    const toggle = el.querySelector('captions-toggle')! as CaptionsToggle;
    await toggle.updateComplete;
    const button = () => toggle.shadowRoot!.querySelector('button')!;
    expect(button().getAttribute('aria-pressed')).to.equal('false');
    expect(toggle.available).to.equal(false);
    expect(toggle.matches(':state(unavailable)')).to.equal(true);
    expect(button().getAttribute('aria-describedby')).to.equal('hint');
    expect(toggle.shadowRoot!.getElementById('hint')!.textContent).to.equal(
      'Nobody is transcribing this call yet.',
    );
    await expect(toggle).to.be.accessible();

    button().focus();
    const on = nextEvent(toggle, 'captions-toggle');
    await sendKeys({ press: 'Enter' });
    expect((await on).open).to.equal(true);
    await toggle.updateComplete;
    expect(button().getAttribute('aria-pressed')).to.equal('true');

    toggle.addEventListener('captions-toggle', (e) => e.preventDefault(), { once: true });
    await sendKeys({ press: ' ' });
    await toggle.updateComplete;
    expect(toggle.pressed).to.equal(true, 'cancelled: stays pressed');

    joinAgent(script.room, 'agent');
    await waitFor(() => toggle.available, 'an agent joined');
    await toggle.updateComplete;
    expect(button().hasAttribute('aria-describedby')).to.equal(false);
    expect(toggle.matches(':state(unavailable)')).to.equal(false);

    const transcript = el.querySelector('transcript-toggle')! as TranscriptToggle;
    await transcript.updateComplete;
    const opened = nextEvent(transcript, 'transcript-toggle');
    transcript.shadowRoot!.querySelector('button')!.click();
    expect((await opened).open).to.equal(true);
    await transcript.updateComplete;
    expect(transcript.shadowRoot!.querySelector('button')!.getAttribute('aria-pressed')).to.equal(
      'true',
    );
    await expect(transcript).to.be.accessible();
  });
});

describe('transcript formats', () => {
  const segments = [
    segment({
      id: '1',
      speakerName: 'Ada',
      text: 'Hello <everyone> & welcome',
      startedAt: 1_000,
      endedAt: 3_500,
    }),
    segment({
      id: '2',
      speakerName: 'Bob <B>',
      text: 'Hi\nthere',
      startedAt: 4_000,
      endedAt: 4_000,
    }),
    segment({
      id: '3',
      speakerName: 'Dana',
      text: ARABIC,
      startedAt: 3_727_250,
      endedAt: 3_730_000,
    }),
  ];

  it('writes WebVTT exactly: header, numbered cues, timings from the first, escaped voices', () => {
    expect(toWebVTT(segments)).to.equal(
      [
        'WEBVTT',
        '',
        '1',
        '00:00:00.000 --> 00:00:02.500',
        '<v Ada>Hello &lt;everyone&gt; &amp; welcome',
        '',
        '2',
        '00:00:03.000 --> 00:00:04.000',
        '<v Bob &lt;B&gt;>Hi there',
        '',
        '3',
        '01:02:06.250 --> 01:02:09.000',
        `<v Dana>${ARABIC}`,
        '',
      ].join('\n'),
    );
    expect(toWebVTT(segments, 0).split('\n')[3]).to.equal('00:00:01.000 --> 00:00:03.500');
    expect(toWebVTT([])).to.equal('WEBVTT\n');
  });

  it('writes plain text a line per segment', () => {
    expect(toPlainText(segments)).to.equal(
      [
        '[00:00:00] Ada: Hello <everyone> & welcome',
        '[00:00:03] Bob <B>: Hi there',
        `[01:02:06] Dana: ${ARABIC}`,
        '',
      ].join('\n'),
    );
  });
});

describe('<transcript-panel>', () => {
  async function mountPanel() {
    const mounted = await mount(html`<transcript-panel style="height: 400px"></transcript-panel>`);
    const panel = mounted.el.querySelector('transcript-panel')! as TranscriptPanel;
    await panel.updateComplete;
    const root = panel.shadowRoot!;
    const shown = () =>
      [...root.querySelectorAll('[part~="segment"]')].map((s) => [
        s.querySelector('[part="speaker"]')!.textContent,
        s.querySelector('[part="text"]')!.textContent,
      ]);
    const { script, ada, bob } = mounted;
    receiveTranscription(script.room, ada, 'Welcome to the review.', {
      segment: 'a1',
      final: true,
    });
    receiveTranscription(script.room, bob, 'Thanks, the café numbers are in.', {
      segment: 'b1',
      final: true,
    });
    receiveTranscription(script.room, ada, ARABIC, { segment: 'a2', final: true });
    receiveTranscription(script.room, bob, 'Still talk', { segment: 'b2', final: false });
    await waitFor(() => shown().length === 4, 'four segments');
    return { ...mounted, panel, root, shown };
  }

  it('lists the segments in order with speaker and time, interim ones marked', async () => {
    const { root, shown, panel } = await mountPanel();
    expect(shown()).to.deep.equal([
      ['Ada Lovelace', 'Welcome to the review.'],
      ['Bob Kahn', 'Thanks, the café numbers are in.'],
      ['Ada Lovelace', ARABIC],
      ['Bob Kahn', 'Still talk'],
    ]);
    const time = root.querySelector('time')!;
    expect(Number.isNaN(Date.parse(time.getAttribute('datetime')!))).to.equal(false);
    expect(root.querySelectorAll('[part~="interim"]')).to.have.length(1);
    expect(root.querySelectorAll('[part="text"][dir="auto"]')).to.have.length(4);
    await expect(panel).to.be.accessible();
  });

  it('filters by text or speaker, ignoring case and accents, and says how many match', async () => {
    const { panel, root, shown } = await mountPanel();
    panel.focus();
    expect(deepActive()).to.equal(root.querySelector('[part="filter"]'));
    await sendKeys({ type: 'CAFE' });
    await waitFor(() => shown().length === 1, 'one match');
    expect(shown()[0]![1]).to.equal('Thanks, the café numbers are in.');
    expect(root.querySelector('[part="status"]')!.textContent!.trim()).to.equal('1 of 4 segments');
    const input = root.querySelector<HTMLInputElement>('[part="filter"]')!;
    input.value = '';
    await sendKeys({ type: 'ada' });
    await waitFor(() => shown().length === 2, 'by speaker');
    input.value = '';
    await sendKeys({ type: 'zzz' });
    await waitFor(() => shown().length === 0, 'none');
    expect(root.querySelector('[part="empty"]')!.textContent!.trim()).to.equal(
      'Nothing in the transcript matches.',
    );
    await expect(panel).to.be.accessible();

    // Escape clears the field first, then asks to close the panel.
    let closes = 0;
    panel.addEventListener('panel-close', () => (closes += 1));
    await sendKeys({ press: 'Escape' });
    await waitFor(() => shown().length === 4, 'cleared');
    expect(closes).to.equal(0);
    await sendKeys({ press: 'Escape' });
    expect(closes).to.equal(1);
  });

  it('copies the whole transcript as plain text, and says so; a refusal is shown', async () => {
    const { panel, root } = await mountPanel();
    const clipboard = navigator.clipboard;
    let written: string | undefined;
    const fake = { writeText: async (text: string) => void (written = text) };
    Object.defineProperty(navigator, 'clipboard', { value: fake, configurable: true });
    try {
      root.querySelector<HTMLButtonElement>('[part="copy"]')!.click();
      await waitFor(() => written !== undefined, 'copied');
      expect(written).to.equal(panel.toPlainText());
      expect(written!.split('\n')[0]).to.match(
        /^\[00:00:00\] Ada Lovelace: Welcome to the review\.$/,
      );
      await panel.updateComplete;
      expect(root.querySelector('[part="status"]')!.textContent!.trim()).to.equal(
        'Transcript copied.',
      );
      fake.writeText = async () => {
        throw new DOMException('denied', 'NotAllowedError');
      };
      expect(await panel.copy()).to.equal(false);
      await panel.updateComplete;
      const status = root.querySelector('[part="status"]')!;
      expect(status.classList.contains('error')).to.equal(true);
      expect(status.textContent!.trim()).to.equal(
        'Could not copy: the browser did not allow the clipboard.',
      );
    } finally {
      Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    }
  });

  it('downloads WebVTT and text through an object URL, revoked afterwards', async () => {
    const { panel, root } = await mountPanel();
    const create = URL.createObjectURL;
    const revoke = URL.revokeObjectURL;
    const made: { url: string; blob: Blob }[] = [];
    const revoked: string[] = [];
    const clicked: { href: string; download: string }[] = [];
    URL.createObjectURL = (blob: Blob) => {
      const url = create(blob as Blob);
      made.push({ url, blob: blob as Blob });
      return url;
    };
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    // The test keeps the browser from saving files: it cancels the link's click.
    const stop = (e: Event) => {
      const a = e.composedPath()[0];
      if (a instanceof HTMLAnchorElement) {
        clicked.push({ href: a.href, download: a.download });
        e.preventDefault();
      }
    };
    root.addEventListener('click', stop, true);
    try {
      root.querySelector<HTMLButtonElement>('[part="download-vtt"]')!.click();
      root.querySelector<HTMLButtonElement>('[part="download-text"]')!.click();
      await waitFor(() => revoked.length === 2, 'both revoked');
      expect(made.map((m) => m.url)).to.deep.equal(revoked);
      expect(clicked.map((c) => c.href)).to.deep.equal(revoked);
      expect(clicked[0]!.download).to.match(/^transcript(-[\p{L}\p{N}_-]+)?\.vtt$/u);
      expect(clicked[1]!.download).to.match(/\.txt$/);
      expect(made[0]!.blob.type).to.equal('text/vtt;charset=utf-8');
      const vtt = await made[0]!.blob.text();
      expect(vtt).to.equal(panel.toWebVTT());
      expect(vtt.startsWith('WEBVTT\n\n1\n00:00:00.000 --> ')).to.equal(true);
      expect(vtt).to.contain('<v Ada Lovelace>Welcome to the review.');
      expect(vtt).to.contain(`<v Ada Lovelace>${ARABIC}`);
      expect(await made[1]!.blob.text()).to.equal(panel.toPlainText());
      expect(root.querySelector('a')).to.equal(null, 'the link is gone');
    } finally {
      URL.createObjectURL = create;
      URL.revokeObjectURL = revoke;
      root.removeEventListener('click', stop, true);
    }
  });
});

describe('<transcript-panel> teardown', () => {
  it('revokes a download URL not yet revoked when removed, and stops following the store', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(
      html`<media-room><transcript-panel></transcript-panel></media-room>`,
    );
    el.room = script.room;
    const panel = el.querySelector('transcript-panel')! as TranscriptPanel;
    receiveTranscription(script.room, script.identities[0]!, 'One.', { segment: '1', final: true });
    await waitFor(() => el.store.get().transcription.segments.length === 1, 'one');
    await panel.updateComplete;
    const revoke = URL.revokeObjectURL;
    const revoked: string[] = [];
    URL.revokeObjectURL = (url: string) => {
      revoked.push(url);
      revoke(url);
    };
    const stop = (e: Event) =>
      e.composedPath()[0] instanceof HTMLAnchorElement && e.preventDefault();
    panel.shadowRoot!.addEventListener('click', stop, true);
    try {
      panel.download('txt');
      panel.remove();
      expect(revoked).to.have.length(1, 'revoked on removal');
      let updates = 0;
      const update = panel.requestUpdate.bind(panel);
      panel.requestUpdate = (...args: Parameters<typeof update>) => {
        updates += 1;
        update(...args);
      };
      receiveTranscription(script.room, script.identities[0]!, 'Two.', {
        segment: '2',
        final: true,
      });
      await waitFor(() => el.store.get().transcription.segments.length === 2, 'two');
      expect(updates).to.equal(0);
      // The timer that would have revoked it again is gone too.
      await new Promise((r) => setTimeout(r, 0));
      expect(revoked).to.have.length(1);
    } finally {
      URL.revokeObjectURL = revoke;
    }
  });
});

describe('captions in <media-call>', () => {
  it('shows the toggles once there is a source; captions over the tiles, transcript as a panel', async () => {
    const script = await ScriptedRoom.create(1);
    const el = await fixture<MediaRoom>(
      html`<media-room skip-prejoin style="height: 40rem; width: 70rem"></media-room>`,
    );
    el.room = script.room;
    await waitFor(() => !!callRoot(el)?.querySelector('layout-grid'), 'the call');
    const call = () => callRoot(el)!;
    expect(call().querySelector('captions-toggle')).to.equal(null, 'no source: no toggle');
    expect(call().querySelector('transcript-toggle')).to.equal(null);

    receiveTranscription(script.room, script.identities[0]!, 'Hello there.', {
      segment: 'h',
      final: true,
    });
    await waitFor(() => !!call().querySelector('captions-toggle'), 'captions toggle');
    expect(call().querySelector('captions-overlay')).to.equal(null, 'captions start off');
    const cc = call().querySelector('captions-toggle')! as CaptionsToggle;
    await cc.updateComplete;
    cc.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !!call().querySelector('captions-overlay'), 'overlay shown');
    const overlay = call().querySelector('captions-overlay')! as CaptionsOverlay;
    await overlay.updateComplete;
    // Over the bottom of the tiles.
    const grid = call().querySelector('layout-grid')!.getBoundingClientRect();
    const box = overlay.getBoundingClientRect();
    expect(box.bottom).to.be.at.most(grid.bottom + 1);
    expect(box.top).to.be.greaterThan(grid.top + grid.height / 2);

    const tt = call().querySelector('transcript-toggle')! as TranscriptToggle;
    await tt.updateComplete;
    tt.focus();
    await sendKeys({ press: 'Enter' });
    const panel = call().querySelector('transcript-panel')! as TranscriptPanel;
    await waitFor(
      () => !panel.hidden && deepActive() === panel.shadowRoot!.querySelector('[part="filter"]'),
      'opened, focus in the search',
    );
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await waitFor(() => panel.hidden, 'closed');
    await waitFor(() => deepActive() === tt.shadowRoot!.querySelector('button'), 'focus back');

    cc.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !call().querySelector('captions-overlay'), 'overlay hidden');
  });

  it('remembers captions on for the next call, and off again', async () => {
    const key = 'media-room-elements:captions';
    localStorage.removeItem(key);
    const call = async () => {
      const { el, call: root } = await transcribedCall(1, 'height: 40rem; width: 70rem');
      const toggle = root().querySelector('captions-toggle')! as CaptionsToggle;
      await toggle.updateComplete;
      return { el, root, toggle };
    };
    try {
      const first = await call();
      expect(first.toggle.pressed, 'off by default').to.equal(false);
      first.toggle.shadowRoot!.querySelector('button')!.click();
      await waitFor(() => !!first.root().querySelector('captions-overlay'), 'overlay shown');
      first.el.remove();

      const second = await call();
      expect(second.toggle.pressed, 'on again in the next call').to.equal(true);
      expect(second.root().querySelector('captions-overlay')).to.not.equal(null);
      second.toggle.shadowRoot!.querySelector('button')!.click();
      await waitFor(() => !second.root().querySelector('captions-overlay'), 'overlay hidden');
      second.el.remove();

      const third = await call();
      expect(third.toggle.pressed, 'off is remembered too').to.equal(false);
      expect(localStorage.getItem(key)).to.equal('false');
    } finally {
      localStorage.removeItem(key);
    }
  });
});

describe('captions in <media-call> on a phone', () => {
  it('keeps the transcript button behind "More" (one row of controls); closing gives focus to "More"', async () => {
    const { script, call } = await transcribedCall(1, 'height: 640px; width: 360px');
    await waitFor(() => !!call().querySelector('transcript-toggle'), 'transcript toggle');
    const tt = call().querySelector('transcript-toggle')! as TranscriptToggle;
    const menu = call().querySelector<HTMLElement>('[part="more-menu"]')!;
    expect(menu.contains(tt), 'behind More').to.equal(true);
    const more = call().querySelector<HTMLElement>('[part="more"]')!;
    const bar = call().querySelector('control-bar')!;
    const tops = new Set(
      [...bar.children]
        .filter((c) => c.getAttribute('slot') === 'end' && c.getBoundingClientRect().width > 0)
        .map((c) => Math.round(c.getBoundingClientRect().top)),
    );
    expect([...tops].length, 'the bar is one row').to.equal(1);

    more.click();
    await waitFor(() => !menu.hidden, 'More open');
    await tt.updateComplete;
    tt.shadowRoot!.querySelector('button')!.click();
    const panel = call().querySelector('transcript-panel')! as TranscriptPanel;
    await waitFor(
      () => !panel.hidden && deepActive() === panel.shadowRoot!.querySelector('[part="filter"]'),
      'opened, focus in the search',
    );
    await sendKeys({ press: 'Escape' });
    await waitFor(() => panel.hidden, 'closed');
    // "More" still open: its transcript button takes the focus back.
    const ttButton = tt.shadowRoot!.querySelector('button')!;
    await waitFor(() => deepActive() === ttButton, 'focus back on the button');

    // Opened from the focused button, the focus leaves "More", which closes.
    ttButton.click();
    await waitFor(() => !panel.hidden, 'opened again');
    await waitFor(() => menu.hidden, 'More closed as the focus left it');
    await sendKeys({ press: 'Escape' });
    await waitFor(() => panel.hidden, 'closed again');
    await waitFor(() => deepActive() === more, 'the button hidden: focus on More');
    await script.room.disconnect();
  });
});

describe('captions over several pages of tiles', () => {
  it('stay above the pager, which stays in view', async () => {
    const { script, call } = await transcribedCall(7, 'height: 640px; width: 360px');
    const cc = call().querySelector('captions-toggle')! as CaptionsToggle;
    await cc.updateComplete;
    cc.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !!call().querySelector('captions-overlay'), 'overlay shown');
    const grid = call().querySelector('layout-grid')!;
    const pager = () => grid.shadowRoot!.querySelector<HTMLElement>('[part="pager"]');
    await waitFor(() => !!pager() && !pager()!.hidden, 'several pages');
    const overlay = call().querySelector('captions-overlay')! as CaptionsOverlay;
    await waitFor(
      () => overlay.getBoundingClientRect().bottom <= pager()!.getBoundingClientRect().top + 1,
      'the captions end above the pager',
    );
    await script.room.disconnect();
  });
});
