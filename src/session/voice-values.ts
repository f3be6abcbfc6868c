import type { Room } from 'livekit-client';
import { VOICE_DEFAULTS, type VoiceSettings } from './voice.js';

/* Voice settings made whole and applied to a Room's captures (for session/voice-engine.ts). */

export const BROWSER = ['noiseSuppression', 'echoCancellation', 'autoGainControl'] as const;

const clamp = (value: unknown, min: number, max: number, fallback: number) =>
  typeof value === 'number' && Number.isFinite(value)
    ? Math.min(max, Math.max(min, value))
    : fallback;

/** Settings read from anywhere (storage, a page) made whole and in range. */
export function voiceSettings(input: Partial<VoiceSettings> | undefined): VoiceSettings {
  const s = input && typeof input === 'object' ? input : {};
  const flag = (key: keyof VoiceSettings) =>
    typeof s[key] === 'boolean' ? (s[key] as boolean) : (VOICE_DEFAULTS[key] as boolean);
  return {
    noiseSuppression: flag('noiseSuppression'),
    echoCancellation: flag('echoCancellation'),
    autoGainControl: flag('autoGainControl'),
    inputVolume: clamp(s.inputVolume, 0, 2, 1),
    inputSensitivity: clamp(s.inputSensitivity, -100, 0, -100),
    suppressor: flag('suppressor'),
  };
}

/** Every later capture of `room` uses the browser's processing as set. */
export function captureDefaults(room: Room, s: VoiceSettings): void {
  const defaults = { ...room.options.audioCaptureDefaults };
  for (const key of BROWSER) defaults[key] = s[key];
  room.options.audioCaptureDefaults = defaults;
}
