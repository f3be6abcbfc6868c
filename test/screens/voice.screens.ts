// Screenshots of the microphone menu's voice processing and the Voice settings dialog, to look at
// (not compared):
//   WTR_DEVICE=desktop npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/voice.screens.ts
//   npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/voice.screens.ts
// They are written to test-results/screens/.
import { executeServerCommand } from '@web/test-runner-commands';
import type { DevicePicker } from '../../src/components/device-picker/device-picker.js';
import { currentEngine } from '../engines.js';
import { callRoot, mountRoom, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

const phone = matchMedia('(pointer: coarse)').matches;
const shot = (name: string) =>
  executeServerCommand('screenshot', {
    name: `${currentEngine()}-${phone ? 'phone' : 'desktop'}-voice-${name}`,
  });

describe('voice processing screens', () => {
  useLiveHooks();

  it('the microphone menu and the Voice settings dialog', async () => {
    localStorage.removeItem('media-room-elements:voice');
    const el = await mountRoom(uniqueRoom('voice-screens'), 'speaker', {
      audio: true,
      style: 'display: block; width: 100vw; height: 100vh',
    });
    const root = callRoot(el)!;
    const bar = root.querySelector('control-bar')!;
    const picker =
      bar.shadowRoot!.querySelector<DevicePicker>('[part="microphone-picker"]') ??
      root.querySelector<DevicePicker>('device-picker[kind="audioinput"]')!;
    await picker.show();
    await waitFor(() => !!picker.shadowRoot!.querySelector('[role="group"]'), 'the voice group');
    await shot('menu');
    picker.shadowRoot!.querySelector<HTMLElement>('[data-voice="dialog"]')!.click();
    await waitFor(
      () => !!picker.shadowRoot!.querySelector('dialog voice-settings'),
      'the dialog opens',
    );
    await el.session.setVoiceProcessing({ inputVolume: 1.2, inputSensitivity: -50 });
    await waitFor(
      () =>
        !!picker.shadowRoot!.querySelector('voice-settings')!.shadowRoot!.querySelector('meter'),
      'the meter shows',
    );
    await shot('dialog');
    picker.shadowRoot!.querySelector<HTMLDialogElement>('dialog')!.close();
    localStorage.removeItem('media-room-elements:voice');
  });
});
