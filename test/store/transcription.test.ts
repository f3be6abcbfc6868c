import { expect } from '@open-wc/testing';
import {
  RoomStore,
  TRANSCRIPT_LIMIT,
  TRANSCRIPT_SEGMENT_MAX,
  type TranscriptSegment,
} from '../../src/store/index.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';
import { joinAgent, openTranscription, receiveTranscription } from '../helpers/transcription.js';

const brief = (s: TranscriptSegment) => [s.speaker, s.text, s.final];

describe('transcription slice', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let ada: string;
  let bob: string;
  const segments = () => store.get().transcription.segments;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    [ada, bob] = script.identities as [string, string];
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('starts empty and unavailable', () => {
    expect(store.get().transcription).to.deep.equal({
      segments: [],
      available: false,
      since: undefined,
    });
    expect(Object.isFrozen(store.get().transcription)).to.equal(true);
  });

  it('replaces interim text with later text of the same segment, and a final one settles it', async () => {
    receiveTranscription(script.room, ada, 'Hel', { segment: 's1', final: false });
    await waitFor(() => segments().length === 1, 'interim');
    expect(brief(segments()[0]!)).to.deep.equal([ada, 'Hel', false]);
    expect(store.get().transcription.available).to.equal(true);
    const started = segments()[0]!.startedAt;
    const first = segments();

    receiveTranscription(script.room, ada, 'Hello wor', { segment: 's1', final: false });
    await waitFor(() => segments()[0]?.text === 'Hello wor', 'interim replaced');
    expect(segments()).to.have.length(1);
    expect(first[0]!.text).to.equal('Hel', 'the earlier snapshot is untouched');

    receiveTranscription(script.room, ada, 'Hello world.', { segment: 's1', final: true });
    await waitFor(() => segments()[0]?.final === true, 'final');
    expect(brief(segments()[0]!)).to.deep.equal([ada, 'Hello world.', true]);
    expect(segments()[0]!.startedAt).to.equal(started, 'keeps when it began');
    expect(Object.isFrozen(segments())).to.equal(true);
    expect(Object.isFrozen(segments()[0])).to.equal(true);

    // A late interim of a settled segment changes nothing.
    const settled = segments();
    receiveTranscription(script.room, ada, 'Hello wo', { segment: 's1', final: false });
    receiveTranscription(script.room, ada, 'Next.', { segment: 's2', final: true });
    await waitFor(() => segments().length === 2, 'next segment');
    expect(segments()[0]).to.equal(settled[0]);
  });

  it('keeps two speakers in the order their segments began, interleaved', async () => {
    receiveTranscription(script.room, ada, 'Ada one', { segment: 'a1', final: false });
    receiveTranscription(script.room, bob, 'Bob one', { segment: 'b1', final: false });
    receiveTranscription(script.room, ada, 'Ada one, done.', { segment: 'a1', final: true });
    receiveTranscription(script.room, bob, 'Bob one, done.', { segment: 'b1', final: true });
    receiveTranscription(script.room, ada, 'Ada two.', { segment: 'a2', final: true });
    await waitFor(() => segments().length === 3 && segments()[1]!.final, 'three segments');
    expect(segments().map(brief)).to.deep.equal([
      [ada, 'Ada one, done.', true],
      [bob, 'Bob one, done.', true],
      [ada, 'Ada two.', true],
    ]);
    // The same segment id from two senders is two segments.
    receiveTranscription(script.room, bob, 'Bob as a2.', { segment: 'a2', final: true });
    await waitFor(() => segments().length === 4, 'same id, other sender');
  });

  it('shows a streamed segment as it arrives and settles it by its trailer', async () => {
    const stream = openTranscription(script.room, ada, {
      segment: 'd1',
      final: false,
      trailer: { 'lk.transcription_final': 'true' },
    });
    stream.push('Good ');
    await waitFor(() => segments()[0]?.text === 'Good', 'first delta');
    expect(segments()[0]!.final).to.equal(false);
    stream.push('morning');
    await waitFor(() => segments()[0]?.text === 'Good morning', 'second delta');
    expect(segments()[0]!.final).to.equal(false);
    stream.end();
    await waitFor(() => segments()[0]?.final === true, 'settled by the trailer');
    expect(segments()).to.have.length(1);
  });

  it('settles a stream with no transcription attributes when it ends (its id is the segment)', async () => {
    const stream = openTranscription(script.room, bob);
    stream.push('Plain');
    await waitFor(() => segments()[0]?.text === 'Plain', 'shown while streaming');
    expect(segments()[0]!.final).to.equal(false);
    stream.end();
    await waitFor(() => segments()[0]?.final === true, 'settled at the end');
    receiveTranscription(script.room, bob, 'Another.');
    await waitFor(() => segments().length === 2, 'a stream of its own is a segment of its own');
  });

  it('names the owner of the transcribed track, not the agent that sent it', async () => {
    const track = script.publishAudio(bob);
    joinAgent(script.room, 'agent-1');
    await waitFor(() => store.get().transcription.available, 'an agent makes captions available');
    receiveTranscription(script.room, 'agent-1', 'Spoken by Bob.', {
      segment: 'x',
      final: true,
      track,
    });
    receiveTranscription(script.room, 'agent-1', 'Unknown track.', {
      segment: 'y',
      final: true,
      track: 'TR_nobody',
    });
    await waitFor(() => segments().length === 2, 'both');
    expect(segments()[0]).to.include({ speaker: bob, sender: 'agent-1', isLocal: false });
    expect(segments()[0]!.speakerName).to.equal(store.get().participants.get(bob)!.displayName);
    expect(segments()[1]).to.include({ speaker: 'agent-1', sender: 'agent-1' });
  });

  it('names the local participant when their own track is transcribed', async () => {
    const local = script.room.localParticipant;
    // The agent speaks for the local participant (as agents set the sender identity).
    receiveTranscription(script.room, local.identity, 'That was me.', {
      segment: 'l',
      final: true,
    });
    await waitFor(() => segments().length === 1, 'local');
    expect(segments()[0]).to.include({ speaker: local.identity, isLocal: true });
  });

  it('makes text fit to show and drops segments that show nothing', async () => {
    receiveTranscription(script.room, ada, '\u202Eevil\u202C text\u0007', {
      segment: 'e',
      final: true,
    });
    receiveTranscription(script.room, ada, ' \u200B ', { segment: 'blank', final: true });
    receiveTranscription(script.room, ada, 'x'.repeat(TRANSCRIPT_SEGMENT_MAX + 50), {
      segment: 'long',
      final: true,
    });
    await waitFor(() => segments().length === 2, 'two kept');
    expect(segments()[0]!.text).to.equal('evil text');
    expect(segments()[1]!.text).to.have.length(TRANSCRIPT_SEGMENT_MAX);
  });

  it(`keeps at most ${TRANSCRIPT_LIMIT} segments, dropping the oldest`, async () => {
    const n = TRANSCRIPT_LIMIT + 5;
    for (let i = 0; i < n; i += 1) {
      receiveTranscription(script.room, ada, `segment ${i}`, { segment: `s${i}`, final: true });
    }
    await waitFor(() => segments().at(-1)?.text === `segment ${n - 1}`, 'all received', 20_000);
    expect(segments()).to.have.length(TRANSCRIPT_LIMIT);
    expect(segments()[0]!.text).to.equal('segment 5');
    const since = store.get().transcription.since;
    expect(since).to.be.a('number');
    expect(since).to.be.at.most(segments()[0]!.startedAt);
  });

  it('two stores on one room both hear each stream; the handler goes with the last', async () => {
    const other = new RoomStore(script.room);
    receiveTranscription(script.room, ada, 'Both hear this.', { segment: 'b', final: true });
    await waitFor(
      () => other.get().transcription.segments.length === 1 && segments().length === 1,
      'both stores',
    );
    other.destroy();
    receiveTranscription(script.room, ada, 'Still here.', { segment: 'c', final: true });
    await waitFor(() => segments().length === 2, 'the remaining store still hears');
    store.destroy();
    expect(() =>
      script.room.registerTextStreamHandler('lk.transcription', () => undefined),
    ).not.to.throw();
    script.room.unregisterTextStreamHandler('lk.transcription');
  });
});
