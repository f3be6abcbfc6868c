import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { property, state } from 'lit/decorators.js';
import { createRef, ref } from 'lit/directives/ref.js';
import { supportsAudioOutputSelection } from 'livekit-client';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { DeviceChangeEvent } from '../../events/control-events.js';
import { define } from '../../internal/define.js';
import { anchorPopover, onPopoverKey } from '../../internal/popover.js';
import type { DeviceKind, DeviceState, RoomSnapshot } from '../../store/types.js';
import { icons } from '../../internal/icons.js';
import { setState } from '../../internal/custom-states.js';
import { styles } from './device-picker.styles.js';
import type { BackgroundMenu } from '../background-picker/background-menu.js';

interface Slice {
  readonly devices: readonly DeviceState[];
  readonly active: string | undefined;
}

const EMPTY: Slice = Object.freeze({ devices: Object.freeze([]), active: undefined });

const chooseKey = {
  audioinput: 'chooseAudioinput',
  videoinput: 'chooseVideoinput',
  audiooutput: 'chooseAudiooutput',
} as const;
/** The visible label with `show-label`: what the device is. */
const labelKey = {
  audioinput: 'microphone',
  videoinput: 'camera',
  audiooutput: 'speaker',
} as const;
const kindIcon = {
  audioinput: icons.micOn,
  videoinput: icons.camOn,
  audiooutput: icons.volume,
} as const;
const unnamedKey = {
  audioinput: 'unnamedAudioinput',
  videoinput: 'unnamedVideoinput',
  audiooutput: 'unnamedAudiooutput',
} as const;

/**
 * Chooses the camera, microphone or speaker the call uses.
 *
 * A button opening a menu (`role="menu"`, one `menuitemradio` per device, the active one
 * checked) of the store's `devices[kind]`; it follows devices being plugged in and out.
 * Choosing one switches the session's device — live, and also while the track is muted or not
 * yet published (the Room then uses it when the source is turned on) — and fires `device-change`.
 *
 * The session remembers the choice in `localStorage` (key `media-room-elements:device:<kind>`)
 * and makes the remembered device the Room's before anything is captured, so the pre-join
 * preview, the published track and this menu all show the same one (no event: the user did not
 * act). The remembered id, when that device is present, is readable as `preferredDeviceId`.
 *
 * For `audiooutput` in a browser that cannot choose a speaker (no `setSinkId`), the menu says so
 * instead of listing devices.
 *
 * By default the button is an arrow beside the matching `<track-toggle>`; `show-label` makes it
 * an entry of its own, as in a menu: the device's icon, its kind as a visible label
 * ("Microphone", "Camera", "Speaker") and an arrow pointing to the menu it opens.
 *
 * Keyboard: Enter, Space or ArrowDown open the menu (ArrowUp opens on the last item); arrows,
 * Home and End move; Enter or Space choose; Escape closes and returns focus to the button; Tab
 * and a click outside close it.
 *
 * @tag device-picker
 * @summary A menu to choose the camera, microphone or speaker.
 *
 * @csspart base - The button opening the menu.
 * @csspart icon - The device's icon (with `show-label`).
 * @csspart label - The visible label (with `show-label`).
 * @csspart menu - The menu (positioned with Floating UI).
 * @csspart item - A device in the menu (also the notice when there is nothing to choose).
 *
 * @cssproperty --device-picker-menu-background - Background of the menu.
 * @cssproperty --device-picker-z-index - Stacking order of the menu (default 10).
 *
 * @cssstate open - The menu is open.
 * @cssstate error - The last switch failed.
 *
 * @event device-change - The user chose a device (`kind`, `deviceId`), before the room switches to it; cancel it to keep the device in use. `DeviceChangeEvent`.
 */
export class DevicePicker extends LitElement {
  static override styles = styles;

  /** Which devices: `audioinput`, `videoinput` or `audiooutput`. */
  @property() kind: DeviceKind = 'audioinput';

  /** Show the device's icon and kind beside the arrow (an entry of a menu, not an arrow alone). */
  @property({ type: Boolean, attribute: 'show-label' }) showLabel = false;

  @state() private open = false;
  @state() private failed = false;

  readonly #localize = new LocalizeController(this);
  readonly #slice = new StoreController<Slice>(this, this.#select(), { fallback: EMPTY });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();
  readonly #button = createRef<HTMLButtonElement>();
  readonly #menu = createRef<HTMLElement>();
  #unanchor: (() => void) | undefined;
  /** The camera menu's background choices, loaded when it first opens. */
  #backgrounds: BackgroundMenu | undefined;
  /** The microphone menu's voice processing, loaded when it first opens. */
  #voice: typeof import('./voice-menu.js') | undefined;

  #select() {
    const kind = this.kind;
    return (s: RoomSnapshot): Slice => ({
      devices: s.devices[kind],
      active: s.activeDevices[kind],
    });
  }

  /** The remembered device for this kind, if it is present now. */
  get preferredDeviceId(): string | undefined {
    const id = this.#slice.session?.devices.get(this.kind);
    return id && this.#slice.value.devices.some((d) => d.deviceId === id) ? id : undefined;
  }

  /** Whether the browser can choose where sound plays (only matters for `audiooutput`). */
  get #unsupported(): boolean {
    return this.kind === 'audiooutput' && !supportsAudioOutputSelection();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#close(false);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('kind')) this.#slice.select(this.#select());
  }

  override render(): TemplateResult {
    const t = this.#localize;
    setState(this.#internals, 'open', this.open);
    setState(this.#internals, 'error', this.failed);
    return html`
      <button
        ${ref(this.#button)}
        part="base"
        type="button"
        class=${this.showLabel ? 'labelled' : ''}
        aria-label=${t.term(chooseKey[this.kind])}
        aria-haspopup="menu"
        aria-expanded=${this.open ? 'true' : 'false'}
        aria-controls=${this.open ? 'menu' : nothing}
        title=${this.failed ? t.termFor(`error:${this.#device}-failed`, 'error:unknown') : nothing}
        ?disabled=${!this.#slice.session}
        @click=${this.#onButtonClick}
        @keydown=${this.#onButtonKeydown}
      >
        ${
          this.showLabel
            ? html`<svg part="icon" viewBox="0 0 24 24" aria-hidden="true">
                  ${kindIcon[this.kind]}
                </svg>
                <span part="label">${t.term(labelKey[this.kind])}</span>`
            : nothing
        }
        <svg class="chevron" viewBox="0 0 24 24" aria-hidden="true">${icons.chevron}</svg>
        ${
          this.failed
            ? html`<svg part="error-mark" viewBox="0 0 24 24" aria-hidden="true">
                ${icons.warning}
              </svg>`
            : nothing
        }
      </button>
      ${this.open ? this.#renderMenu() : nothing}
    `;
  }

  #renderMenu(): TemplateResult {
    const t = this.#localize;
    const { devices, active } = this.#slice.value;
    const checked = this.#checkedId(devices, active);
    const notice = this.#unsupported
      ? t.term('speakerUnsupported')
      : devices.length === 0
        ? t.term('noDevices')
        : '';
    const labelOf = (d: (typeof devices)[number], i: number) =>
      d.label || t.term(unnamedKey[this.kind], i + 1);
    return html`
      <div
        ${ref(this.#menu)}
        id="menu"
        part="menu"
        role="menu"
        aria-label=${t.term(chooseKey[this.kind])}
        @keydown=${this.#onMenuKeydown}
        @click=${this.#onMenuClick}
      >
        ${
          notice
            ? html`<div part="item" role="menuitem" aria-disabled="true" tabindex="-1">
                ${notice}
              </div>`
            : devices.map(
                (d, i) => html`
                  <div
                    part="item"
                    role="menuitemradio"
                    tabindex="-1"
                    aria-checked=${d.deviceId === checked ? 'true' : 'false'}
                    data-device-id=${d.deviceId}
                  >
                    <svg viewBox="0 0 24 24" aria-hidden="true">${icons.check}</svg>
                    <span class="label" dir="auto" title=${labelOf(d, i)}>${labelOf(d, i)}</span>
                  </div>
                `,
              )
        }
        ${this.kind === 'videoinput' ? this.#backgrounds?.render(t) : nothing}
        ${this.kind === 'audioinput' && this.#slice.session ? this.#voice?.voiceItems(t, this.#slice.session) : nothing}
      </div>
    `;
  }

  get #device(): string {
    return this.kind === 'videoinput'
      ? 'camera'
      : this.kind === 'audioinput'
        ? 'microphone'
        : 'media';
  }

  /** The active device, or the browser's default (`default`, else the first) when none is set. */
  #checkedId(devices: readonly DeviceState[], active: string | undefined): string | undefined {
    if (active && devices.some((d) => d.deviceId === active)) return active;
    return devices.find((d) => d.deviceId === 'default')?.deviceId ?? devices[0]?.deviceId;
  }

  #items(): HTMLElement[] {
    return [...(this.#menu.value?.querySelectorAll<HTMLElement>('[part="item"]') ?? [])];
  }

  /** Open the menu and focus the checked item (or the last one with `last`). */
  async show(last = false): Promise<void> {
    if (this.open || !this.#slice.session) return;
    if (this.kind === 'videoinput' && !this.#backgrounds) {
      const { BackgroundMenu } = await import('../background-picker/background-menu.js');
      this.#backgrounds ??= new BackgroundMenu(this);
    }
    if (this.kind === 'audioinput') this.#voice ??= await import('./voice-menu.js');
    this.#slice.session.refreshDevices();
    this.open = true;
    await this.updateComplete;
    const button = this.#button.value;
    const menu = this.#menu.value;
    if (!button || !menu || !this.open) return;
    this.#unanchor = anchorPopover(this, button, menu, 'top-start', () => this.#close(false));
    const items = this.#items();
    const checked = items.find((item) => item.getAttribute('aria-checked') === 'true');
    (last ? items[items.length - 1] : (checked ?? items[0]))?.focus();
  }

  /** Close the menu; `focusButton` returns focus to the button. */
  hide(focusButton = true): void {
    this.#close(focusButton);
  }

  #close(focusButton: boolean): void {
    this.#unanchor?.();
    this.#unanchor = undefined;
    if (!this.open) return;
    this.open = false;
    if (focusButton) this.#button.value?.focus();
  }

  #onButtonClick = () => {
    if (this.open) this.#close(true);
    else void this.show();
  };

  #onButtonKeydown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      void this.show(event.key === 'ArrowUp');
    }
  };

  #onMenuKeydown = (event: KeyboardEvent) =>
    onPopoverKey(event, {
      items: this.#items(),
      active: this.shadowRoot?.activeElement,
      close: (focusButton) => this.#close(focusButton),
      choose: (item) => this.#chooseItem(item),
    });

  #onMenuClick = (event: Event) => {
    const item = (event.target as Element).closest<HTMLElement>('[part="item"]');
    if (item) this.#chooseItem(item);
  };

  #chooseItem(item: HTMLElement): void {
    const background = item.dataset['background'];
    if (background) {
      this.#close(true);
      this.#backgrounds?.choose(background, this.#localize);
      return;
    }
    const session = this.#slice.session;
    const voice = this.#voice;
    if (
      session &&
      voice?.chooseVoiceItem(item, this.#localize, session, this, () => this.#button.value)
    )
      return;
    const id = item.dataset['deviceId'];
    if (!id) return;
    this.#close(true);
    void this.choose(id);
  }

  /**
   * Switch to `deviceId` as choosing it in the menu does: fires `device-change` first (cancel it
   * to keep the device in use), then switches and remembers it.
   */
  async choose(deviceId: string): Promise<void> {
    const session = this.#slice.session;
    if (!session) return;
    const kind = this.kind;
    if (!this.dispatchEvent(new DeviceChangeEvent(kind, deviceId))) return;
    try {
      await session.chooseDevice(kind, deviceId);
    } catch {
      this.failed = true;
      return;
    }
    this.failed = false;
  }
}

define('device-picker', DevicePicker);

declare global {
  interface HTMLElementTagNameMap {
    'device-picker': DevicePicker;
  }
}
