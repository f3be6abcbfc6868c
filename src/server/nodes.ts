/**
 * Choosing a LiveKit node for a join when there are several (a cluster sharing Redis): any node
 * can take any participant, since a node that does not host the room forwards its signalling to
 * the one that does. Node only.
 *
 * What a node says about itself (livekit-server v1.13.5): `GET /` answers 200 `OK` while it serves,
 * and nothing (connection refused) once it has stopped. A *draining* node (after its first
 * SIGTERM) still answers 200 there and on `/rtc/validate`, and still takes joins (it places new
 * rooms on other nodes and forwards to them); only its entry in Redis (`nodes`, state
 * `SHUTTING_DOWN`) tells. So take a node out of the list (or the load balancer) before draining
 * it, or pass a resolver that knows which nodes are draining.
 */

/** What a resolver is told about the join it chooses a node for. */
export interface NodeRequest {
  roomId: string;
  identity: string;
}

/** Chooses the ws(s) URL a participant connects to (e.g. from your orchestrator's node list). */
export type LivekitUrlResolver = (request: NodeRequest) => string | Promise<string>;

/** No node answered its health check: the token endpoint answers 503. */
export class NoNodeError extends Error {}

export interface NodePickerOptions {
  /** ms to wait for a node's `GET /`; default 1500 */
  healthTimeoutMs?: number;
  /** ms a node's answer is trusted; default 1000 */
  healthTtlMs?: number;
}

/** ws://host → http://host, wss://host → https://host; http(s) URLs are kept. */
export function apiUrlFor(livekitUrl: string): string {
  const url = new URL(livekitUrl);
  if (url.protocol === 'ws:') url.protocol = 'http:';
  else if (url.protocol === 'wss:') url.protocol = 'https:';
  else if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`livekitUrl must be a ws(s) or http(s) URL, got ${url.protocol}`);
  }
  return url.href.replace(/\/$/, '');
}

/** Whether a node answers `GET /` with 200 within `timeoutMs`. */
export async function isNodeHealthy(livekitUrl: string, timeoutMs = 1500): Promise<boolean> {
  try {
    const response = await fetch(`${apiUrlFor(livekitUrl)}/`, {
      signal: AbortSignal.timeout(timeoutMs),
      cache: 'no-store',
    });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}

/**
 * Hands out the nodes in turn (spreading joins), skipping those that do not answer their health
 * check; checks are made in parallel and trusted for `healthTtlMs`. Rejects with `NoNodeError`
 * when none answers.
 */
export function createNodePicker(
  urls: readonly string[],
  { healthTimeoutMs = 1500, healthTtlMs = 1000 }: NodePickerOptions = {},
): { pick(): Promise<string>; urls: readonly string[] } {
  if (urls.length === 0) throw new Error('livekitUrls must name at least one node');
  urls.forEach(apiUrlFor); // every URL checked up front
  const checked = new Map<string, { at: number; healthy: Promise<boolean> }>();
  let next = 0;
  const healthy = (url: string): Promise<boolean> => {
    const entry = checked.get(url);
    if (entry && Date.now() - entry.at < healthTtlMs) return entry.healthy;
    const fresh = { at: Date.now(), healthy: isNodeHealthy(url, healthTimeoutMs) };
    checked.set(url, fresh);
    return fresh.healthy;
  };
  return {
    urls,
    async pick() {
      const start = next;
      next = (next + 1) % urls.length;
      const order = urls.map((_, i) => urls[(start + i) % urls.length]!);
      const answers = await Promise.all(order.map(healthy));
      const url = order.find((_, i) => answers[i]);
      if (url === undefined) throw new NoNodeError('no LiveKit node answers its health check');
      return url;
    },
  };
}
