/**
 * Whether this browser can capture a screen at all (`navigator.mediaDevices.getDisplayMedia`):
 * phone browsers, some in-app browsers and insecure pages cannot. A feature check, not a guess from
 * the user agent; read when an element renders, never when a module loads.
 */
export function canShareScreen(): boolean {
  return (
    typeof navigator !== 'undefined' &&
    typeof navigator.mediaDevices?.getDisplayMedia === 'function'
  );
}
