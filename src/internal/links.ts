/** A piece of a chat message: plain text, or an http(s) link whose text is its address. */
export type Segment = { text: string; href?: undefined } | { text: string; href: string };

/** Candidates: `http://` or `https://` up to the next whitespace. */
const CANDIDATE = /\bhttps?:\/\/\S+/gi;
/** Punctuation that ends a sentence rather than a link. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"']);
/** Closing brackets, kept only when the link opened them itself (`…/wiki/Foo_(bar)`, `?q=<b>`). */
const CLOSERS: Record<string, string> = { ')': '(', ']': '[', '}': '{', '>': '<' };

/**
 * Split a message into text and links. Only `http:` and `https:` URLs that parse become links;
 * everything else — `javascript:`, `data:`, markup — stays text. A link's `text` is its `href`:
 * the parsed address, with the host in punycode and anything but printable ASCII (bidi controls,
 * invisible characters, any other letter) percent-encoded, so what it says is exactly where it
 * goes. The result is meant for text bindings only: nothing here is HTML.
 */
export function segments(text: string): Segment[] {
  const out: Segment[] = [];
  let last = 0;
  for (const match of text.matchAll(CANDIDATE)) {
    const start = match.index;
    const written = trimEnd(match[0]);
    const href = httpUrl(written);
    if (!href) continue;
    if (start > last) out.push({ text: text.slice(last, start) });
    out.push({ text: href, href });
    last = start + written.length;
  }
  if (last < text.length) out.push({ text: text.slice(last) });
  return out;
}

function trimEnd(candidate: string): string {
  // Brackets counted once, then kept up to date as the end moves (linear in the candidate).
  const counts = new Map<string, number>();
  for (const c of candidate) counts.set(c, (counts.get(c) ?? 0) + 1);
  let end = candidate.length;
  while (end > 0) {
    const last = candidate[end - 1]!;
    const opener = CLOSERS[last];
    if (opener) {
      if ((counts.get(opener) ?? 0) >= counts.get(last)!) break;
    } else if (!TRAILING.has(last)) {
      break;
    }
    counts.set(last, (counts.get(last) ?? 0) - 1);
    end -= 1;
  }
  return candidate.slice(0, end);
}

function httpUrl(candidate: string): string | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return undefined;
  // The URL parser already encodes everything outside printable ASCII; this only makes sure.
  return url.href.replace(/[^\x21-\x7E]/gu, (c) => encodeURIComponent(c));
}
