import { LitElement, html, nothing, svg, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { define } from '../../internal/define.js';
import { selectConnectionQuality } from '../../store/selectors.js';
import type { ConnectionQualityName } from '../../store/types.js';
import { styles } from './connection-quality.styles.js';

const QUALITIES: readonly ConnectionQualityName[] = [
  'excellent',
  'good',
  'poor',
  'lost',
  'unknown',
];

/** How many of the three bars each quality lights. */
const LIT: Record<ConnectionQualityName, number> = {
  excellent: 3,
  good: 2,
  poor: 1,
  lost: 0,
  unknown: 0,
};

/**
 * A participant's connection quality as signal bars, as the SFU reports it.
 *
 * Bound by `identity` to a participant in the room store of the enclosing `<media-room>`; it
 * re-renders only when that participant's connection quality changes. The bars are an image with
 * a localized label ("Connection: good").
 *
 * @tag connection-quality
 * @summary Signal bars for a participant's connection quality.
 *
 * @csspart base - The image wrapper (`role="img"`, labelled).
 * @csspart bars - The `<svg>` of the bars.
 * @csspart bar - Each of the three bars.
 * @csspart bar-on - The bars lit for the current quality (with `bar`).
 * @csspart lost-mark - The cross drawn over the bars when the connection is lost.
 *
 * @cssproperty --connection-quality-size - Width and height of the bars (default 1rem).
 * @cssproperty --connection-quality-good-color - Lit bars when the quality is excellent or good.
 * @cssproperty --connection-quality-poor-color - Lit bar when the quality is poor.
 * @cssproperty --connection-quality-lost-color - The cross when the connection is lost.
 * @cssproperty --connection-quality-off-color - Unlit bars.
 *
 * @cssstate excellent - The connection is excellent.
 * @cssstate good - The connection is good.
 * @cssstate poor - The connection is poor.
 * @cssstate lost - The connection is lost.
 * @cssstate unknown - The SFU has not reported a quality (yet), or there is no such participant.
 */
export class ConnectionQuality extends LitElement {
  static override styles = styles;

  /** Identity of the participant whose connection to show. */
  @property() identity = '';

  readonly #localize = new LocalizeController(this);
  readonly #quality = new StoreController<ConnectionQualityName>(
    this,
    selectConnectionQuality(this.identity),
    { fallback: 'unknown' },
  );
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** The quality shown (`unknown` without a store or participant). */
  get quality(): ConnectionQualityName {
    return this.#quality.value;
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('identity')) this.#quality.select(selectConnectionQuality(this.identity));
  }

  override render(): TemplateResult {
    const t = this.#localize;
    const quality = this.#quality.value;
    const states = this.#internals?.states;
    for (const q of QUALITIES) {
      if (q === quality) states?.add(q);
      else states?.delete(q);
    }
    const lit = LIT[quality];
    const label = t.term('connectionQuality', t.term(`quality:${quality}`));
    return html`
      <span part="base" role="img" aria-label=${label} title=${label}>
        <svg part="bars" viewBox="0 0 16 16" aria-hidden="true">
          ${[0, 1, 2].map(
            (i) =>
              svg`<rect part=${i < lit ? 'bar bar-on' : 'bar'} x=${1 + i * 5} y=${10 - i * 4} width="4" height=${5 + i * 4} rx="1"></rect>`,
          )}
          ${
            quality === 'lost'
              ? svg`<path part="lost-mark" d="M9 1l6 6M15 1l-6 6" fill="none" stroke-width="2" stroke-linecap="round"></path>`
              : nothing
          }
        </svg>
      </span>
    `;
  }
}

define('connection-quality', ConnectionQuality);

declare global {
  interface HTMLElementTagNameMap {
    'connection-quality': ConnectionQuality;
  }
}
