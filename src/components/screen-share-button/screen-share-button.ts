import { property } from 'lit/decorators.js';
import { define } from '../../internal/define.js';
import { TrackToggle, type ToggleSource } from '../track-toggle/track-toggle.js';

/**
 * Starts and stops sharing the screen: a `<track-toggle>` fixed to `source="screen_share"`.
 *
 * A `<button>` with `aria-pressed`; `aria-busy` and `aria-disabled` (keeping focus, ignoring
 * clicks) while the browser's picker is open. Closing the picker without choosing (the browser's
 * `NotAllowedError`) is not an error: the button just stays off. Other failures show a warning
 * mark and a localized message as the title. When the grant forbids screen sharing the button is
 * disabled, says why in its title and description, and the `forbidden` state is set. Where the
 * browser cannot capture a screen at all (no `navigator.mediaDevices.getDisplayMedia`, as on
 * phones) it shows nothing and the `unsupported` state is set.
 *
 * @tag screen-share-button
 * @summary A button that starts and stops screen sharing.
 *
 * @csspart base - The `<button>`.
 * @csspart icon - The icon.
 * @csspart label - The visible label (hide it for an icon-only button; the name stays).
 * @csspart error-mark - The warning mark shown in the error state.
 *
 * @cssproperty --screen-share-button-on-background - Background while sharing.
 *
 * @cssstate on - The screen is being shared.
 * @cssstate pending - Starting or stopping is in flight (the picker may be open).
 * @cssstate error - Sharing could not be started.
 * @cssstate forbidden - The participant may not share the screen.
 * @cssstate unsupported - The browser cannot capture a screen (no `getDisplayMedia`): nothing is shown.
 *
 * @event track-toggle - Before starting or stopping (`source` is `screen_share`); cancel it to prevent that. `TrackToggleEvent`.
 */
export class ScreenShareButton extends TrackToggle {
  /** Always `screen_share`. */
  @property() override source: ToggleSource = 'screen_share';
}

define('screen-share-button', ScreenShareButton);

declare global {
  interface HTMLElementTagNameMap {
    'screen-share-button': ScreenShareButton;
  }
}
