import type { IncomingMessage, ServerResponse } from 'node:http';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { assetFile, assetType, transformedAsset } from '../../dev/assets.js';
import { startCluster, type Cluster } from '../../dev/cluster.js';
import { startSfu, type Sfu } from '../../dev/sfu.js';
import { clusterRoutes } from './cluster-routes.js';
import { testRoutes } from './test-routes.js';

/** The part of Koa's context used here (the test server's middleware run on Koa). */
interface Context {
  req: IncomingMessage;
  res: ServerResponse;
  respond?: boolean;
  method: string;
  path: string;
  status: number;
  type: string;
  body: unknown;
}
type Next = () => Promise<unknown>;

/** The paths test-routes.ts answers: the token endpoint and `/test-api/*`. */
const SFU_ROUTES = /^\/(?:api|test-api)\//;

/**
 * A livekit-server for the test server, started the first time a request reaches one of the routes
 * of test-routes.ts (so element tests, which never ask for a token, run without one). Concurrent
 * first requests share one start; a start that failed is not retried (each attempt can take 30 s),
 * its error answers every later request. `stop()` stops it only if it was started.
 */
export function sfuOnDemand(log: (line: string) => void) {
  let starting: Promise<ReturnType<typeof testRoutes>> | undefined;
  let started: Sfu | undefined;

  const start = (reason: string) => {
    if (starting) return starting;
    log(`starting livekit-server (first request needing it: ${reason})`);
    starting = startSfu({ log }).then((sfu) => {
      started = sfu;
      log(`livekit-server ready at ${sfu.url}, log file ${sfu.logFile}`);
      return testRoutes(sfu);
    });
    starting.catch((error: unknown) =>
      log(`livekit-server did not start: ${error instanceof Error ? error.message : error}`),
    );
    return starting;
  };

  return {
    async middleware(ctx: Context, next: Next): Promise<unknown> {
      if (!SFU_ROUTES.test(ctx.path)) return next();
      let routes: ReturnType<typeof testRoutes>;
      try {
        routes = await start(`${ctx.method} ${ctx.path}`);
      } catch (error) {
        ctx.status = 503;
        ctx.type = 'text/plain';
        ctx.body = `livekit-server did not start: ${error instanceof Error ? error.message : error}`;
        return;
      }
      return routes(ctx, next);
    },
    /** The server's log file, once one was started. */
    get logFile(): string | undefined {
      return started?.logFile;
    },
    async stop(): Promise<void> {
      if (!starting) return;
      // A start still under way is waited for, then stopped; one that failed left nothing running.
      await starting.catch(() => undefined);
      await started?.stop();
    },
  };
}

/**
 * A LiveKit cluster (dev/cluster.ts: Redis and two livekit-server nodes) for the cluster suite,
 * started the first time a request reaches `/cluster-api/*` (so no other test run starts one),
 * like `sfuOnDemand`; its routes are test/server/cluster-routes.ts.
 */
export function clusterOnDemand(log: (line: string) => void) {
  let starting: Promise<ReturnType<typeof clusterRoutes>> | undefined;
  let started: Cluster | undefined;
  const start = () => {
    if (starting) return starting;
    log('starting a LiveKit cluster (Redis and two livekit-server nodes)');
    starting = startCluster({ nodes: 2, log }).then((cluster) => {
      started = cluster;
      log(`cluster ready: ${cluster.urls().join(' ')}, redis ${cluster.redis.address}`);
      return clusterRoutes(cluster);
    });
    starting.catch((error: unknown) =>
      log(`the cluster did not start: ${error instanceof Error ? error.message : error}`),
    );
    return starting;
  };
  return {
    async middleware(ctx: Context, next: Next): Promise<unknown> {
      if (!ctx.path.startsWith('/cluster-api/')) return next();
      let routes: ReturnType<typeof clusterRoutes>;
      try {
        routes = await start();
      } catch (error) {
        ctx.status = 503;
        ctx.type = 'text/plain';
        ctx.body = `the cluster did not start: ${error instanceof Error ? error.message : error}`;
        return;
      }
      return routes(ctx, next);
    },
    async stop(): Promise<void> {
      if (!starting) return;
      await starting.catch(() => undefined);
      await started?.stop();
    },
  };
}

/**
 * Builds a fixture app (test/fixtures/<name>/build.ts, which writes test/fixtures/<name>/dist/) the
 * first time its bundle is requested, once per run; runs that load no such bundle skip the build.
 */
export function fixtureBuildsOnDemand(names: string[], log: (line: string) => void) {
  const builds = new Map<string, Promise<void>>();
  const pattern = /^\/test\/fixtures\/([\w-]+)\/dist\//;
  return async (ctx: Context, next: Next): Promise<unknown> => {
    const name = pattern.exec(ctx.path)?.[1];
    if (name && names.includes(name)) {
      let build = builds.get(name);
      if (!build) {
        const startedAt = Date.now();
        build = import(`../fixtures/${name}/build.ts`)
          .then((module: { build(outDir: string): Promise<void> }) =>
            module.build(`test/fixtures/${name}/dist`),
          )
          .then(
            () => log(`built test/fixtures/${name}/dist in ${Date.now() - startedAt} ms`),
            (error: unknown) => {
              log(`building test/fixtures/${name}/dist failed: ${error}`);
              throw error;
            },
          );
        builds.set(name, build);
      }
      await build;
    }
    return next();
  };
}

/**
 * Serves the package's assets (dev/assets.ts) at `/src/assets/…`, where src/internal/assets.ts
 * looks for them while the tests run the sources.
 */
export function assetsFromSource() {
  const prefix = '/src/assets/';
  return async (ctx: Context, next: Next): Promise<unknown> => {
    if (!ctx.path.startsWith(prefix)) return next();
    const name = decodeURIComponent(ctx.path.slice(prefix.length));
    const file = assetFile(name);
    if (!file || !existsSync(file) || !statSync(file).isFile()) return next();
    ctx.type = assetType(file);
    ctx.body = transformedAsset(name, file) ?? createReadStream(file);
    return undefined;
  };
}
