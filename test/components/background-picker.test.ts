import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/components/media-room/media-room.js';
import '../../src/components/background-picker/background-picker.js';
import '../../src/components/device-picker/device-picker.js';
import type { BackgroundPicker } from '../../src/components/background-picker/background-picker.js';
import type { BackgroundChangeEvent } from '../../src/events/background-events.js';
import { BACKGROUND_KEY } from '../../src/session/background.js';
import { backgroundSupport } from '../../src/session/background-effects.js';
import { sendKeys } from '../helpers/input.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

const KEY = `media-room-elements:${BACKGROUND_KEY}`;
const key = (k: string) => sendKeys({ press: k });

async function mount(inner = html`<background-picker></background-picker>`) {
  const script = await ScriptedRoom.create(0);
  const el = await fixture<MediaRoom>(html`<media-room>${inner}</media-room>`);
  el.room = script.room;
  return { script, el };
}

function radios(picker: BackgroundPicker): HTMLElement[] {
  return [...picker.shadowRoot!.querySelectorAll<HTMLElement>('[role="radio"]')];
}

const checked = (picker: BackgroundPicker) =>
  radios(picker).find((r) => r.getAttribute('aria-checked') === 'true')?.dataset['key'];

describe('<background-picker> on a scripted room', () => {
  afterEach(() => localStorage.removeItem(KEY));

  it('lists none, blur and our four images, none checked, the checked one the only tab stop', async () => {
    const { script, el } = await mount();
    const picker = el.querySelector('background-picker')!;
    await waitFor(() => radios(picker).length === 6, 'six choices');
    expect(radios(picker).map((r) => r.dataset['key'])).to.deep.equal([
      'off',
      'blur',
      'image:dusk',
      'image:ocean',
      'image:forest',
      'image:studio',
    ]);
    expect(radios(picker).map((r) => r.getAttribute('aria-label'))).to.deep.equal([
      'None',
      'Blur',
      'Dusk',
      'Ocean',
      'Hills',
      'Studio wall',
    ]);
    expect(checked(picker)).to.equal('off');
    expect(
      radios(picker)
        .filter((r) => r.tabIndex === 0)
        .map((r) => r.dataset['key']),
    ).to.deep.equal(['off']);
    // Thumbnails come from the package's own assets.
    const img = picker.shadowRoot!.querySelector<HTMLImageElement>('[part="thumbnail"]')!;
    expect(new URL(img.src).origin).to.equal(location.origin);
    expect(img.src).to.match(/\/assets\/backgrounds\/dusk-thumb\.png$/);
    await script.room.disconnect();
  });

  itIn(
    'arrows, Home and End choose (firing background-change first); the choice is remembered',
    async () => {
      const { script, el } = await mount();
      const picker = el.querySelector('background-picker')!;
      await waitFor(() => radios(picker).length === 6, 'six choices');
      const events: BackgroundChangeEvent[] = [];
      el.addEventListener('background-change', (e) => events.push(e));
      radios(picker)[0]!.focus();
      await key('ArrowRight');
      await waitFor(() => checked(picker) === 'blur', 'blur chosen');
      expect(events.map((e) => e.choice)).to.deep.equal([{ type: 'blur' }]);
      expect(picker.shadowRoot!.activeElement?.getAttribute('data-key')).to.equal('blur');
      expect(el.session.background.$state.get().choice).to.deep.equal({ type: 'blur' });
      expect(JSON.parse(localStorage.getItem(KEY)!)).to.deep.equal({ type: 'blur' });
      await key('End');
      await waitFor(() => checked(picker) === 'image:studio', 'the last image chosen');
      await key('ArrowDown');
      await waitFor(() => checked(picker) === 'off', 'wraps to none');
      await key('Home');
      expect(checked(picker)).to.equal('off');
      // Cancelled: the effect in use stays.
      el.addEventListener('background-change', (e) => e.preventDefault(), { once: true });
      await key('ArrowLeft');
      expect(el.session.background.$state.get().choice).to.deep.equal({ type: 'off' });
      await script.room.disconnect();
    },
  );

  itIn('follows right-to-left: ArrowLeft goes forward', async () => {
    const { script, el } = await mount(html`<background-picker dir="rtl"></background-picker>`);
    const picker = el.querySelector('background-picker')!;
    await waitFor(() => radios(picker).length === 6, 'six choices');
    radios(picker)[0]!.focus();
    await key('ArrowLeft');
    await waitFor(() => checked(picker) === 'blur', 'blur chosen');
    await script.room.disconnect();
  });

  it('shows a remembered choice checked', async () => {
    localStorage.setItem(KEY, JSON.stringify({ type: 'image', id: 'ocean' }));
    const { script, el } = await mount();
    const picker = el.querySelector('background-picker')!;
    await waitFor(() => checked(picker) === 'image:ocean', 'the remembered image checked');
    await script.room.disconnect();
  });

  it('without WebGL 2: every choice disabled and the reason said, choosing does nothing', async () => {
    const original = HTMLCanvasElement.prototype.getContext;
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, ...args) {
      return args[0] === 'webgl2' ? null : (original.apply(this, args as never) as never);
    } as typeof original;
    try {
      expect(backgroundSupport(true)).to.equal('no-webgl');
      const { script, el } = await mount();
      const picker = el.querySelector('background-picker')!;
      await waitFor(() => radios(picker).length === 6, 'six choices');
      for (const r of radios(picker)) expect(r.getAttribute('aria-disabled')).to.equal('true');
      const status = picker.shadowRoot!.querySelector('[part="status"]')!;
      expect(status.textContent).to.equal(
        'Background effects need WebGL 2, which this browser does not offer.',
      );
      const group = picker.shadowRoot!.querySelector('[role="radiogroup"]')!;
      expect(group.getAttribute('aria-describedby')).to.equal(status.id);
      radios(picker)[1]!.click();
      await picker.updateComplete;
      expect(checked(picker)).to.equal('off');
      expect(el.session.background.$state.get().choice).to.deep.equal({ type: 'off' });
      await expect(picker).to.be.accessible();
      await script.room.disconnect();
    } finally {
      HTMLCanvasElement.prototype.getContext = original;
      backgroundSupport(true);
    }
  });

  itIn(
    'where background effects cannot run (no WebGL 2 here), every choice is disabled and the reason is said',
    async () => {
      const reason = backgroundSupport();
      expect(reason, 'this browser cannot process the camera').to.equal('no-webgl');
      const { script, el } = await mount();
      const picker = el.querySelector('background-picker')!;
      await waitFor(() => radios(picker).length === 6, 'six choices');
      for (const r of radios(picker)) expect(r.getAttribute('aria-disabled')).to.equal('true');
      expect(picker.shadowRoot!.querySelector('[part="status"]')!.textContent).to.equal(
        'Background effects need WebGL 2, which this browser does not offer.',
      );
      radios(picker)[0]!.focus();
      await key('ArrowRight');
      expect(el.session.background.$state.get().choice, 'nothing chosen').to.deep.equal({
        type: 'off',
      });
      await script.room.disconnect();
    },
  );

  it('stops following the session when removed', async () => {
    const { script, el } = await mount();
    const picker = el.querySelector('background-picker')!;
    await waitFor(() => radios(picker).length === 6, 'six choices');
    const $state = el.session.background.$state as unknown as { lc: number };
    expect($state.lc).to.equal(1);
    picker.remove();
    expect($state.lc).to.equal(0);
    el.append(picker);
    await waitFor(() => $state.lc === 1, 'follows again');
    await script.room.disconnect();
  });
});

describe('the camera menu’s background choices', () => {
  afterEach(() => localStorage.removeItem(KEY));

  itIn('follow the cameras as menu items; arrows reach them and Enter chooses', async () => {
    const { script, el } = await mount(html`<device-picker kind="videoinput"></device-picker>`);
    el.store.refreshDevices();
    const menu = el.querySelector('device-picker')!;
    await waitFor(() => !menu.shadowRoot!.querySelector('button')!.disabled, 'a store');
    await menu.show();
    const items = () => [...menu.shadowRoot!.querySelectorAll<HTMLElement>('[part="item"]')];
    await waitFor(
      () => items().filter((i) => i.dataset['background']).length === 6,
      'the six choices',
    );
    const backgrounds = items().filter((i) => i.dataset['background']);
    expect(backgrounds.map((i) => i.getAttribute('role'))).to.deep.equal(
      Array(6).fill('menuitemradio'),
    );
    expect(backgrounds[0]!.getAttribute('aria-checked')).to.equal('true');
    const group = menu.shadowRoot!.querySelector('[role="group"]')!;
    expect(group.getAttribute('aria-label')).to.equal('Background');
    // From the last item (End), one up is the last image; Home… the first camera.
    await key('End');
    expect(menu.shadowRoot!.activeElement?.getAttribute('data-background')).to.equal(
      'image:studio',
    );
    await key('ArrowUp');
    await key('Enter');
    await waitFor(
      () =>
        JSON.stringify(el.session.background.$state.get().choice) ===
        JSON.stringify({ type: 'image', id: 'forest' }),
      'the image chosen',
    );
    expect(menu.shadowRoot!.querySelector('[role="menu"]'), 'the menu closed').to.equal(null);
    await script.room.disconnect();
  });
});
