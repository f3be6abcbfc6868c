/**
 * Finds (or builds once with Go) a livekit-server and runs it in dev mode on loopback.
 *
 * As a script: `tsx dev/sfu.ts` runs one until Ctrl-C; `tsx dev/sfu.ts ensure` only makes sure a
 * binary exists and prints its path.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import {
  accessSync,
  closeSync,
  constants,
  mkdirSync,
  mkdtempSync,
  openSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import { delimiter, dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { pathToFileURL } from 'node:url';

/** Newest v1 tag whose go.mod has no replace directives, so `go install` accepts it. */
export const LIVEKIT_SERVER_VERSION = 'v1.13.5';

/** Credentials livekit-server uses in `--dev` mode. */
const DEV_API_KEY = 'devkey';
const DEV_API_SECRET = 'secret';
const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 5_000;
const BUILD_PROGRESS_INTERVAL_MS = 15_000;

export type LivekitServer = { kind: 'binary'; path: string } | { kind: 'docker' };

/** Signal (HTTP/WebSocket), ICE/TCP and ICE/UDP ports. */
interface Ports {
  port: number;
  tcpPort: number;
  udpPort: number;
}

export interface Sfu {
  /** ws://127.0.0.1:PORT, for clients */
  url: string;
  /** http://127.0.0.1:PORT, for server APIs such as RoomServiceClient */
  httpUrl: string;
  apiKey: string;
  apiSecret: string;
  logFile: string;
  stop(): Promise<void>;
  /** Stop the server, wait `downMs`, and start it again on the same ports (fault tests). */
  restart(downMs?: number): Promise<void>;
  /**
   * Send the running server a signal (a binary only): `SIGKILL` to crash it, `SIGTERM` to drain
   * it. Resolves when the signal was sent, not when the server exits (see `exited`).
   */
  signal(signal: NodeJS.Signals): void;
  /** Resolves when the server running now exits (at once if it is not running). */
  exited(): Promise<void>;
  /** Whether a server process is running now. */
  readonly running: boolean;
}

export interface StartSfuOptions {
  logFile?: string;
  log?: (line: string) => void;
  /** YAML lines added to the config body, e.g. `redis:` with `  address: 127.0.0.1:PORT` */
  config?: string[];
  /** How to call the server in log lines (default `livekit-server`). */
  label?: string;
}

const defaultLog = (line: string): void => console.error(line);

/** Where built binaries live: $MEDIA_ROOM_CACHE, else the XDG cache dir (empty counts as unset). */
export function cacheDir(): string {
  const xdgCache = process.env.XDG_CACHE_HOME || join(homedir(), '.cache');
  return process.env.MEDIA_ROOM_CACHE || join(xdgCache, 'media-room-elements');
}

/**
 * Finds a livekit-server: $LIVEKIT_SERVER_BIN, then PATH, then the cache; otherwise builds it into
 * the cache with Go, or falls back to Docker.
 */
export async function ensureLivekitServer(log = defaultLog): Promise<LivekitServer> {
  const fromEnv = process.env.LIVEKIT_SERVER_BIN;
  if (fromEnv) {
    const path = resolve(fromEnv);
    if (!isExecutableFile(path)) {
      throw new Error(`LIVEKIT_SERVER_BIN is set to ${path}, which is not an executable file.`);
    }
    return { kind: 'binary', path };
  }

  const onPath = findOnPath('livekit-server');
  if (onPath) return { kind: 'binary', path: onPath };

  const cached = join(cacheDir(), `livekit-server-${LIVEKIT_SERVER_VERSION}`, 'server');
  if (isExecutableFile(cached)) return { kind: 'binary', path: cached };

  if (findOnPath('go')) {
    await buildWithGo(cached, log);
    return { kind: 'binary', path: cached };
  }

  if ((await run('docker', ['info'])).code === 0) return { kind: 'docker' };

  throw new Error(
    [
      `No livekit-server ${LIVEKIT_SERVER_VERSION} found. Any one of these fixes it:`,
      `- install Go >= 1.26 (https://go.dev/dl/) to build it from source once; an older Go >= 1.21`,
      `  fetches 1.26 by itself unless GOTOOLCHAIN=local;`,
      `- set LIVEKIT_SERVER_BIN to a livekit-server binary;`,
      `- run a Docker engine (then \`docker compose -f dev/compose.yaml up\` also works).`,
    ].join('\n'),
  );
}

/**
 * Starts livekit-server in dev mode on free loopback ports and waits until it answers.
 * The server is stopped when this process exits or gets SIGINT/SIGTERM.
 */
export async function startSfu(options: StartSfuOptions = {}): Promise<Sfu> {
  const log = options.log ?? defaultLog;
  const label = options.label ?? 'livekit-server';
  const server = await ensureLivekitServer(log);
  const { port, tcpPort, udpPort } = await reservePorts();
  const logFile = options.logFile ?? join(tmpdir(), `media-room-elements-sfu-${port}.log`);
  const httpUrl = `http://127.0.0.1:${port}`;
  // Key names as listed by `livekit-server help-verbose`; `ports` echoes what they resolve to.
  // `--bind` covers only the HTTP port, so a local binary gets media on the loopback interface
  // alone (UDP) and no ICE/TCP listener, which would bind every interface. In a container,
  // loopback is the container's own, so there it keeps ICE/TCP and the published ports.
  const rtc =
    server.kind === 'binary'
      ? ['  tcp_port: 0', '  interfaces:', '    includes: [lo]']
      : [`  tcp_port: ${tcpPort}`];
  const configBody = [
    `port: ${port}`,
    'rtc:',
    ...rtc,
    `  udp_port: ${udpPort}`,
    '  use_external_ip: false',
    '  enable_loopback_candidate: true',
    ...(options.config ?? []),
  ].join('\n');

  /** Starts the server on the ports chosen above; the same ports again after a restart. */
  const launch = async (): Promise<{ stop(): Promise<void>; child: ChildProcess }> => {
    const logFd = openSync(logFile, 'a');
    let instance: ServerProcess;
    try {
      instance =
        server.kind === 'binary'
          ? startBinary(server.path, configBody, logFd)
          : await startContainer({ port, tcpPort, udpPort }, configBody, logFd);
    } finally {
      closeSync(logFd); // the child holds its own copy
    }

    let stopping: Promise<void> | undefined;
    const stop = (): Promise<void> => {
      owned.delete(instance);
      stopping ??= instance.stop();
      return stopping;
    };
    owned.add(instance);
    stopOnExit();

    try {
      await waitUntilReady(httpUrl, instance.child, logFile);
    } catch (error) {
      await stop();
      throw error;
    }
    instance.child.once('exit', (code, signal) => {
      owned.delete(instance);
      if (!stopping && !signalled) {
        log(`${label} exited unexpectedly (${signal ?? code}); see ${logFile}`);
      }
    });
    return { stop, child: instance.child };
  };
  /** A signal sent on purpose: the exit it causes is expected. */
  let signalled = false;

  closeSync(openSync(logFile, 'w')); // a fresh log for this server
  let current = await launch();
  const isRunning = (): boolean =>
    current.child.exitCode === null && current.child.signalCode === null;
  return {
    url: `ws://127.0.0.1:${port}`,
    httpUrl,
    apiKey: DEV_API_KEY,
    apiSecret: DEV_API_SECRET,
    logFile,
    stop: () => current.stop(),
    async restart(downMs = 0) {
      await current.stop();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      signalled = false;
      current = await launch();
    },
    signal(signal) {
      if (server.kind !== 'binary') throw new Error('signals need a livekit-server binary');
      signalled = true;
      if (isRunning()) current.child.kill(signal);
    },
    exited() {
      const { child } = current;
      if (!isRunning()) return Promise.resolve();
      return new Promise((resolve) => child.once('exit', () => resolve()));
    },
    get running() {
      return isRunning();
    },
  };
}

/** Something this module started and must not leave behind: a server, or a Go build. */
export interface OwnedProcess {
  stop(): Promise<void>;
  /** synchronous, for the 'exit' handler */
  kill(): void;
}

interface ServerProcess extends OwnedProcess {
  /** exits when the server does (for Docker: `docker logs -f`, which ends with the container) */
  child: ChildProcess;
}

export const owned = new Set<OwnedProcess>();
let exitHandlersInstalled = false;

/** Once per process: never leave anything behind, whichever way the process ends. */
export function stopOnExit(): void {
  if (exitHandlersInstalled) return;
  exitHandlersInstalled = true;
  process.on('exit', () => owned.forEach((entry) => entry.kill()));
  for (const [signal, exitCode] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    let received = false;
    process.on(signal, () => {
      // A second Ctrl-C exits at once; the 'exit' handler still kills what is left.
      if (received) process.exit(exitCode);
      received = true;
      void Promise.allSettled([...owned].map((entry) => entry.stop())).then(() =>
        process.exit(exitCode),
      );
    });
  }
}

function startBinary(path: string, configBody: string, logFd: number): ServerProcess {
  const args = ['--dev', '--bind', '127.0.0.1', '--node-ip', '127.0.0.1'];
  const child = spawn(path, [...args, '--config-body', configBody], {
    stdio: ['ignore', logFd, logFd],
  });
  return {
    child,
    kill: () => child.kill('SIGKILL'),
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      // livekit-server drains rooms on the first signal and ignores one that arrives within
      // ~100 ms of it starting to serve; a second signal forces shutdown, SIGKILL is the backstop.
      const force = setTimeout(() => child.kill('SIGTERM'), 1_000);
      const kill = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
      await exited;
      clearTimeout(force);
      clearTimeout(kill);
    },
  };
}

/** Runs the official image with container ports equal to host ports, so ICE candidates match. */
async function startContainer(
  { port, tcpPort, udpPort }: Ports,
  configBody: string,
  logFd: number,
): Promise<ServerProcess> {
  const name = `media-room-sfu-${port}`;
  const started = await run('docker', [
    ...['run', '--rm', '-d', '--name', name],
    ...['-p', `127.0.0.1:${port}:${port}`, '-p', `127.0.0.1:${tcpPort}:${tcpPort}`],
    ...['-p', `127.0.0.1:${udpPort}:${udpPort}/udp`],
    `livekit/livekit-server:${LIVEKIT_SERVER_VERSION}`,
    ...['--dev', '--bind', '0.0.0.0', '--node-ip', '127.0.0.1', '--config-body', configBody],
  ]);
  if (started.code !== 0) throw new Error(`docker run failed:\n${started.output}`);
  const child = spawn('docker', ['logs', '-f', name], { stdio: ['ignore', logFd, logFd] });
  return {
    child,
    kill: () => spawnSync('docker', ['rm', '-f', name], { stdio: 'ignore' }),
    stop: async () => {
      await run('docker', ['rm', '-f', name]);
    },
  };
}

/** Polls GET / until it answers 200; fails early if the server exits, or after 30 s. */
async function waitUntilReady(
  httpUrl: string,
  child: ChildProcess,
  logFile: string,
): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  for (;;) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(
        `livekit-server exited (${child.signalCode ?? child.exitCode}) before it was ready. ` +
          `Last lines of ${logFile}:\n${tail(logFile, 20)}`,
      );
    }
    try {
      const response = await fetch(`${httpUrl}/`, { signal: AbortSignal.timeout(1_000) });
      await response.body?.cancel();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      throw new Error(
        `livekit-server did not answer on ${httpUrl} within ${READY_TIMEOUT_MS / 1000} s. ` +
          `Last lines of ${logFile}:\n${tail(logFile, 20)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * `go install`s the server into a temporary directory next to `target`, then renames it into place,
 * so an interrupted build never leaves a partial binary behind.
 */
async function buildWithGo(target: string, log: (line: string) => void): Promise<void> {
  const pkg = `github.com/livekit/livekit-server/cmd/server@${LIVEKIT_SERVER_VERSION}`;
  log(
    `Building livekit-server ${LIVEKIT_SERVER_VERSION} from source with Go ` +
      `(first time only, typically 3–5 minutes) into ${target}`,
  );
  mkdirSync(cacheDir(), { recursive: true });
  const buildDir = mkdtempSync(join(cacheDir(), `.build-${LIVEKIT_SERVER_VERSION}-`));
  const removeBuildDir = (): void => rmSync(buildDir, { recursive: true, force: true });
  const child = spawn('go', ['install', '-v', pkg], {
    env: { ...process.env, GOBIN: buildDir, CGO_ENABLED: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // Ctrl-C or exit mid-build kills Go and drops its partial output.
  const build: OwnedProcess = {
    kill: () => {
      child.kill('SIGKILL');
      removeBuildDir();
    },
    stop: async () => build.kill(),
  };
  owned.add(build);
  stopOnExit();
  try {
    // `go -v` names each package as it compiles it; keep the last few lines for errors.
    const recent: string[] = [];
    for (const stream of [child.stdout, child.stderr]) {
      createInterface({ input: stream }).on('line', (line) => {
        if (line.trim()) recent.push(line.trim());
        if (recent.length > 20) recent.shift();
      });
    }
    const startedAt = Date.now();
    const progress = setInterval(() => {
      const seconds = Math.round((Date.now() - startedAt) / 1000);
      log(`  still building (${seconds} s): ${recent.at(-1) ?? 'starting'}`);
    }, BUILD_PROGRESS_INTERVAL_MS);
    const code = await new Promise<number | null>((resolve, reject) => {
      child.once('error', reject);
      child.once('close', resolve);
    }).finally(() => clearInterval(progress));
    if (code !== 0) {
      throw new Error(`go install ${pkg} failed (exit ${code}):\n${recent.join('\n')}`);
    }

    mkdirSync(dirname(target), { recursive: true });
    renameSync(join(buildDir, 'server'), target);
    log(`Built ${target} in ${Math.round((Date.now() - startedAt) / 1000)} s`);
  } finally {
    owned.delete(build);
    removeBuildDir();
  }
}

/** Binds all three sockets at once, so the ports differ, notes what the OS picked, frees them. */
export async function reservePorts(): Promise<Ports> {
  const tcp = [createServer(), createServer()];
  const udp = createSocket('udp4');
  await Promise.all([
    ...tcp.map(
      (server) =>
        new Promise<void>((resolve, reject) => {
          server.once('error', reject).listen(0, '127.0.0.1', resolve);
        }),
    ),
    new Promise<void>((resolve, reject) => {
      udp.once('error', reject).bind(0, '127.0.0.1', resolve);
    }),
  ]);
  const [port, tcpPort] = tcp.map((server) => (server.address() as AddressInfo).port);
  const ports = { port: port!, tcpPort: tcpPort!, udpPort: udp.address().port };
  await Promise.all([
    ...tcp.map((server) => new Promise((resolve) => server.close(resolve))),
    new Promise<void>((resolve) => udp.close(resolve)),
  ]);
  return ports;
}

/** Runs a command to completion; code is null when it could not be started at all. */
function run(command: string, args: string[]): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('error', (error) => resolve({ code: null, output: error.message }));
    child.once('close', (code) => resolve({ code, output }));
  });
}

export function findOnPath(command: string): string | undefined {
  return (process.env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, command))
    .find(isExecutableFile);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

export function tail(file: string, lines: number): string {
  try {
    const text = readFileSync(file, 'utf8').trimEnd();
    return text ? text.split('\n').slice(-lines).join('\n') : '(empty)';
  } catch {
    return '(log file unreadable)';
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === 'ensure') {
    const server = await ensureLivekitServer();
    console.log(server.kind === 'binary' ? server.path : 'docker');
    return;
  }
  const sfu = await startSfu();
  console.log(`livekit-server ready
  url:        ${sfu.url}
  api key:    ${sfu.apiKey}
  api secret: ${sfu.apiSecret}
  log file:   ${sfu.logFile}
Ctrl-C stops it.`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
