import { expect } from '@open-wc/testing';
import { Encryption_Type } from '@livekit/protocol';
import type { HostRequest } from '../../src/store/host-layout.js';
import type { ModerationRequest } from '../../src/store/types.js';
import { RoomSession } from '../../src/session/room-session.js';
import { REACTIONS } from '../../src/store/reactions.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected a rejection');
}

/** Chat, reactions and moderation requests go through the session; its store records them. */
describe('RoomSession: chat, reactions and moderation on a scripted room', () => {
  let script: ScriptedRoom;
  let session: RoomSession;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    session = new RoomSession();
    session.useRoom(script.room);
    await session.store.settled();
  });

  afterEach(async () => {
    await script.room.disconnect();
  });

  it('sendChat sends on lk.chat and appends the local message; a failure is reported', async () => {
    const lp = script.room.localParticipant;
    const sent: Array<{ text: string; topic: string | undefined }> = [];
    const original = lp.sendText.bind(lp);
    lp.sendText = async (text, options) => {
      sent.push({ text, topic: options?.topic });
      return {
        id: 'local-1',
        timestamp: 1_700_000_000_000,
        mimeType: 'text/plain',
        topic: options?.topic ?? '',
        encryptionType: Encryption_Type.NONE,
      };
    };
    await session.sendChat('from me');
    await session.store.settled();
    expect(sent).to.deep.equal([{ text: 'from me', topic: 'lk.chat' }]);
    expect(session.store.get().chat.at(-1)).to.deep.equal({
      id: 'local-1',
      from: 'simulated-local',
      fromName: 'local-name',
      text: 'from me',
      timestamp: 1_700_000_000_000,
      isLocal: true,
    });

    lp.sendText = () => Promise.reject(new Error('data channel closed'));
    let rejected = false;
    await session.sendChat('lost').catch(() => (rejected = true));
    await session.store.settled();
    expect(rejected).to.equal(true);
    expect(session.store.get().error).to.deep.equal({
      code: 'chat-send-failed',
      detail: 'data channel closed',
      fatal: false,
    });
    expect(session.store.get().chat).to.have.length(1);
    lp.sendText = original;
  });

  it('sendChat refuses a message that shows nothing, without sending it', async () => {
    let sent = 0;
    script.room.localParticipant.sendText = () => {
      sent += 1;
      return Promise.reject(new Error('not to be sent'));
    };
    for (const text of ['', '   ', '\u200B\n\u3164', '\u2800\uFEFF\u202E']) {
      expect(await rejection(session.sendChat(text)), JSON.stringify(text)).to.be.instanceOf(
        RangeError,
      );
    }
    await session.store.settled();
    expect(sent).to.equal(0);
    expect(session.store.get().chat).to.deep.equal([]);
    expect(session.store.get().error).to.equal(undefined);
  });

  it('offers the allow-listed reactions and refuses anything else before sending', async () => {
    expect(REACTIONS).to.include('👍');
    let sent = 0;
    script.room.localParticipant.publishData = async () => {
      sent += 1;
    };
    expect(await rejection(session.sendReaction('<img src=x onerror=alert(1)>'))).to.be.instanceOf(
      RangeError,
    );
    expect(sent).to.equal(0);
    await session.sendReaction('👍');
    expect(sent).to.equal(1);
    await session.store.settled();
    expect(session.store.get().reactions.map((r) => [r.from, r.emoji, r.isLocal])).to.deep.equal([
      [script.room.localParticipant.identity, '👍', true],
    ]);
  });

  it('moderates only through a configured moderator, and reports a refusal without losing it', async () => {
    expect(await rejection(session.moderate({ action: 'remove', identity: 'x' }))).to.be.an(
      'error',
    );
    await session.store.settled();
    expect(session.store.get().error?.code).to.equal('moderation-failed');
    session.clearError();

    const calls: Array<ModerationRequest | HostRequest> = [];
    session.setModerator(async (request) => {
      calls.push(request);
      if (request.action === 'remove') throw new Error('HTTP 403: not a moderator');
    });
    await session.store.settled();
    expect(session.store.get().moderation).to.equal(true);

    await session.moderate({ action: 'mute', identity: 'p', trackSid: 'TR_1' });
    expect(calls).to.deep.equal([{ action: 'mute', identity: 'p', trackSid: 'TR_1' }]);
    const refused = await rejection(session.moderate({ action: 'remove', identity: 'p' }));
    expect((refused as Error).message).to.equal('HTTP 403: not a moderator');
    await session.store.settled();
    expect(session.store.get().error).to.deep.include({
      code: 'moderation-failed',
      detail: 'HTTP 403: not a moderator',
      fatal: false,
    });

    session.setModerator(undefined);
    await session.store.settled();
    expect(session.store.get().moderation).to.equal(false);
  });
});
