/// <reference types="vite/client" />
/**
 * LiveKit's prefab as its docs show it: fetch a token, then
 * `<LiveKitRoom token serverUrl connect video={false} audio={false}><VideoConference/></LiveKitRoom>`
 * with LiveKit's stylesheet and LiveKitRoom's default room options (none given).
 */
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { LiveKitRoom, VideoConference } from '@livekit/components-react';
import stylesheet from '@livekit/components-styles?url';
import type { JoinFn } from './join.js';
import { fetchToken } from './join-token.js';

/**
 * LiveKit's stylesheet, as a page would link it. (A plain `import '@livekit/components-styles'`
 * is not enough here: the bundler puts the CSS with a chunk shared with another bench page and
 * then forgets to load it for this dynamically imported one, leaving the prefab unstyled.)
 */
function loadStyles(): Promise<void> {
  if (document.querySelector('link[data-livekit-styles]')) return Promise.resolve();
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = stylesheet;
  link.dataset.livekitStyles = '';
  const loaded = new Promise<void>((resolve, reject) => {
    link.onload = () => resolve();
    link.onerror = () => reject(new Error('LiveKit stylesheet did not load'));
  });
  document.head.append(link);
  return loaded;
}

export const join: JoinFn = async (host, { tokenUrl, identity, name }) => {
  const styles = loadStyles();
  const { token, url } = await fetchToken(tokenUrl, identity, name);
  await styles;
  const box = document.createElement('div');
  box.style.height = '100%';
  host.append(box);
  const root = createRoot(box);
  await new Promise<void>((resolve, reject) => {
    root.render(
      h(
        LiveKitRoom,
        {
          token,
          serverUrl: url,
          connect: true,
          video: false,
          audio: false,
          'data-lk-theme': 'default',
          style: { height: '100%' },
          onConnected: () => resolve(),
          onError: (error: Error) => reject(error),
        } as Parameters<typeof LiveKitRoom>[0],
        h(VideoConference),
      ),
    );
  });
  return {
    async leave() {
      // Unmounting LiveKitRoom disconnects its room.
      root.unmount();
      box.remove();
    },
  };
};
