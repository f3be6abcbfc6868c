import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import type { PipButton } from '../../src/components/pip-button/pip-button.js';
import '../../src/components/pip-button/pip-button.js';
import type { PipChangeEvent } from '../../src/events/pip-events.js';
import { pipSupport, selectPipView } from '../../src/session/pip.js';
import { currentEngine, itIn } from '../engines.js';
import { sendKeys } from '../helpers/input.js';
import { nextEvent, waitFor } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

async function mount(theme: 'dark' | 'light' = 'dark', lang = 'en') {
  const script = await ScriptedRoom.create(2);
  const el = await fixture<MediaRoom>(
    html`<media-room theme=${theme} lang=${lang}><pip-button></pip-button></media-room>`,
  );
  el.room = script.room;
  const button = el.querySelector<PipButton>('pip-button')!;
  const base = () => button.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
  await waitFor(() => !base().disabled, 'enabled in the room');
  return { script, el, button, base };
}

describe('<pip-button> on a scripted room', () => {
  afterEach(() => window.documentPictureInPicture?.window?.close());

  it('is shown only where the browser has picture-in-picture (Document PiP in Chromium and Firefox)', async () => {
    const { script, button } = await mount();
    const expected = { chromium: 'document', firefox: 'document', webkit: pipSupport() }[
      currentEngine()
    ];
    expect(pipSupport()).to.equal(expected);
    expect(button.matches(':state(unsupported)')).to.equal(!pipSupport());
    expect(getComputedStyle(button).display === 'none', 'hidden').to.equal(!pipSupport());
    await script.room.disconnect();
  });

  it('is disabled outside a room, named and described from the locale, and passes axe', async () => {
    const lone = await fixture<PipButton>(html`<pip-button></pip-button>`);
    const loneBase = lone.shadowRoot!.querySelector<HTMLButtonElement>('[part="base"]')!;
    expect(loneBase.disabled).to.equal(true);
    await lone.toggle();
    expect(lone.open).to.equal(false);

    const { script, button, base } = await mount();
    expect(base().getAttribute('aria-label')).to.equal('Picture-in-picture');
    expect(base().title).to.equal('Keep the call in a small window on top of other windows');
    expect(base().getAttribute('aria-pressed')).to.equal('false');
    expect(button.shadowRoot!.querySelector('[part="label"]')!.textContent).to.equal(
      'Picture-in-picture',
    );
    await expect(button).to.be.accessible();
    await script.room.disconnect();
  });

  itIn(
    'opens by keyboard (Space), shows pressed with a focus ring, and closes with the window',
    async () => {
      const { script, el, button, base } = await mount('light', 'ar');
      await waitFor(
        () => base().getAttribute('aria-label') === 'صورة داخل صورة',
        'named in Arabic',
      );
      base().focus();
      expect(getComputedStyle(base()).outlineStyle, 'focus ring').to.not.equal('none');
      const opened = nextEvent(el, 'pip-change');
      await sendKeys({ press: ' ' });
      const open = (await opened) as PipChangeEvent;
      expect([open.open, open.mode]).to.deep.equal([true, 'document']);
      expect(base().getAttribute('aria-pressed')).to.equal('true');
      expect(button.matches(':state(open)')).to.equal(true);
      // Pressed, it takes the accent colour (the light theme's), once its transition is over.
      await waitFor(
        () => getComputedStyle(base()).backgroundColor === 'rgb(29, 78, 216)',
        'the accent background',
      );
      await expect(button).to.be.accessible();
      const win = window.documentPictureInPicture!.window!;
      // The window takes the page's language, direction and theme tokens (light here).
      expect(win.document.documentElement.lang).to.equal('ar');
      expect(win.document.documentElement.dir).to.equal('rtl');
      const root = win.document.querySelector<HTMLElement>('.pip-call')!;
      expect(win.getComputedStyle(root).getPropertyValue('--mr-color-background').trim()).to.equal(
        '#f8fafc',
      );
      const main = win.document.querySelector('participant-tile.main')!;
      expect(
        main.getAttribute('identity') ?? (main as HTMLElement & { identity: string }).identity,
      ).to.be.oneOf(script.identities);

      const closed = nextEvent(el, 'pip-change');
      win.close();
      expect((await closed).open).to.equal(false);
      await waitFor(() => base().getAttribute('aria-pressed') === 'false', 'released');
      expect(button.matches(':state(open)')).to.equal(false);
      await script.room.disconnect();
    },
  );

  it('stops following the session once taken off the page', async () => {
    const { script, el, button, base } = await mount();
    const state = el.session.pictureInPicture.$state;
    const before = state.lc;
    button.remove();
    expect(state.lc, 'its listener is gone').to.equal(before - 1);
    el.append(button);
    await waitFor(() => !base().disabled, 'back in the room');
    expect(state.lc, 'and back once put back').to.equal(before);
    await script.room.disconnect();
  });
});

describe('what picture-in-picture shows large', () => {
  it('the pinned tile, else a remote screen share, else the last remote speaker, else you', async () => {
    const script = await ScriptedRoom.create(3);
    const el = await fixture<MediaRoom>(html`<media-room></media-room>`);
    el.room = script.room;
    await el.store.settled();
    const [a, b, c] = script.identities as [string, string, string];
    const local = script.room.localParticipant.identity;
    const view = () => selectPipView(el.store.get());
    expect(view().main?.identity, 'nobody spoke: the first remote').to.equal(a);
    expect(view().self).to.equal(local);
    script.speakers([b]);
    await el.store.settled();
    expect(view().main).to.deep.equal({ identity: b, source: 'camera' });
    script.publishTrack(c, 'screen_share');
    await el.store.settled();
    expect(view().main).to.deep.equal({ identity: c, source: 'screen_share' });
    const pinned = { identity: a, source: 'camera' } as const;
    expect(selectPipView(el.store.get(), pinned).main).to.deep.equal(pinned);
    // A pinned participant who left no longer counts.
    expect(
      selectPipView(el.store.get(), { identity: 'gone', source: 'camera' }).main?.identity,
    ).to.equal(c);
    await script.room.disconnect();
  });
});
