/** The voice processing switches (the microphone menu, `<voice-settings>`): a setting each, and its label. */
export const VOICE_SWITCHES = [
  ['noiseSuppression', 'voiceNoiseSuppression'],
  ['echoCancellation', 'voiceEchoCancellation'],
  ['autoGainControl', 'voiceAutoGain'],
  ['suppressor', 'voiceSuppressor'],
] as const;
