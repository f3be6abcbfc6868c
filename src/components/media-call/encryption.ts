import { html, nothing, type ReactiveControllerHost, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { icons } from '../../internal/icons.js';
import { shallowEqual } from '../../store/equality.js';
import { selectMissingKey } from '../../store/encryption.js';
import type { RoomSnapshot } from '../../store/types.js';
import { englishE2ee } from '../../locales/en-e2ee.js';

englishE2ee(); // the English words of encryption (not loaded with <media-room>)

interface View {
  /** Your media is end-to-end encrypted. */
  on: boolean;
  /** Others' media arrives encrypted and this page has no key. */
  missing: boolean;
}

const select = (s: RoomSnapshot): View => ({
  on: s.encryption.enabled,
  missing: selectMissingKey(s),
});

/**
 * `<media-call>`'s end-to-end encryption: a badge in the control bar while the call is encrypted,
 * and a notice (`role="status"`) telling a page without a key why it sees and hears nothing.
 */
export class EncryptionView {
  readonly #view: StoreController<View>;

  constructor(host: ReactiveControllerHost & HTMLElement) {
    this.#view = new StoreController(host, select, {
      fallback: { on: false, missing: false },
      equals: shallowEqual,
    });
  }

  /**
   * The badge (`part="encryption"`, in the control bar's start slot), while encrypted: a lock and
   * its words, the lock alone on a phone (still named).
   */
  badge(t: LocalizeController, compact: boolean): TemplateResult | typeof nothing {
    if (!this.#view.value.on) return nothing;
    const text = t.term('e2eeBadge');
    return html`<span
      slot="start"
      part="encryption"
      class="e2ee"
      role="img"
      aria-label=${text}
      title=${text}
      ><svg viewBox="0 0 24 24" aria-hidden="true">${icons.lock}</svg
      >${compact ? nothing : html`<span aria-hidden="true">${text}</span>`}</span
    >`;
  }

  /** The notice (`part="encryption-notice"`) for a page without a key in an encrypted call. */
  notice(t: LocalizeController): TemplateResult | typeof nothing {
    if (!this.#view.value.missing) return nothing;
    return html`<p part="encryption-notice" role="status">${t.term('e2eeNoKey')}</p>`;
  }
}
