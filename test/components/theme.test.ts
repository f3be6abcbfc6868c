import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia } from '../helpers/input.js';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import '../../src/index.js';
import { waitFor, callRoot } from '../helpers/live.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { itIn } from '../engines.js';

/** The full default UI (grid and controls) on a scripted room, in a theme. */
async function themedRoom(theme: string) {
  const script = await ScriptedRoom.create(3);
  const el = await fixture<MediaRoom>(
    html`<media-room skip-prejoin theme=${theme} style="height: 30rem"></media-room>`,
  );
  el.room = script.room;
  await waitFor(() => !!callRoot(el)!.querySelector('control-bar'), 'default UI');
  const grid = callRoot(el)!.querySelector('layout-grid')!;
  await waitFor(
    () => (grid.shadowRoot?.querySelectorAll('participant-tile').length ?? 0) === 4,
    'tiles',
  );
  return { script, el };
}

const background = (el: Element) => getComputedStyle(el).backgroundColor;

describe('themes', () => {
  for (const theme of ['dark', 'light']) {
    it(`the full UI in the ${theme} theme passes the accessibility checks (contrast included)`, async () => {
      const { script, el } = await themedRoom(theme);
      expect(background(el)).to.equal(theme === 'light' ? 'rgb(248, 250, 252)' : 'rgb(17, 24, 39)');
      await expect(el).to.be.accessible();
      await script.room.disconnect();
    });
  }

  itIn('auto follows the system setting', async () => {
    try {
      await emulateMedia({ colorScheme: 'light' });
      const { script, el } = await themedRoom('auto');
      expect(background(el)).to.equal('rgb(248, 250, 252)');
      await emulateMedia({ colorScheme: 'dark' });
      await waitFor(() => background(el) === 'rgb(17, 24, 39)', 'dark when the system is dark');
      await script.room.disconnect();
    } finally {
      await emulateMedia({ colorScheme: 'no-preference' });
    }
  });
});
