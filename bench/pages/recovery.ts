/**
 * `recovery.html?token-url=U&identity=I&peer=P`: a `<media-room>` (default UI, camera on) that
 * joins through `token-url` and watches its way back after the node it is signalled through is
 * lost (bench/recovery.ts). `window.recovery.arm()` starts a watch; `window.recovery.result()`
 * then says when the page first left the `connected` phase and when it was back: connected and
 * presenting a new frame of the peer's camera; `window.recovery.phases()` lists the phases,
 * peer-connection states, token requests, node probes and signalling sockets the page went
 * through, with their times.
 */
import '../../src/index.js';

// When each of the page's peer connections changes state (`pc:` and the state), to see where the
// time goes.
const pcStates: Array<[string, number]> = [];
const Native = window.RTCPeerConnection;
window.RTCPeerConnection = class extends Native {
  constructor(config?: RTCConfiguration) {
    super(config);
    this.addEventListener('connectionstatechange', () =>
      pcStates.push([`pc:${this.connectionState}`, Date.now()]),
    );
  }
} as typeof RTCPeerConnection;

// The token requests, node probes and signalling sockets of the page (`token`, `probe`, `ws`
// with what became of each), to see where the time of a rejoin goes.
const nativeFetch = window.fetch.bind(window);
window.fetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
  const url = String(input instanceof Request ? input.url : input);
  const what = url.includes('/api/') ? 'token' : 'probe';
  pcStates.push([`${what}:asked`, Date.now()]);
  try {
    const response = await nativeFetch(input, init);
    pcStates.push([`${what}:${response.status || 'answered'}`, Date.now()]);
    return response;
  } catch (error) {
    pcStates.push([`${what}:failed`, Date.now()]);
    throw error;
  }
};
const NativeSocket = window.WebSocket;
window.WebSocket = class extends NativeSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    super(url, protocols);
    const port = new URL(String(url)).port;
    pcStates.push([`ws:${port}:asked`, Date.now()]);
    this.addEventListener('open', () => pcStates.push([`ws:${port}:open`, Date.now()]));
    this.addEventListener('close', (e) =>
      pcStates.push([`ws:${port}:closed ${e.code}`, Date.now()]),
    );
  }
} as typeof WebSocket;

interface Watch {
  lostAt?: number;
  backAt?: number;
}

const params = new URLSearchParams(location.search);
const peer = params.get('peer') ?? '';
const room = document.createElement('media-room');
room.setAttribute('token-url', params.get('token-url') ?? '');
room.setAttribute('identity', params.get('identity') ?? 'viewer');
room.setAttribute('name', params.get('identity') ?? 'viewer');
room.setAttribute('skip-prejoin', '');
room.toggleAttribute('video', true);
room.style.height = '100%';
document.body.append(room);

let watch: Watch | undefined;
/** Each phase the page went through, with when (ms since the epoch). */
const phases: Array<[string, number]> = [];
const phase = (): string => room.store.get().connection.phase;

/** The peer's camera <video> in the default UI, if shown. */
function peerVideo(): HTMLVideoElement | null {
  const grid = room.shadowRoot
    ?.querySelector('media-call')
    ?.shadowRoot?.querySelector('layout-grid');
  const tile = grid?.shadowRoot?.querySelector(`participant-tile[identity="${CSS.escape(peer)}"]`);
  return tile?.shadowRoot?.querySelector('video') ?? null;
}

// Every presented frame of whichever element shows the peer now.
let watched: HTMLVideoElement | null = null;
const onFrame = (): void => {
  if (watch?.lostAt !== undefined && watch.backAt === undefined && phase() === 'connected') {
    watch.backAt = Date.now();
  }
  watched?.requestVideoFrameCallback(onFrame);
};
setInterval(() => {
  if (phases.at(-1)?.[0] !== phase()) phases.push([phase(), Date.now()]);
  if (watch && watch.lostAt === undefined && phase() !== 'connected') watch.lostAt = Date.now();
  const video = peerVideo();
  if (video && video !== watched) {
    watched = video;
    video.requestVideoFrameCallback(onFrame);
  }
}, 20);

Object.assign(window, {
  recovery: {
    connected: () => phase() === 'connected' && !!peerVideo() && peerVideo()!.videoWidth > 0,
    arm: () => void (watch = {}),
    result: () => watch,
    phases: () => [...phases, ...pcStates].sort((a, b) => a[1] - b[1]),
  },
});
