/**
 * A LiveKit cluster on loopback: Debian's `redis-server` (no persistence, its own temp dir) and N
 * livekit-server nodes sharing it, each started as dev/sfu.ts starts one node (same binary lookup,
 * free ports, dev keys) plus `redis.address`.
 *
 * How a cluster places a room (seen with v1.13.5): the first join or `CreateRoom` for a room asks
 * the node selector for a node among those alive in Redis (`any` by default: a random one that is
 * not draining) and records it in Redis (`room_node_map`, room name → node id). A participant that
 * connects to another node is signalled through that node: it forwards the WebSocket's messages to
 * the hosting node over Redis (psrpc), while the media (ICE) goes straight to the hosting node's
 * own ports. When the hosting node dies, its rooms are gone; the next join places the room anew.
 *
 * As a script: `tsx dev/cluster.ts [nodes]` runs a cluster until Ctrl-C.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  ensureLivekitServer,
  findOnPath,
  owned,
  reservePorts,
  startSfu,
  stopOnExit,
  tail,
  type OwnedProcess,
  type Sfu,
} from './sfu.js';

const READY_TIMEOUT_MS = 15_000;
const defaultLog = (line: string): void => console.error(line);

export interface Redis {
  /** host:port, as livekit-server's `redis.address` takes it */
  address: string;
  port: number;
  /** Send one command (RESP) and resolve with the raw reply. */
  command(...args: string[]): Promise<string>;
  stop(): Promise<void>;
}

export interface ClusterNode extends Sfu {
  /** 0-based position in `Cluster.nodes` */
  index: number;
  /** the node id livekit-server registered in Redis (`ND_…`); changes on each restart */
  id(): Promise<string>;
}

export interface Cluster {
  redis: Redis;
  nodes: ClusterNode[];
  /** ws:// URLs of the nodes, in order */
  urls(): string[];
  apiKey: string;
  apiSecret: string;
  /**
   * Send a node a signal: `SIGKILL` crashes it; `SIGTERM` drains it (it stops taking new rooms
   * and keeps serving those it has; a second `SIGTERM` stops it even with rooms open).
   */
  kill(node: number, signal: NodeJS.Signals): void;
  /** Start a node again on its ports (stopping it first if it runs). */
  restart(node: number): Promise<void>;
  /**
   * URLs of the nodes that serve: running, and listed in Redis as serving (not draining). This is
   * what a resolver for the server helper can hand out (`resolveLivekitUrl`).
   */
  servingUrls(): Promise<string[]>;
  /**
   * A resolver for the server helper (`resolveLivekitUrl`) that names node `node` while it serves,
   * else another serving node (what a real resolver does: a fresh token after a node loss names a
   * live node); it rejects when no node serves.
   */
  preferring(node: number): () => Promise<string>;
  /** The node hosting `room` (from Redis), or undefined when no live node hosts it. */
  hostOf(room: string): Promise<ClusterNode | undefined>;
  stop(): Promise<void>;
}

/**
 * Starts `redis-server` on a free loopback port with no persistence in a temp dir of its own and
 * waits until it answers PING. Stopped on exit like the SFU.
 */
export async function startRedis(log = defaultLog): Promise<Redis> {
  const bin = process.env.REDIS_SERVER_BIN || findOnPath('redis-server');
  if (!bin) {
    throw new Error(
      "No redis-server found: install Debian's redis-server (`apt-get install redis-server`) " +
        'or set REDIS_SERVER_BIN.',
    );
  }
  const { port } = await reservePorts();
  const dir = mkdtempSync(join(tmpdir(), 'media-room-redis-'));
  const logFile = join(dir, 'redis.log');
  const logFd = openSync(logFile, 'w');
  let child: ChildProcess;
  try {
    child = spawn(
      bin,
      [
        ...['--bind', '127.0.0.1', '--port', String(port), '--dir', dir],
        ...['--save', '', '--appendonly', 'no', '--daemonize', 'no', '--logfile', ''],
      ],
      { stdio: ['ignore', logFd, logFd] },
    );
  } finally {
    closeSync(logFd);
  }
  const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
  let stopping: Promise<void> | undefined;
  const entry: OwnedProcess = {
    kill: () => {
      child.kill('SIGKILL');
      removeDir();
    },
    stop: () => {
      owned.delete(entry);
      stopping ??= new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        const kill = setTimeout(() => child.kill('SIGKILL'), 3_000);
        child.once('exit', () => {
          clearTimeout(kill);
          done();
        });
        child.kill('SIGTERM');
      }).then(removeDir);
      return stopping;
    },
  };
  owned.add(entry);
  stopOnExit();
  child.once('exit', (code, signal) => {
    if (!stopping) log(`redis-server exited unexpectedly (${signal ?? code}); see ${logFile}`);
  });

  const command = (...args: string[]) => redisCommand(port, args);
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      const lines = tail(logFile, 20);
      await entry.stop();
      throw new Error(`redis-server exited before it was ready:\n${lines}`);
    }
    if ((await command('PING').catch(() => '')) === '+PONG') break;
    if (Date.now() > deadline) {
      const lines = tail(logFile, 20);
      await entry.stop();
      throw new Error(`redis-server did not answer on port ${port}:\n${lines}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { address: `127.0.0.1:${port}`, port, command, stop: entry.stop };
}

/** One RESP command over a fresh connection; resolves with the first reply, raw. */
function redisCommand(port: number, args: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1');
    const body = `*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`;
    let reply = '';
    socket.setTimeout(2_000, () => socket.destroy(new Error('redis timed out')));
    socket.once('error', reject);
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (isComplete(reply)) {
        socket.end();
        resolve(reply.replace(/\r\n$/, ''));
      }
    });
    socket.write(body);
  });
}

/** Whether a RESP reply is whole (simple, error, integer, bulk or a flat array of bulks). */
function isComplete(reply: string): boolean {
  let at = 0;
  const element = (): boolean => {
    const end = reply.indexOf('\r\n', at);
    if (end < 0) return false;
    const kind = reply[at];
    const n = Number(reply.slice(at + 1, end));
    at = end + 2;
    if (kind === '$') {
      if (n < 0) return true;
      if (reply.length < at + n + 2) return false;
      at += n + 2;
      return true;
    }
    if (kind === '*') {
      for (let i = 0; i < n; i++) if (!element()) return false;
    }
    return true;
  };
  return element();
}

/** The value of a bulk-string reply (undefined for a nil reply). */
function bulk(reply: string): string | undefined {
  const match = /^\$(-?\d+)\r\n/.exec(reply);
  if (!match || Number(match[1]) < 0) return undefined;
  return reply.slice(match[0].length, match[0].length + Number(match[1]));
}

/**
 * Starts Redis and `nodes` livekit-server nodes sharing it (a binary, not Docker), and waits until
 * every node is registered in Redis. Everything is stopped on `stop()`, on exit, and if a start fails.
 */
export async function startCluster(
  options: { nodes?: number; log?: (line: string) => void } = {},
): Promise<Cluster> {
  const log = options.log ?? defaultLog;
  const count = options.nodes ?? 2;
  const server = await ensureLivekitServer(log);
  if (server.kind !== 'binary') throw new Error('a cluster needs a livekit-server binary');
  const redis = await startRedis(log);
  const nodes: ClusterNode[] = [];
  const stop = async (): Promise<void> => {
    await Promise.allSettled(nodes.map((node) => node.stop()));
    await redis.stop();
  };
  try {
    // One at a time: two nodes starting at once on two cores can miss the ready timeout.
    for (let index = 0; index < count; index++) {
      const sfu = await startSfu({
        log,
        label: `livekit-server node ${index}`,
        config: ['redis:', `  address: ${redis.address}`],
      });
      nodes.push(Object.assign(sfu, { index, id: () => nodeIdOf(sfu) }));
    }
    await waitForNodes(redis, count);
  } catch (error) {
    await stop();
    throw error;
  }

  const cluster: Cluster = {
    redis,
    nodes,
    urls: () => nodes.map((node) => node.url),
    apiKey: nodes[0]!.apiKey,
    apiSecret: nodes[0]!.apiSecret,
    kill: (node, signal) => nodes[node]!.signal(signal),
    async restart(node) {
      await nodes[node]!.restart();
      await waitForNodes(redis, nodes.filter((n) => n.running).length);
    },
    async servingUrls() {
      const serving: string[] = [];
      for (const node of nodes) {
        if (!node.running) continue;
        const id = await node.id().catch(() => '');
        const entry = id && bulk(await redis.command('HGET', 'nodes', id));
        if (entry && nodeState(Buffer.from(entry, 'latin1')) === NODE_SERVING)
          serving.push(node.url);
      }
      return serving;
    },
    preferring(node) {
      return async () => {
        const serving = await cluster.servingUrls();
        const url = nodes[node]!.url;
        if (serving.includes(url)) return url;
        if (!serving[0]) throw new Error('no node serves');
        return serving[0];
      };
    },
    async hostOf(room) {
      const id = bulk(await redis.command('HGET', 'room_node_map', room));
      if (!id) return undefined;
      for (const node of nodes) {
        if (node.running && (await node.id().catch(() => '')) === id) return node;
      }
      return undefined;
    },
    stop,
  };
  return cluster;
}

/** livekit.NodeState: STARTING_UP 0, SERVING 1, SHUTTING_DOWN 2 (draining). */
const NODE_SERVING = 1;

/** The `state` (field 6) of a livekit.Node protobuf, as livekit-server keeps it in Redis. */
function nodeState(bytes: Buffer): number {
  let at = 0;
  const varint = (): number => {
    let value = 0;
    for (let shift = 0; at < bytes.length; shift += 7) {
      const byte = bytes[at++]!;
      value += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    return value;
  };
  let state = 0;
  while (at < bytes.length) {
    const tag = varint();
    const [field, wire] = [Math.floor(tag / 8), tag % 8];
    if (wire === 0) {
      const value = varint();
      if (field === 6) state = value;
    } else if (wire === 2) {
      const length = varint(); // read first: `at += varint()` would add to the old `at`
      at += length;
    } else if (wire === 1) at += 8;
    else if (wire === 5) at += 4;
    else break;
  }
  return state;
}

/** Waits until Redis lists `count` nodes (each node registers itself once it serves). */
async function waitForNodes(redis: Redis, count: number): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    const reply = await redis.command('HLEN', 'nodes');
    if (Number(reply.slice(1)) >= count) return;
    if (Date.now() > deadline) throw new Error(`Redis lists ${reply.slice(1)} of ${count} nodes`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A node's id, read from its log (livekit-server logs it on starting). */
async function nodeIdOf(sfu: Sfu): Promise<string> {
  const ids = [
    ...readFileSync(sfu.logFile, 'utf8').matchAll(
      /starting LiveKit server\t.*"nodeID": "(ND_\w+)"/g,
    ),
  ];
  const id = ids.at(-1)?.[1];
  if (!id) throw new Error(`no node id in ${sfu.logFile}`);
  return id;
}

async function main(): Promise<void> {
  const cluster = await startCluster({ nodes: Number(process.argv[2]) || 2 });
  console.log(`LiveKit cluster ready
  redis:      ${cluster.redis.address}
  nodes:      ${cluster.urls().join(' ')}
  api key:    ${cluster.apiKey}
  api secret: ${cluster.apiSecret}
  log files:  ${cluster.nodes.map((node) => node.logFile).join(' ')}
Ctrl-C stops it.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
