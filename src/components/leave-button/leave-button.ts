import { LitElement, html, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { LeaveEvent } from '../../events/control-events.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import { icons } from '../../internal/icons.js';
import { styles } from './leave-button.styles.js';

/**
 * Leaves the call through the session of the enclosing `<media-room>` (which also stops a rejoin
 * under way). Fires a cancelable `leave` first.
 * Disabled while not in a room.
 *
 * @tag leave-button
 * @summary A button that leaves the call.
 *
 * @csspart base - The `<button>`.
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 *
 * @cssproperty --leave-button-background - Background of the button.
 * @cssproperty --leave-button-background-hover - Background on hover.
 * @cssproperty --leave-button-color - Text and icon colour.
 *
 * @event leave - Before leaving; cancel it to stay. `LeaveEvent`.
 */
export class LeaveButton extends LitElement {
  static override styles = styles;

  readonly #localize = new LocalizeController(this);
  readonly #inRoom = new StoreController<boolean>(this, (s: RoomSnapshot) => !!s.local, {
    fallback: false,
  });

  override render(): TemplateResult {
    const label = this.#localize.term('leave');
    return html`
      <button part="base" type="button" ?disabled=${!this.#inRoom.value} @click=${this.#leave}>
        <svg part="icon" viewBox="0 0 24 24" aria-hidden="true">${icons.leave}</svg>
        <span part="label">${label}</span>
      </button>
    `;
  }

  /** Leave as a click does (the `leave` event first). */
  async leave(): Promise<void> {
    if (!this.dispatchEvent(new LeaveEvent())) return;
    await this.#inRoom.session?.leave();
  }

  #leave = () => void this.leave();
}

define('leave-button', LeaveButton);

declare global {
  interface HTMLElementTagNameMap {
    'leave-button': LeaveButton;
  }
}
