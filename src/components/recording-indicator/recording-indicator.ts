import { LitElement, html, nothing, type TemplateResult } from 'lit';
import { LocalizeController } from '../../controllers/localize.js';
import { StoreController } from '../../controllers/store-controller.js';
import { setState } from '../../internal/custom-states.js';
import { define } from '../../internal/define.js';
import type { RoomSnapshot } from '../../store/types.js';
import { styles } from './recording-indicator.styles.js';

const selectRecording = (s: RoomSnapshot) => s.room.isRecording;

/**
 * Says that the room is being recorded, from the room's recording state. Shows nothing while it
 * is not. The text sits in a polite live region that is always present, so starting and stopping
 * a recording are announced to screen readers.
 *
 * @tag recording-indicator
 * @summary "Recording" while the room is recorded.
 *
 * @csspart base - The live region.
 * @csspart dot - The red dot.
 * @csspart label - The text.
 *
 * @cssproperty --recording-indicator-color - Colour of the dot.
 *
 * @cssstate recording - The room is being recorded.
 */
export class RecordingIndicator extends LitElement {
  static override styles = styles;

  readonly #t = new LocalizeController(this);
  readonly #recording = new StoreController(this, selectRecording, { fallback: false });
  readonly #internals: ElementInternals | undefined = this.attachInternals?.();

  /** Whether the room is being recorded. */
  get recording(): boolean {
    return this.#recording.value;
  }

  override render(): TemplateResult {
    const on = this.#recording.value;
    setState(this.#internals, 'recording', on);
    return html`<div part="base" role="status" aria-live="polite">
      ${
        on
          ? html`<span part="dot" aria-hidden="true"></span
              ><span part="label">${this.#t.term('recording')}</span>`
          : nothing
      }
    </div>`;
  }
}

define('recording-indicator', RecordingIndicator);

declare global {
  interface HTMLElementTagNameMap {
    'recording-indicator': RecordingIndicator;
  }
}
