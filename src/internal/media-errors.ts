/**
 * The error code for a failed getUserMedia / device use, by device and cause:
 * `camera-denied`, `microphone-not-found`, `media-in-use`, … (keys `error:<code>` in the locales).
 */
export function mediaErrorCode(error: unknown, kind: MediaDeviceKind | undefined): string {
  const device = kind === 'videoinput' ? 'camera' : kind === 'audioinput' ? 'microphone' : 'media';
  const name = error instanceof Error ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return `${device}-denied`;
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return `${device}-not-found`;
  if (name === 'NotReadableError') return `${device}-in-use`;
  return `${device}-failed`;
}
