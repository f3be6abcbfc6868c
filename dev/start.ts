// `npm start`: livekit-server, the token endpoint and the demo, on loopback, until Ctrl-C.
import { createServer, type Plugin } from 'vite';
import { assetMiddleware } from './assets.js';
import { createMediaRooms, createRequestHandler } from '../src/server/index.js';
import { devJoinPolicy } from './roles.js';
import { startSfu } from './sfu.js';

const sfu = await startSfu({ log: (line) => console.log(`[sfu] ${line}`) });
console.log(`livekit-server ready at ${sfu.url} (log: ${sfu.logFile})`);

const rooms = createMediaRooms({
  apiKey: sfu.apiKey,
  apiSecret: sfu.apiSecret,
  livekitUrl: sfu.url,
});
// The demo lets the page pick its role and the room type (`?role=host&type=webinar`): dev only.
const tokens = createRequestHandler(rooms, { resolveJoin: devJoinPolicy(rooms) });

/**
 * Serves POST /api/token, POST /api/rooms/:room/join and POST /api/rooms/:room/moderate from the
 * demo's own origin.
 */
const tokenApi: Plugin = {
  name: 'media-room-token-api',
  configureServer(server) {
    // The package's workers, WebAssembly and models (dev/assets.ts), as the sources ask for them.
    server.middlewares.use(assetMiddleware());
    server.middlewares.use((req, res, next) => {
      tokens(req, res).then(
        (handled) => handled || next(),
        (error: unknown) => next(error),
      );
    });
  },
};

const port = Number(process.env.PORT ?? 5173);
const server = await createServer({
  configFile: false,
  root: 'demo',
  plugins: [tokenApi],
  server: { host: '127.0.0.1', port, strictPort: false },
});
await server.listen();
server.printUrls();
// dev/sfu.ts stops livekit-server on Ctrl-C and exits, which ends the demo server too.
console.log('Open the page in two tabs to see each other. Ctrl-C stops everything.');
