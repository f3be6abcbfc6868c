import { join } from 'node:path';
import type { StorybookConfig } from '@storybook/web-components-vite';
import { assetMiddleware, copyAssets } from '../dev/assets.js';

const config: StorybookConfig = {
  stories: ['../stories/**/*.stories.ts'],
  framework: { name: '@storybook/web-components-vite', options: {} },
  core: { disableTelemetry: true },
  // The package's own files (dev/assets.ts: workers, WebAssembly, models, background images):
  // served at /src/assets/ while the stories run from the sources, and copied beside the built
  // stories' code (assets/) by `storybook build`.
  viteFinal(vite) {
    vite.plugins = [
      ...(vite.plugins ?? []),
      {
        name: 'media-room-assets',
        configureServer(server) {
          server.middlewares.use(assetMiddleware());
        },
        writeBundle(options) {
          if (options.dir) copyAssets(join(options.dir, 'assets'));
        },
      },
    ];
    return vite;
  },
};

export default config;
