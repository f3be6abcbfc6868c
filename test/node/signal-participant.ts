/**
 * A participant that is only a signal connection: a WebSocket to the SFU's `/rtc` with its token,
 * no WebRTC. The SFU lists it in the room until the socket closes, which is enough for the server
 * helper's tests (tokens, moderation, host actions, cluster routing).
 */
import { randomBytes } from 'node:crypto';
import { request } from 'node:http';
import type { Socket } from 'node:net';

export interface SignalParticipant {
  /** Closes the socket: the participant leaves. */
  leave(): void;
  /** Resolves once the socket is closed, by `leave()` or by the SFU (a removal, a node stopping). */
  closed: Promise<void>;
}

/** Joins through the node at `url` (ws(s):// or http(s)://) with `token`. */
export async function joinSignalOnly(url: string, token: string): Promise<SignalParticipant> {
  const target = new URL('/rtc', url.replace(/^ws/, 'http'));
  target.searchParams.set('access_token', token);
  target.searchParams.set('auto_subscribe', '1');
  target.searchParams.set('protocol', '15');
  target.searchParams.set('sdk', 'js');
  const socket = await new Promise<Socket>((resolve, reject) => {
    const req = request(target, {
      headers: {
        Connection: 'Upgrade',
        Upgrade: 'websocket',
        'Sec-WebSocket-Version': '13',
        'Sec-WebSocket-Key': randomBytes(16).toString('base64'),
      },
    });
    req.once('upgrade', (_res, upgraded) => resolve(upgraded));
    req.once('response', (res) => reject(new Error(`signal answered ${res.statusCode}`)));
    req.once('error', reject);
    req.end();
  });
  socket.on('error', () => {}); // the SFU closes it when the participant is removed
  socket.resume();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  return { leave: () => socket.destroy(), closed };
}
