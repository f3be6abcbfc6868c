import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { icons } from '../../internal/icons.js';
import { englishE2ee } from '../../locales/en-e2ee.js';

/**
 * `<media-call>`'s end-to-end encryption, loaded once the call is encrypted (or others' media
 * arrives encrypted): a badge in the control bar while the call is encrypted, and a notice
 * (`role="status"`) telling a page without a key why it sees and hears nothing.
 */
export const encryptionParts = {
  /**
   * The badge (`part="encryption"`, in the control bar's start slot): a lock and its words, the
   * lock alone on a phone (still named).
   */
  badge(t: LocalizeController, compact: boolean): TemplateResult {
    englishE2ee(); // the English words of encryption (not loaded with <media-room>)
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
  },

  /** The notice (`part="encryption-notice"`) for a page without a key in an encrypted call. */
  notice(t: LocalizeController): TemplateResult {
    englishE2ee();
    return html`<p part="encryption-notice" role="status">${t.term('e2eeNoKey')}</p>`;
  },
};
