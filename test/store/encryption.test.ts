import { expect } from '@open-wc/testing';
import {
  Encryption_Type,
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import { ExternalE2EEKeyProvider, Room, RoomEvent, type RemoteParticipant } from 'livekit-client';
import { RoomStore } from '../../src/store/index.js';
import { encryptionOf, selectMissingKey } from '../../src/store/encryption.js';
import { ScriptedRoom } from '../helpers/scripted-room.js';
import { waitFor } from '../helpers/live.js';
import { itIn } from '../engines.js';

let version = 10_000;

/** The SFU says `p` publishes an end-to-end encrypted microphone (its trackInfo says GCM). */
function publishEncrypted(p: RemoteParticipant): void {
  p.updateInfo(
    new ParticipantInfo({
      sid: p.sid,
      identity: p.identity,
      name: p.name ?? '',
      state: ParticipantInfo_State.ACTIVE,
      tracks: [
        new TrackInfo({
          sid: `TR_e2ee_${version}`,
          source: TrackSource.MICROPHONE,
          type: TrackType.AUDIO,
          name: 'microphone',
          encryption: Encryption_Type.GCM,
        }),
      ],
      version: version++,
    }),
  );
}

describe('encryption slice', () => {
  let script: ScriptedRoom;
  let store: RoomStore;
  let ada: string;
  let bob: string;
  const state = () => store.get().encryption;

  beforeEach(async () => {
    script = await ScriptedRoom.create(2);
    [ada, bob] = script.identities as [string, string];
    store = new RoomStore(script.room);
  });

  afterEach(async () => {
    store.destroy();
    await script.room.disconnect();
  });

  it('starts with nothing encrypted and no key', () => {
    expect(state()).to.deep.equal({
      enabled: false,
      hasKey: false,
      encrypted: [],
      undecryptable: [],
    });
    expect(Object.isFrozen(state())).to.equal(true);
    expect(selectMissingKey(store.get())).to.equal(false);
    expect(encryptionOf(store.get(), ada, false)).to.equal('none');
  });

  it('follows encrypted publications: without a key, the page is told it misses one', async () => {
    publishEncrypted(script.remote(ada));
    await waitFor(() => state().encrypted.includes(ada), 'ada encrypts');
    expect(state().encrypted).to.deep.equal([ada]);
    expect(selectMissingKey(store.get())).to.equal(true);
    expect(encryptionOf(store.get(), ada, false)).to.equal('no-key');
    expect(encryptionOf(store.get(), bob, false)).to.equal('none');
    expect(Object.isFrozen(state().encrypted)).to.equal(true);

    // Unrelated changes keep the parts (structural sharing).
    const before = state();
    script.connectionQuality(bob, 'poor');
    await store.settled();
    expect(state()).to.equal(before);
  });

  it('marks whom an encryption error names as undecryptable, until they leave', async () => {
    const p = script.remote(bob);
    script.room.emit(RoomEvent.EncryptionError, new Error('InvalidKey'), p);
    // An error naming nobody, or the local participant, marks nobody.
    script.room.emit(RoomEvent.EncryptionError, new Error('worker'), undefined);
    script.room.emit(RoomEvent.EncryptionError, new Error('own'), script.room.localParticipant);
    await waitFor(() => state().undecryptable.length > 0, 'bob undecryptable');
    expect(state().undecryptable).to.deep.equal([bob]);

    script.leave(bob);
    await waitFor(() => state().undecryptable.length === 0, 'gone with bob');
  });

  it('reports the local encryption status', async () => {
    script.room.isE2EEEnabled = true;
    script.room.emit(
      RoomEvent.ParticipantEncryptionStatusChanged,
      true,
      script.room.localParticipant,
    );
    await waitFor(() => state().enabled, 'enabled');
    expect(state().encrypted).to.deep.equal([]);
    expect(encryptionOf(store.get(), script.room.localParticipant.identity, true)).to.equal(
      'encrypted',
    );
  });
});

describe('encryption slice with a key', () => {
  itIn('holds a key, and a new key clears the failures (tried again with it)', async () => {
    const keyProvider = new ExternalE2EEKeyProvider();
    const worker = new Worker('/src/assets/e2ee-worker.js', { type: 'module' });
    const room = new Room({ encryption: { keyProvider, worker } });
    await room.simulateParticipants({
      participants: { count: 2, video: false, audio: false },
      publish: { audio: false, video: false },
    });
    const store = new RoomStore(room);
    try {
      expect(store.get().encryption.hasKey).to.equal(true);
      const [remote] = [...room.remoteParticipants.values()] as [RemoteParticipant];
      publishEncrypted(remote);
      room.emit(RoomEvent.EncryptionError, new Error('InvalidKey'), remote);
      await waitFor(() => store.get().encryption.undecryptable.length === 1, 'undecryptable');
      expect(encryptionOf(store.get(), remote.identity, false)).to.equal('undecryptable');
      expect(selectMissingKey(store.get())).to.equal(false);

      await keyProvider.setKey('another passphrase');
      await waitFor(() => store.get().encryption.undecryptable.length === 0, 'cleared');
      expect(encryptionOf(store.get(), remote.identity, false)).to.equal('encrypted');
    } finally {
      store.destroy();
      await room.disconnect();
      worker.terminate();
    }
  });
});
