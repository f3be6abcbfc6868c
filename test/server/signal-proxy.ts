/**
 * A loopback TCP proxy in front of livekit-server's signalling port, for the signal-cut test: it
 * forwards bytes both ways until `cut(ms)` drops every connection and refuses new ones for `ms`.
 * Media (ICE over UDP) does not pass through it, as on a real network whose TCP path breaks.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface SignalProxy {
  /** ws://127.0.0.1:<port> of the proxy. */
  readonly url: string;
  /** Drop every connection now and refuse new ones for `ms`. */
  cut(ms: number): void;
  close(): Promise<void>;
}

export async function startSignalProxy(target: string): Promise<SignalProxy> {
  const { hostname, port } = new URL(target);
  const open = new Set<Socket>();
  let refusingUntil = 0;

  const server: Server = createServer((client) => {
    if (Date.now() < refusingUntil) {
      client.destroy();
      return;
    }
    const upstream = connect(Number(port), hostname);
    for (const socket of [client, upstream]) {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port: own } = server.address() as AddressInfo;

  return {
    url: `ws://127.0.0.1:${own}`,
    cut(ms) {
      refusingUntil = Date.now() + ms;
      for (const socket of open) socket.destroy();
    },
    close: () =>
      new Promise((resolve) => {
        for (const socket of open) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
