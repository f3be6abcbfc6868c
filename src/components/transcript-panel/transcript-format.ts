import type { TranscriptSegment } from '../../store/types.js';

/** The shortest a cue lasts (a segment that arrived whole has no duration of its own), in ms. */
export const MIN_CUE_MS = 1000;

/** `ms` as `hh:mm:ss.ttt` (WebVTT's timestamp; hours grow past 99 if need be). */
export function vttTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const h = Math.floor(total / 3_600_000);
  const m = Math.floor(total / 60_000) % 60;
  const s = Math.floor(total / 1000) % 60;
  const t = total % 1000;
  return `${pad(h, 2)}:${pad(m, 2)}:${pad(s, 2)}.${pad(t, 3)}`;
}

/** `ms` as `hh:mm:ss` (the plain-text transcript's time). */
export function clockTime(ms: number): string {
  return vttTime(ms).slice(0, -4);
}

function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

/** Cue text or a voice name, escaped for WebVTT (`&`, `<`, `>`), on one line. */
function vttText(text: string): string {
  return text
    .replace(/[\r\n]+/gu, ' ')
    .replace(/&/gu, '&amp;')
    .replace(/</gu, '&lt;')
    .replace(/>/gu, '&gt;');
}

/**
 * The transcript as a WebVTT file: one numbered cue per segment, timed from `origin` (ms since the
 * epoch; the first segment's start by default), its speaker as the cue's voice (`<v Name>`).
 * A cue lasts from the segment's start to its last change, at least `MIN_CUE_MS`.
 */
export function toWebVTT(
  segments: readonly TranscriptSegment[],
  origin = segments[0]?.startedAt ?? 0,
): string {
  const cues = segments.map((s, i) => {
    const start = s.startedAt - origin;
    const end = Math.max(s.endedAt - origin, start + MIN_CUE_MS);
    return `${i + 1}\n${vttTime(start)} --> ${vttTime(end)}\n<v ${vttText(s.speakerName)}>${vttText(s.text)}`;
  });
  return ['WEBVTT', ...cues].join('\n\n') + '\n';
}

/**
 * The transcript as plain text: a line per segment, `[hh:mm:ss] Name: text`, timed from `origin`
 * as in `toWebVTT`.
 */
export function toPlainText(
  segments: readonly TranscriptSegment[],
  origin = segments[0]?.startedAt ?? 0,
): string {
  return segments
    .map(
      (s) =>
        `[${clockTime(s.startedAt - origin)}] ${s.speakerName}: ${s.text.replace(/[\r\n]+/gu, ' ')}\n`,
    )
    .join('');
}
