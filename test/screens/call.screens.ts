// Screenshots of the default UI at phone and desktop sizes, to look at (not compared):
//   npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/call.screens.ts
//   WTR_DEVICE=desktop npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/call.screens.ts
// They are written to test-results/screens/.
import { fixture, html } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { mountCall, phonePage } from '../mobile/call-page.js';
import { waitFor } from '../helpers/live.js';
import { currentEngine } from '../engines.js';

const phone = matchMedia('(pointer: coarse)').matches;
const sizes: Array<[number, number]> = phone
  ? [
      [390, 844],
      [844, 390],
      [360, 640],
      [640, 360],
    ]
  : [
      [1440, 900],
      [1280, 720],
    ];
const shot = (name: string) =>
  executeServerCommand('screenshot', {
    name: `${currentEngine()}-${phone ? 'phone' : 'desktop'}-${name}`,
  });

const frame = () => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));

describe('screens', () => {
  for (const [width, height] of sizes) {
    const size = `${width}x${height}`;
    it(size, async () => {
      for (const [label, remotes, share] of [
        ['5', 4, false],
        ['8-share', 7, true],
        ['8', 7, false],
      ] as const) {
        const { root, script, el } = await mountCall({ width, height, remotes, share });
        await frame();
        await new Promise((r) => setTimeout(r, 300));
        await shot(`${size}-${label}`);
        if (label !== '8-share') {
          root.querySelector('chat-toggle')!.shadowRoot!.querySelector('button')!.click();
          await waitFor(() => !root.querySelector('chat-panel')!.hidden, 'chat');
          await new Promise((r) => setTimeout(r, 300));
          await shot(`${size}-${label}-chat`);
          root.querySelector('participants-toggle')!.shadowRoot!.querySelector('button')!.click();
          await waitFor(() => !root.querySelector('participant-list')!.hidden, 'participants');
          await new Promise((r) => setTimeout(r, 300));
          await shot(`${size}-${label}-participants`);
          root.querySelector('participants-toggle')!.shadowRoot!.querySelector('button')!.click();
          await waitFor(() => root.querySelector('participant-list')!.hidden, 'closed');
        }
        const more = root.querySelector<HTMLElement>('[part~="more"]');
        if (more && label === '5') {
          more.click();
          await new Promise((r) => setTimeout(r, 300));
          await shot(`${size}-${label}-more`);
        }
        await script.room.disconnect();
        el.remove();
      }
      phonePage();
      await setViewport({ width, height });
      await fixture<MediaRoom>(
        html`<media-room token-url="/nowhere" style="height: 100dvh"></media-room>`,
      );
      await new Promise((r) => setTimeout(r, 1500));
      await shot(`${size}-prejoin`);
    });
  }
});
