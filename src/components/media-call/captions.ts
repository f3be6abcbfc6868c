import { html, nothing, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import type { CaptionsToggleEvent, TranscriptToggleEvent } from '../../events/captions-events.js';
import type { PanelCloseEvent } from '../../events/panel-events.js';
import '../captions-overlay/captions-overlay.js';
import '../captions-toggle/captions-toggle.js';
import '../transcript-panel/transcript-panel.js';
import '../transcript-toggle/transcript-toggle.js';
import { sheet } from './parts.js';

/**
 * The captions and transcript parts of `<media-call>`, shown once the room has a transcription
 * source: the captions toggle (among the extras), the overlay over the tiles while captions are
 * on, the transcript toggle (beside the chat toggle) and the transcript's sheet.
 */
export const captionsParts = {
  toggle: (
    on: boolean,
    slot: string | typeof nothing,
    onToggle: (e: CaptionsToggleEvent) => void,
  ): TemplateResult =>
    html`<captions-toggle
      slot=${slot}
      part="captions-toggle"
      .pressed=${on}
      @captions-toggle=${onToggle}
    ></captions-toggle>`,

  overlay: (): TemplateResult => html`<captions-overlay part="captions"></captions-overlay>`,

  transcriptToggle: (
    open: boolean,
    onToggle: (e: TranscriptToggleEvent) => void,
    slot: string | typeof nothing,
  ): TemplateResult =>
    html`<transcript-toggle
      slot=${slot}
      part="transcript-toggle"
      .pressed=${open}
      @transcript-toggle=${onToggle}
    ></transcript-toggle>`,

  transcriptSheet: (
    t: LocalizeController,
    open: boolean,
    onClose: (e: PanelCloseEvent) => void,
  ): TemplateResult =>
    sheet(
      t,
      'transcript',
      t.term('transcript'),
      open,
      onClose,
      html`<transcript-panel part="transcript" ?hidden=${!open}></transcript-panel>`,
    ),
};

export type CaptionsParts = typeof captionsParts;
