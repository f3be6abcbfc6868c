import { en } from './en.js';

/**
 * The English words of the background effects' and voice processing's UI (the camera and
 * microphone menus, `<background-picker>`, `<voice-settings>`), which load with that UI rather
 * than up front. Every other locale holds them in its one object as usual.
 */
export const effectsEn = {
  // Background effects (<background-picker>, the camera menu)
  background: 'Background',
  backgroundOff: 'None',
  backgroundBlur: 'Blur',
  'backgroundImage:dusk': 'Dusk',
  'backgroundImage:ocean': 'Ocean',
  'backgroundImage:forest': 'Hills',
  'backgroundImage:studio': 'Studio wall',
  backgroundLoading: 'Loading the background effect…',
  'background:no-webgl': 'Background effects need WebGL 2, which this browser does not offer.',
  'background:no-video-processing':
    'Background effects need video frame processing, which this browser does not offer.',
  // Voice processing (microphone menu, <voice-settings>)
  voiceProcessing: 'Voice processing',
  voiceNoiseSuppression: 'Noise suppression',
  voiceEchoCancellation: 'Echo cancellation',
  voiceAutoGain: 'Automatic gain',
  voiceSuppressor: 'Strong noise suppression',
  voiceSettingsOpen: 'Voice settings…',
  voiceInputVolume: 'Input volume',
  voiceInputSensitivity: 'Input sensitivity',
  voiceGateOff: 'Off',
  voiceGateDb: (db: number) => `${db} dB`,
  voiceInputLevel: 'Input level',
  voiceClose: 'Close',
  voiceFailed: 'Voice processing could not be set up.',
};

/**
 * Adds them to English (every language's fallback); each module of that UI calls it when it
 * loads, before it renders.
 */
export function englishEffects(): void {
  Object.assign(en, effectsEn);
}
