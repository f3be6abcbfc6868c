/**
 * Runs a command while every core is kept busy, to shake out tests that pass only on an idle
 * machine (a timing they assume, a sleep that is long enough only when nothing else runs).
 *
 *   tsx dev/stress.ts [--cpus N] [--max-minutes M] [--threads] -- <command…>
 *   npm run test:stress            (the browser suite)
 *
 * `npm run test:stress` starts it as `node --import tsx` rather than through the tsx CLI, so a
 * signal sent to this process alone (not only Ctrl-C, which reaches the whole process group) gets
 * here directly rather than through the CLI's relay.
 *
 * The load is Debian's `stress-ng --cpu N` when it is on PATH (unless --threads), else N worker
 * threads of this process spinning; N is the number of cores unless --cpus says otherwise. Either stops by itself after M minutes (60 by default) even if this process is
 * killed outright; otherwise it stops as soon as the command ends, fails, or Ctrl-C is pressed.
 * Exits with the command's exit code (128 + signal number if a signal ended it).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { availableParallelism, constants as osConstants } from 'node:os';
import { delimiter, join } from 'node:path';
import { Worker } from 'node:worker_threads';

interface Hog {
  description: string;
  /** Stops the load and resolves once it is gone. */
  stop(): Promise<void>;
  /** Synchronous last resort, for the 'exit' handler. */
  kill(): void;
}

function usage(message: string): never {
  console.error(
    `${message}\nusage: tsx dev/stress.ts [--cpus N] [--max-minutes M] [--threads] -- <command…>`,
  );
  process.exit(2);
}

interface Options {
  cpus: number;
  maxMinutes: number;
  threads: boolean;
  command: string[];
}

function parseArgs(argv: string[]): Options {
  let cpus = availableParallelism();
  let maxMinutes = 60;
  let threads = false;
  let i = 0;
  const positive = (flag: string, value: string | undefined): number => {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) usage(`${flag} needs a positive number`);
    return n;
  };
  for (; i < argv.length; i += 1) {
    const arg = argv[i]!;
    if (arg === '--') {
      i += 1;
      break;
    }
    if (arg === '--cpus') cpus = Math.ceil(positive(arg, argv[(i += 1)]));
    else if (arg === '--max-minutes') maxMinutes = positive(arg, argv[(i += 1)]);
    else if (arg === '--threads') threads = true;
    else if (arg.startsWith('-')) usage(`unknown option ${arg}`);
    else break; // the command, without a `--` before it
  }
  const command = argv.slice(i);
  if (command.length === 0) usage('no command given');
  return { cpus, maxMinutes, threads, command };
}

function onPath(command: string): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(delimiter).filter(Boolean)) {
    try {
      accessSync(join(dir, command), constants.X_OK);
      return join(dir, command);
    } catch {
      // not here
    }
  }
  return undefined;
}

/** `stress-ng --cpu N`, in a process group of its own so its workers are stopped with it. */
function stressNg(path: string, cpus: number, maxMinutes: number): Hog {
  const seconds = Math.ceil(maxMinutes * 60);
  const child = spawn(path, ['--cpu', String(cpus), '--timeout', `${seconds}s`, '--quiet'], {
    stdio: 'ignore',
    detached: true,
  });
  child.on('error', (error) => console.error(`[stress] stress-ng: ${error.message}`));
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const signalGroup = (signal: NodeJS.Signals): void => {
    if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // already gone
    }
  };
  let stopping: Promise<void> | undefined;
  return {
    description: `stress-ng --cpu ${cpus} (stops by itself after ${maxMinutes} min)`,
    // SIGTERM lets stress-ng stop and reap its workers; SIGKILL if it has not within 5 s.
    stop() {
      stopping ??= (async () => {
        signalGroup('SIGTERM');
        const force = setTimeout(() => signalGroup('SIGKILL'), 5_000);
        await exited;
        clearTimeout(force);
      })();
      return stopping;
    },
    kill: () => signalGroup('SIGKILL'),
  };
}

/** N threads spinning until told to stop or until the deadline, whichever comes first. */
function busyThreads(cpus: number, maxMinutes: number): Hog {
  const deadline = Date.now() + maxMinutes * 60_000;
  const source = `
    const { workerData } = require('node:worker_threads');
    let x = 0;
    while (Date.now() < workerData.deadline) {
      for (let i = 0; i < 1e6; i += 1) x = (x * 31 + i) | 0;
    }
  `;
  const workers = Array.from({ length: cpus }, () => {
    const worker = new Worker(source, { eval: true, workerData: { deadline } });
    worker.unref();
    return worker;
  });
  return {
    description: `${cpus} busy threads (stop by themselves after ${maxMinutes} min)`,
    async stop() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
    // Threads end with the process.
    kill: () => {},
  };
}

function exitCodeOf(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  return 128 + (signal ? (osConstants.signals[signal] ?? 0) : 0);
}

function main(): void {
  const { cpus, maxMinutes, threads, command } = parseArgs(process.argv.slice(2));
  const stressNgPath = threads ? undefined : onPath('stress-ng');
  const hog = stressNgPath
    ? stressNg(stressNgPath, cpus, maxMinutes)
    : busyThreads(cpus, maxMinutes);
  // Whatever way this process ends, the load ends with it (SIGKILL aside: then the bound applies).
  process.on('exit', () => hog.kill());
  const finish = (exitCode: number): void => {
    void hog.stop().finally(() => process.exit(exitCode));
  };
  console.log(`[stress] load: ${hog.description}`);
  console.log(`[stress] running: ${command.join(' ')}`);

  const startedAt = Date.now();
  let child: ChildProcess;
  try {
    child = spawn(command[0]!, command.slice(1), { stdio: 'inherit' });
  } catch (error) {
    console.error(`[stress] could not start ${command[0]}: ${(error as Error).message}`);
    return finish(127);
  }

  // Ctrl-C reaches the command from the terminal too (same process group); a signal sent to this
  // process alone is passed on. Either way the load stops now and the command's exit decides.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      void hog.stop();
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    });
  }

  child.once('error', (error) => {
    console.error(`[stress] could not start ${command[0]}: ${error.message}`);
    finish(127);
  });
  child.once('exit', (code, signal) => {
    const exitCode = exitCodeOf(code, signal);
    const seconds = Math.round((Date.now() - startedAt) / 1000);
    console.log(`[stress] command ended with exit code ${exitCode} after ${seconds} s under load`);
    finish(exitCode);
  });
}

main();
