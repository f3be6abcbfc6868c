import { html, type TemplateResult } from 'lit';
import type { LocalizeController } from '../../controllers/localize.js';
import { icons } from '../../internal/icons.js';
import type { RoomSession } from '../../session/room-session.js';
import type { VoiceSettings } from '../../session/voice.js';
import { VOICE_SWITCHES as SWITCHES } from '../voice-settings/voice-switches.js';
import { englishEffects } from '../../locales/en-effects.js';

/**
 * The microphone menu's voice processing: a labelled group of `menuitemcheckbox` switches and a
 * "Voice settings…" item opening the dialog with the sliders (loaded when first opened).
 */
export function voiceItems(t: LocalizeController, session: RoomSession): TemplateResult {
  englishEffects(); // this UI's English words (not loaded up front)
  const s = session.voice.$settings.get();
  return html`
    <div role="separator" class="separator"></div>
    <div role="group" aria-label=${t.term('voiceProcessing')}>
      ${SWITCHES.map(
        ([key, label]) => html`
          <div
            part="item"
            role="menuitemcheckbox"
            tabindex="-1"
            aria-checked=${s[key] ? 'true' : 'false'}
            data-voice=${key}
          >
            <svg viewBox="0 0 24 24" aria-hidden="true">${icons.check}</svg>
            <span class="label">${t.term(label)}</span>
          </div>
        `,
      )}
      <div part="item" role="menuitem" tabindex="-1" data-voice="dialog" aria-haspopup="dialog">
        <svg viewBox="0 0 24 24" aria-hidden="true"></svg>
        <span class="label">${t.term('voiceSettingsOpen')}</span>
      </div>
    </div>
  `;
}

/**
 * A voice item chosen in the menu: a switch flips (the menu stays open, the item shows the new
 * state); "Voice settings…" opens the dialog. False when `item` is not one of them.
 */
export function chooseVoiceItem(
  item: HTMLElement,
  t: LocalizeController,
  session: RoomSession,
  host: HTMLElement & { requestUpdate(): void; hide(focusButton?: boolean): void },
  opener: () => HTMLElement | undefined,
): boolean {
  const key = item.dataset['voice'];
  if (!key) return false;
  if (key === 'dialog') {
    host.hide(false);
    void import('../voice-settings/voice-dialog.js').then(({ openVoiceDialog }) =>
      openVoiceDialog(
        host,
        { label: t.term('voiceProcessing'), close: t.term('voiceClose') },
        opener,
      ),
    );
    return true;
  }
  const name = key as keyof VoiceSettings;
  const now = session.voice.$settings.get()[name];
  // The menu shows the choice at once; a failure is shown by the settings (`$failed`).
  void session.setVoiceProcessing({ [name]: !now }).catch(() => undefined);
  host.requestUpdate();
  return true;
}
