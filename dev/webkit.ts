/**
 * WebKitGTK for the browser tests: Debian's MiniBrowser driven by WebKitWebDriver
 * (`webkit2gtk-driver`), on an Xvfb display of its own (MiniBrowser has no headless mode).
 * Debian builds WebKitGTK without WebRTC, so this engine runs the tests that need no call.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, openSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import type { TestRunnerCoreConfig } from '@web/test-runner-core';

/** $MINIBROWSER_BIN, else where Debian's libwebkit2gtk-4.1-0 puts MiniBrowser. */
export const miniBrowserPath = (): string =>
  process.env.MINIBROWSER_BIN ??
  ['/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/usr/lib']
    .map((dir) => `${dir}/webkit2gtk-4.1/MiniBrowser`)
    .find((path) => existsSync(path)) ??
  '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/** $WEBKIT_WEBDRIVER_BIN, else Debian's. */
export const webkitDriverPath = (): string =>
  process.env.WEBKIT_WEBDRIVER_BIN ?? '/usr/bin/WebKitWebDriver';

/**
 * Software rendering on a virtual display: no GPU, no DMA-BUF, no accelerated compositing.
 * (With accelerated compositing on software GL, which needs the DMA-BUF renderer, a <video> no
 * longer waits for the main thread to draw each frame, but the chat panel's tests then hit
 * "ResizeObserver loop" errors in most runs.)
 */
const BROWSER_ENV = {
  GDK_BACKEND: 'x11',
  LIBGL_ALWAYS_SOFTWARE: '1',
  WEBKIT_DISABLE_DMABUF_RENDERER: '1',
  WEBKIT_DISABLE_COMPOSITING_MODE: '1',
};

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Starts Xvfb on a display it chooses itself (`-displayfd`) and resolves that display. */
function startXvfb(): Promise<{ display: string; process: ChildProcess }> {
  return new Promise((resolve, reject) => {
    const xvfb = spawn(
      'Xvfb',
      // Larger than any viewport a test asks for (1440×900) with the window's chrome around it.
      ['-displayfd', '3', '-screen', '0', '1920x1200x24', '-nolisten', 'tcp'],
      { stdio: ['ignore', 'ignore', 'pipe', 'pipe'] },
    );
    let out = '';
    let err = '';
    xvfb.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
    xvfb.once('error', reject);
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): ${err.trim()}`)));
    const fd = xvfb.stdio[3] as NodeJS.ReadableStream;
    fd.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) resolve({ display: `:${out.trim()}`, process: xvfb });
    });
  });
}

/** Resolves once the driver answers /status (it listens a moment after it starts). */
async function driverReady(port: number, driver: ChildProcess): Promise<void> {
  let exited = false;
  driver.once('exit', () => (exited = true));
  for (let attempt = 0; attempt < 300; attempt++) {
    if (exited) throw new Error('WebKitWebDriver exited before it listened');
    try {
      const response = await fetch(`http://127.0.0.1:${port}/status`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`WebKitWebDriver did not listen on 127.0.0.1:${port}`);
}

function stopProcess(child: ChildProcess | undefined): void {
  if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
}

/** What `setViewport` uses of the webdriverio session. */
interface WindowDriver {
  getWindowRect(): Promise<{ width: number; height: number }>;
  setWindowRect(x: null, y: null, width: number, height: number): Promise<unknown>;
  execute<T>(script: () => T): Promise<T>;
}

/**
 * The WebDriver launcher of @web/test-runner-webdriver, with the driver and display it needs
 * started on `initialize` and stopped on `stop`.
 */
class WebKitLauncher extends WebdriverLauncher {
  private xvfb?: ChildProcess;
  private driver_?: ChildProcess;
  /** The window's size before a test sized it (restored when the test file ends). */
  private firstRect?: { width: number; height: number };

  constructor(private readonly driverOptions: { hostname: string; port: number }) {
    super(
      Object.assign(driverOptions, {
        logLevel: 'error' as const,
        capabilities: {
          browserName: 'MiniBrowser',
          // Classic WebDriver: WebKitWebDriver here has no WebDriver BiDi (webSocketUrl).
          'wdio:enforceWebDriverClassic': true,
          'webkitgtk:browserOptions': {
            binary: miniBrowserPath(),
            args: [
              '--automation',
              // MediaStream with WebKit's mock camera and microphone (there is no WebRTC).
              '--enable-media-stream=true',
              '--enable-mock-capture-devices=true',
              '--media-playback-requires-user-gesture=false',
              '--autoplay-policy=allow',
            ],
          },
        },
      }),
    );
  }

  override async initialize(config: TestRunnerCoreConfig): Promise<void> {
    const { display, process: xvfb } = await startXvfb();
    this.xvfb = xvfb;
    const port = await freePort();
    // The driver's and the browser's own messages (GStreamer, ALSA without a sound card, GLib)
    // go to a log file, not amid the test output.
    const log = join(tmpdir(), `webkit-webdriver-${port}.log`);
    this.driver_ = spawn(webkitDriverPath(), [`--port=${port}`, '--host=127.0.0.1'], {
      env: { ...process.env, ...BROWSER_ENV, DISPLAY: display },
      stdio: ['ignore', openSync(log, 'w'), openSync(log, 'a')],
    });
    console.log(`[webkit] WebKitWebDriver on 127.0.0.1:${port}, display ${display}, log ${log}`);
    // The display and the driver do not outlive the test runner, ended or terminated.
    const stopAll = () => {
      stopProcess(this.driver_);
      stopProcess(this.xvfb);
    };
    process.once('exit', stopAll);
    for (const signal of ['SIGTERM', 'SIGHUP'] as const)
      process.once(signal, () => {
        stopAll();
        process.exit(128 + (signal === 'SIGTERM' ? 15 : 1));
      });
    this.driverOptions.port = port;
    await driverReady(port, this.driver_);
    await super.initialize(config);
    this.name = 'webkit';
  }

  /**
   * `sendKeys({ press: 'Shift+Enter' })`: WebDriver's key actions know single keys only, so a
   * combination is pressed as its keys held together (webdriverio's `keys` presses them all, then
   * lets them all go), as Playwright does.
   */
  override sendKeys(sessionId: string, keys: string[]): Promise<void> {
    return super.sendKeys(
      sessionId,
      keys.flatMap((key) => (key.length > 1 && key.includes('+') ? key.split('+') : [key])),
    );
  }

  /**
   * `executeServerCommand('window-viewport', { width, height })` (test/server/viewport.ts): WebDriver
   * sizes windows, not viewports, so the window is sized to the viewport plus its chrome (the
   * difference between the window and the page's innerWidth × innerHeight), measured again after
   * each resize until the page has the size asked for. The window gets its first size back when
   * the test file ends, so that the next file starts as every file does.
   */
  async setViewport(_sessionId: string, size: { width: number; height: number }): Promise<void> {
    const driver = this.#webdriver();
    this.firstRect ??= await driver.getWindowRect();
    let inner = { width: 0, height: 0 };
    for (let attempt = 0; attempt < 5; attempt++) {
      inner = await driver.execute(() => ({ width: innerWidth, height: innerHeight }));
      if (inner.width === size.width && inner.height === size.height) return;
      const rect = await driver.getWindowRect();
      await driver.setWindowRect(
        null,
        null,
        rect.width + size.width - inner.width,
        rect.height + size.height - inner.height,
      );
    }
    throw new Error(
      `the window gives a ${inner.width}×${inner.height} viewport, not ${size.width}×${size.height}`,
    );
  }

  override async stopSession(id: string) {
    const rect = this.firstRect;
    this.firstRect = undefined;
    if (rect) await this.#webdriver().setWindowRect(null, null, rect.width, rect.height);
    return super.stopSession(id);
  }

  /** The webdriverio session (private in @web/test-runner-webdriver's types). */
  #webdriver(): WindowDriver {
    const driver = (this as unknown as { driver?: WindowDriver }).driver;
    if (!driver) throw new Error('WebKit: no WebDriver session');
    return driver;
  }

  override async stop(): Promise<void> {
    await super.stop();
    stopProcess(this.driver_);
    stopProcess(this.xvfb);
  }
}

export function webkitLauncher(): WebKitLauncher {
  return new WebKitLauncher({ hostname: '127.0.0.1', port: 0 });
}

const WEBKIT_DIRS = ['test/components/', 'test/store/', 'test/internal/'];

/** What WebKit runs: the tests on scripted rooms, which need no call (no WebRTC here). */
export const WEBKIT_FILES = WEBKIT_DIRS.map((dir) => `${dir}**/*.test.ts`);

/**
 * The files WebKit runs in this run: with `--files` on the command line (`npx wtr --files
 * test/components/x.test.ts`), those of them it can run, so that running one file does not run
 * WebKit's whole group; else WEBKIT_FILES.
 */
export function webkitFiles(argv: readonly string[] = process.argv): string[] {
  const at = argv.indexOf('--files');
  if (at < 0) return WEBKIT_FILES;
  const given: string[] = [];
  for (const arg of argv.slice(at + 1)) {
    if (arg.startsWith('--')) break;
    given.push(arg.replace(/^\.\//, ''));
  }
  return given.filter((file) => WEBKIT_DIRS.some((dir) => file.startsWith(dir)));
}
