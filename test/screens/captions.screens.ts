// Screenshots of captions over real video and of the transcript, to look at (not compared):
//   WTR_DEVICE=desktop npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/captions.screens.ts
//   npx wtr --config web-test-runner.mobile.config.mjs --files test/screens/captions.screens.ts
// They are written to test-results/screens/.
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { Room } from 'livekit-client';
import { currentEngine } from '../engines.js';
import { phonePage } from '../mobile/call-page.js';
import {
  callRoot,
  isDecoding,
  joinPeer,
  mountRoom,
  tileOf,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

const phone = matchMedia('(pointer: coarse)').matches;
const shot = (name: string) =>
  executeServerCommand('screenshot', {
    name: `${currentEngine()}-${phone ? 'phone' : 'desktop'}-captions-${name}`,
  });

function say(peer: Room, text: string, segment: string, final: boolean, track?: string) {
  return peer.localParticipant.sendText(text, {
    topic: 'lk.transcription',
    attributes: {
      'lk.segment_id': segment,
      'lk.transcription_final': String(final),
      ...(track ? { 'lk.transcribed_track_id': track } : {}),
    },
  });
}

describe('captions screens', () => {
  const live = useLiveHooks();

  it('captions over video, then the transcript', async () => {
    phonePage();
    await setViewport(phone ? { width: 390, height: 844 } : { width: 1440, height: 900 });
    const room = uniqueRoom('captions-screens');
    const el = await mountRoom(room, 'reader', { style: 'height: 100dvh' });
    const ada = await joinPeer(room, 'Ada', { camera: true, microphone: true });
    const bob = await joinPeer(room, 'Bob', { camera: true });
    live.peers.push(ada, bob);
    const mic = await waitForValue(
      () => el.store.get().participants.get('Ada')?.tracks.microphone?.sid,
      'Ada’s microphone',
    );
    await waitFor(() => !!tileOf(el, 'Bob')?.shadowRoot?.querySelector('video'), 'Bob’s video');
    const video = tileOf(el, 'Ada')?.shadowRoot?.querySelector('video');
    if (video) await isDecoding(video);
    await say(
      ada,
      'Good morning, everyone. Shall we start with the quarterly numbers?',
      'a1',
      true,
      mic,
    );
    await say(bob, 'שלום לכולם, המספרים מוכנים', 'b1', true);
    await say(ada, 'مرحبا بالجميع، لنبدأ', 'a2', true, mic);
    await say(bob, 'Then the road map, if there is', 'b2', false);
    const root = callRoot(el)!;
    await waitFor(() => !!root.querySelector('captions-toggle'), 'captions toggle');
    if (phone) root.querySelector<HTMLElement>('[part~="more"]')?.click();
    root.querySelector('captions-toggle')!.shadowRoot!.querySelector('button')!.click();
    if (phone) root.querySelector<HTMLElement>('[part~="more"]')?.click();
    await waitFor(
      () =>
        root.querySelector('captions-overlay')?.shadowRoot?.querySelectorAll('[part~="line"]')
          .length === 3,
      'three lines',
    );
    await new Promise((r) => setTimeout(r, 400));
    await shot('overlay');
    root.querySelector('transcript-toggle')!.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !root.querySelector('transcript-panel')!.hidden, 'transcript');
    await new Promise((r) => setTimeout(r, 400));
    await shot('transcript');
  });
});
