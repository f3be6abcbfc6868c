import { expect } from '@open-wc/testing';
import type { ChatPanel } from '../../src/components/chat-panel/chat-panel.js';
import { sendKeys } from '../helpers/input.js';
import { setViewport } from '../helpers/viewport.js';

/**
 * LiveKit's own React kit and ours in one call through the real SFU: the `VideoConference` prefab
 * of `@livekit/components-react` (the version package.json pins; bundled with its own React 19 and
 * livekit-client by test/fixtures/prefab/build.ts) and a `<media-room>`, side by side on one page.
 * Each shows the other's camera with frames advancing, and chat goes both ways through each UI's
 * own input, each message shown once on the other side (the prefab sends an `lk.chat` stream and a
 * legacy copy; we send the same pair).
 */
type PrefabApp = typeof import('../fixtures/prefab/app.js');
const prefab = (await import('/test/fixtures/prefab/dist/prefab.js' as string)) as PrefabApp;
const { callRoot, mountRoom, tileOf, tokenFor, uniqueRoom, useLiveHooks, waitFor, waitForValue } =
  await import('../helpers/live.js');

const SMALL = { resolution: { width: 320, height: 240, frameRate: 15 } };

/**
 * Whether `video` shows a picture whose frames advance: it has a size and presents two new frames
 * (seen through `requestVideoFrameCallback`, as `isDecoding` does), within 4 s.
 */
async function framesAdvance(video: HTMLVideoElement): Promise<boolean> {
  const counts: number[] = [];
  let handle = 0;
  const two = new Promise<boolean>((resolve) => {
    const step = (_now: number, meta: VideoFrameCallbackMetadata) => {
      counts.push(meta.presentedFrames);
      if (counts.length === 2) resolve(counts[1]! > counts[0]!);
      else handle = video.requestVideoFrameCallback(step);
    };
    handle = video.requestVideoFrameCallback(step);
  });
  const window = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 4_000));
  const advanced = await Promise.race([two, window]);
  video.cancelVideoFrameCallback(handle);
  return advanced && video.videoWidth > 0 && video.videoHeight > 0;
}

/** Wait (bounded) until the video `find` gives shows advancing frames; returns it. */
async function decoding(
  find: () => HTMLVideoElement | null | undefined,
  what: string,
): Promise<HTMLVideoElement> {
  for (let attempt = 0; attempt < 8; attempt += 1) {
    const video = await waitForValue(find, `${what}: a video element`, 20_000);
    if (await framesAdvance(video)) return video;
  }
  throw new Error(`${what}: the video shows no advancing frames`);
}

describe("LiveKit's VideoConference prefab and <media-room> in one call", () => {
  useLiveHooks();
  let unmount: (() => void) | undefined;
  let box: HTMLDivElement | undefined;

  afterEach(() => {
    unmount?.();
    unmount = undefined;
    box?.remove();
  });

  it(`is components-react ${prefab.kitVersion}, the version package.json pins`, async () => {
    const manifest = (await (await fetch('/package.json')).json()) as {
      devDependencies: Record<string, string>;
    };
    expect(prefab.kitVersion).to.equal('2.9.24');
    expect(manifest.devDependencies['@livekit/components-react']).to.equal(prefab.kitVersion);
  });

  it('each decodes the other’s camera, and chat goes both ways, each message once', async () => {
    await setViewport({ width: 1600, height: 720 });
    const room = uniqueRoom('prefab');
    box = document.createElement('div');
    box.style.cssText = 'display: flex; width: 1600px; height: 720px';
    const prefabBox = document.createElement('div');
    // Wide enough for the prefab's tiles, its chat beside them and its whole control bar.
    prefabBox.style.cssText = 'flex: 0 0 960px; height: 100%; overflow: hidden';
    box.append(prefabBox);
    document.body.prepend(box);

    const { token, url } = await tokenFor(room, 'lk-prefab', 'LiveKit Prefab');
    const mounted = prefab.mount(prefabBox, { token, url, video: SMALL });
    unmount = mounted.unmount;
    await mounted.connected;

    const el = await mountRoom(room, 'ours', {
      name: 'Our Element',
      video: true,
      roomOptions: { videoCaptureDefaults: SMALL },
      style: 'display: block; flex: 1; height: 100%; min-width: 0',
    });
    box.append(el);

    // Video, both ways.
    await decoding(
      () => tileOf(el, 'lk-prefab')?.shadowRoot?.querySelector('video'),
      'our tile of the prefab',
    );
    await decoding(
      () =>
        prefabBox.querySelector<HTMLVideoElement>(
          '.lk-participant-tile[data-lk-local-participant="false"] video',
        ),
      'the prefab’s tile of ours',
    );
    expect(mounted.room.remoteParticipants.get('ours')?.name).to.equal('Our Element');

    // The prefab's chat: opened with its toggle, typed into, sent with its button.
    prefabBox.querySelector<HTMLButtonElement>('.lk-chat-toggle')!.click();
    const prefabInput = await waitForValue(
      () => prefabBox.querySelector<HTMLInputElement>('.lk-chat-form-input'),
      'the prefab’s chat input',
    );
    const inside = (inner: Element, outer: Element) => {
      const [i, o] = [inner.getBoundingClientRect(), outer.getBoundingClientRect()];
      return i.width > 0 && i.left >= o.left && i.right <= o.right && i.bottom <= o.bottom;
    };
    await waitFor(
      () => prefabInput.checkVisibility() && inside(prefabInput, prefabBox),
      'the prefab’s chat opens, in view',
    );
    const prefabSend = async (text: string) => {
      prefabInput.focus();
      await sendKeys({ type: text });
      prefabBox.querySelector<HTMLButtonElement>('.lk-chat-form-button')!.click();
      await waitFor(() => prefabInput.value === '', 'the prefab sent it');
    };
    const prefabShows = () =>
      [...prefabBox.querySelectorAll('.lk-chat-entry[data-lk-message-origin="remote"]')].map(
        (entry) => entry.querySelector('.lk-message-body')!.textContent,
      );

    // Ours: opened with its toggle.
    const call = callRoot(el)!;
    call
      .querySelector('control-bar')!
      .querySelector('chat-toggle')!
      .shadowRoot!.querySelector('button')!
      .click();
    const panel = call.querySelector<ChatPanel>('chat-panel')!;
    await waitFor(() => !panel.hidden, 'our chat opens');
    const ourInput = await waitForValue(
      () => panel.shadowRoot?.querySelector('textarea'),
      'our chat input',
    );
    const oursShows = () =>
      [...panel.shadowRoot!.querySelectorAll('[part~="message"]:not([part~="local"])')].map(
        (m) => m.querySelector('[part="text"]')!.textContent,
      );

    // Prefab → ours. A second message is the mark that everything sent before it has arrived
    // (each side's messages travel in order), so a copy shown twice would be there by then.
    await prefabSend('Hello from the prefab');
    await waitFor(() => oursShows().length > 0, 'ours shows the prefab’s message', 20_000);
    await prefabSend('Second from the prefab');
    await waitFor(() => oursShows().length > 1, 'ours shows the second');
    expect(oursShows()).to.deep.equal(['Hello from the prefab', 'Second from the prefab']);
    expect(
      panel.shadowRoot!.querySelector('[part~="message"] [part="sender"]')!.textContent,
    ).to.equal('LiveKit Prefab');

    // Ours → prefab.
    await waitFor(() => !ourInput.disabled, 'our chat can send');
    for (const text of ['Hello from media-room', 'Second from media-room']) {
      ourInput.focus();
      await sendKeys({ type: text });
      await sendKeys({ press: 'Enter' });
      await waitFor(() => ourInput.value === '', 'ours sent it');
    }
    await waitFor(() => prefabShows().length > 1, 'the prefab shows ours', 20_000);
    expect(prefabShows()).to.deep.equal(['Hello from media-room', 'Second from media-room']);
    expect(
      [...prefabBox.querySelectorAll('.lk-chat-entry .lk-timestamp')].some((t) =>
        t.textContent!.includes('edited'),
      ),
      'no message of ours arrived twice (the prefab marks a repeated id as edited)',
    ).to.equal(false);
    // Each side shows its own messages once too.
    expect(
      [...prefabBox.querySelectorAll('.lk-chat-entry[data-lk-message-origin="local"]')].length,
    ).to.equal(2);
    expect(el.store.get().chat.filter((m) => m.isLocal)).to.have.length(2);
  });
});
