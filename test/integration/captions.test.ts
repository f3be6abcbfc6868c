import { expect } from '@open-wc/testing';
import type { Room } from 'livekit-client';
import type { CaptionsOverlay } from '../../src/components/captions-overlay/captions-overlay.js';
import type { TranscriptPanel } from '../../src/components/transcript-panel/transcript-panel.js';
import { deepActive } from '../helpers/focus.js';
import { sendKeys } from '../helpers/input.js';
import {
  callRoot,
  joinPeer,
  mountRoom,
  uniqueRoom,
  useLiveHooks,
  waitFor,
  waitForValue,
} from '../helpers/live.js';

const TOPIC = 'lk.transcription';
const HEBREW = 'שלום לכולם';
const ARABIC = 'مرحبا بالجميع';

/** The attributes LiveKit Agents put on a transcription stream. */
function attrs(segment: string, final: boolean, track?: string): Record<string, string> {
  return {
    'lk.segment_id': segment,
    'lk.transcription_final': String(final),
    ...(track ? { 'lk.transcribed_track_id': track } : {}),
  };
}

function say(peer: Room, text: string, attributes: Record<string, string>) {
  return peer.localParticipant.sendText(text, { topic: TOPIC, attributes });
}

// Captions start as the user last left them (remembered): every test here starts with them off.
const CAPTIONS_KEY = 'media-room-elements:captions';
beforeEach(() => localStorage.removeItem(CAPTIONS_KEY));
afterEach(() => localStorage.removeItem(CAPTIONS_KEY));

describe('captions and transcript against a real livekit-server', () => {
  const live = useLiveHooks();

  it('shows interim then final segments of two speakers, right-to-left text included, in the overlay and the transcript', async () => {
    const room = uniqueRoom('captions');
    const el = await mountRoom(room, 'reader', { style: 'height: 40rem; width: 72rem' });
    // Ada speaks into a real microphone; an agent ("scribe") transcribes her track. Bob sends
    // his own transcription (no track named: the sender is the speaker).
    const ada = await joinPeer(room, 'ada', { microphone: true });
    live.peers.push(ada);
    const bob = await joinPeer(room, 'bob', {});
    live.peers.push(bob);
    const scribe = await joinPeer(room, 'scribe', {});
    live.peers.push(scribe);
    const adaMic = await waitForValue(
      () => el.store.get().participants.get('ada')?.tracks.microphone?.sid,
      'the reader sees Ada’s microphone',
    );
    await waitFor(
      () => ['bob', 'scribe'].every((id) => el.store.get().participants.has(id)),
      'everyone seen',
    );
    await waitFor(
      () => ['reader', 'ada', 'bob'].every((id) => scribe.getParticipantByIdentity(id)),
      'the scribe sees everyone',
    );
    const call = () => callRoot(el)!;
    expect(call().querySelector('captions-toggle')).to.equal(null, 'no source yet');

    // The scribe streams Ada's first words as they come (deltas on one open stream).
    const writer = await scribe.localParticipant.streamText({
      topic: TOPIC,
      attributes: attrs('ada-1', false, adaMic),
    });
    await writer.write('Good ');
    await waitFor(() => !!call().querySelector('captions-toggle'), 'the captions toggle shows');
    const toggle = call().querySelector('captions-toggle')!;
    await toggle.updateComplete;
    toggle.shadowRoot!.querySelector('button')!.click();
    await waitFor(() => !!call().querySelector('captions-overlay'), 'captions on');
    const overlay = call().querySelector('captions-overlay')! as CaptionsOverlay;
    const lines = () =>
      [...overlay.shadowRoot!.querySelectorAll('[part~="line"]')].map((l) => ({
        speaker: l.querySelector('[part="speaker"]')!.textContent,
        text: l.querySelector('[part="text"]')!.textContent,
        interim: l.matches('[part~="interim"]'),
      }));
    const said = () =>
      [...overlay.shadowRoot!.querySelectorAll('[aria-live="polite"] p')].map((p) => p.textContent);
    await waitFor(() => lines()[0]?.text === 'Good', 'the first interim words');
    expect(lines()[0]).to.deep.equal({ speaker: 'ada', text: 'Good', interim: true });
    await writer.write('morning');
    await waitFor(() => lines()[0]?.text === 'Good morning', 'more interim words');
    await writer.close();
    expect(said()).to.deep.equal([], 'interim text is not read out');

    // Bob's interim, then Ada's final (replacing her interim), then Bob's final in Hebrew.
    await say(bob, 'שלום', attrs('bob-1', false));
    await waitFor(() => lines().length === 2, 'Bob’s interim line');
    await say(scribe, 'Good morning, everyone.', attrs('ada-1', true, adaMic));
    await waitFor(() => said().length === 1, 'Ada’s final is read out');
    expect(said()).to.deep.equal(['ada: Good morning, everyone.']);
    await say(bob, HEBREW, attrs('bob-1', true));
    await waitFor(() => said().length === 2, 'Bob’s final is read out');
    await say(scribe, ARABIC, attrs('ada-2', true, adaMic));
    await waitFor(() => lines().length === 3 && lines()[2]!.text === ARABIC, 'Ada in Arabic');
    expect(lines()).to.deep.equal([
      { speaker: 'ada', text: 'Good morning, everyone.', interim: false },
      { speaker: 'bob', text: HEBREW, interim: false },
      { speaker: 'ada', text: ARABIC, interim: false },
    ]);
    expect(said()).to.deep.equal([
      'ada: Good morning, everyone.',
      `bob: ${HEBREW}`,
      `ada: ${ARABIC}`,
    ]);
    const texts = overlay.shadowRoot!.querySelectorAll<HTMLElement>('[part="text"]');
    expect(texts[0]!.matches(':dir(ltr)')).to.equal(true);
    expect(texts[1]!.matches(':dir(rtl)')).to.equal(true);
    expect(texts[2]!.matches(':dir(rtl)')).to.equal(true);
    // The scribe is never named as a speaker.
    expect(el.store.get().transcription.segments.map((s) => s.speaker)).to.deep.equal([
      'ada',
      'bob',
      'ada',
    ]);

    // The transcript panel: opened from its toggle, focus in its search.
    const tt = call().querySelector('transcript-toggle')!;
    await tt.updateComplete;
    tt.focus();
    await sendKeys({ press: 'Enter' });
    const panel = call().querySelector('transcript-panel')! as TranscriptPanel;
    await waitFor(
      () => !panel.hidden && deepActive() === panel.shadowRoot!.querySelector('[part="filter"]'),
      'the transcript opens with focus in its search',
    );
    const rows = () =>
      [...panel.shadowRoot!.querySelectorAll('[part~="segment"]')].map((s) => [
        s.querySelector('[part="speaker"]')!.textContent,
        s.querySelector('[part="text"]')!.textContent,
      ]);
    expect(rows()).to.deep.equal([
      ['ada', 'Good morning, everyone.'],
      ['bob', HEBREW],
      ['ada', ARABIC],
    ]);
    await sendKeys({ type: 'bob' });
    await waitFor(() => rows().length === 1, 'search by speaker');
    expect(rows()[0]).to.deep.equal(['bob', HEBREW]);
    const vtt = panel.toWebVTT();
    expect(
      vtt
        .trimEnd()
        .split('\n\n')
        .map((cue) => cue.split('\n').at(-1)),
    ).to.deep.equal([
      'WEBVTT',
      '<v ada>Good morning, everyone.',
      `<v bob>${HEBREW}`,
      `<v ada>${ARABIC}`,
    ]);
    expect(vtt.split('\n\n')[1]).to.match(/^1\n00:00:00\.000 --> \d\d:\d\d:\d\d\.\d\d\d\n/);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Escape' });
    await sendKeys({ press: 'Escape' });
    await waitFor(() => panel.hidden, 'Escape clears the search, then closes');
    await waitFor(() => deepActive() === tt.shadowRoot!.querySelector('button'), 'focus back');
  });
});
