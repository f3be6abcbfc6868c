import {
  ConnectionQuality,
  ConnectionQualityInfo,
  ConnectionQualityUpdate,
  ParticipantInfo,
  ParticipantInfo_State,
  TrackInfo,
  TrackSource,
  TrackType,
} from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { RoomEvent, type Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import type { TilePinEvent } from '../src/events/tile-events.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/participant-tile',
  component: 'participant-tile',
};
export default meta;

type Story = StoryObj;

/** The SFU's connection-quality update: excellent, good, poor, lost for the first four remotes. */
function reportQualities(room: Room): Room {
  const qualities = [
    ConnectionQuality.EXCELLENT,
    ConnectionQuality.GOOD,
    ConnectionQuality.POOR,
    ConnectionQuality.LOST,
  ];
  const update = new ConnectionQualityUpdate({
    updates: [...room.remoteParticipants.values()]
      .slice(0, qualities.length)
      .map((p, i) => new ConnectionQualityInfo({ participantSid: p.sid, quality: qualities[i]! })),
  });
  (
    room as unknown as { handleConnectionQualityUpdate(u: ConnectionQualityUpdate): void }
  ).handleConnectionQualityUpdate(update);
  return room;
}

/** The SFU says the first remote of `room` shares a screen (published, no media: simulated). */
function shareScreen(room: Room): Room {
  const p = [...room.remoteParticipants.values()][0];
  if (!p) return room;
  p.updateInfo(
    new ParticipantInfo({
      sid: p.sid,
      identity: p.identity,
      name: p.name ?? '',
      state: ParticipantInfo_State.ACTIVE,
      tracks: [
        new TrackInfo({
          sid: 'TR_story_screen',
          source: TrackSource.SCREEN_SHARE,
          type: TrackType.VIDEO,
          name: 'screen',
        }),
      ],
      version: 5000,
    }),
  );
  return room;
}

/** Pins a tile when its Pin button is pressed, as a layout would (one pinned at a time). */
function pinOnPress(e: TilePinEvent): void {
  const root = (e.currentTarget as HTMLElement).querySelectorAll('participant-tile');
  for (const tile of root) {
    tile.pinned = e.pinned && tile.identity === e.identity && tile.source === e.source;
  }
}

/** Tiles composed by hand inside a `<media-room>` (here a simulated one): one speaking. */
export const Composed: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 3, 1).then(reportQualities))}
      style="min-height: 0; padding: 0.5rem"
      @tile-pin=${pinOnPress}
    >
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
      </div>
    </media-room>
  `,
};

/**
 * A screen share next to its sharer's camera tile. Without media (simulated) it shows the screen
 * icon; with a real room it shows the shared screen, contained. Pin buttons pin, as a layout would.
 */
export const ScreenShare: Story = {
  render: () => html`
    <media-room
      ${ref(
        (el) =>
          el &&
          void simulate(el as MediaRoom, 2)
            .then(shareScreen)
            .then(reportQualities),
      )}
      style="min-height: 0; padding: 0.5rem"
      @tile-pin=${pinOnPress}
    >
      <div style="display: grid; grid-template-columns: 2fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0" source="screen_share" pinned></participant-tile>
        <participant-tile identity="simulated-0"></participant-tile>
      </div>
    </media-room>
  `,
};

/** Extra buttons in the `actions` slot, a badge in `overlay`, labels in German. */
export const ActionsAndOverlay: Story = {
  render: () => html`
    <media-room
      lang="de"
      ${ref((el) => el && void simulate(el as MediaRoom, 2).then(reportQualities))}
      style="min-height: 0; padding: 0.5rem; max-width: 28rem"
      @tile-pin=${pinOnPress}
    >
      <participant-tile identity="simulated-1">
        <button slot="actions" type="button" aria-label="Nur für mich stumm schalten">🔇</button>
        <span slot="overlay" style="background: #2563eb; color: #fff; padding: 0 0.4rem">Host</span>
      </participant-tile>
    </media-room>
  `,
};

/**
 * End-to-end encryption: your own tile with its lock (your media is encrypted), and a remote
 * participant whose media arrives encrypted and cannot be decrypted here (this simulated page has
 * no key, so it says "no key"; with another key it says so), shown instead of a black video.
 */
export const Encryption: Story = {
  render: () => html`
    <media-room
      ${ref(
        (el) =>
          el &&
          void simulate(el as MediaRoom, 1).then((room) => {
            room.isE2EEEnabled = true;
            room.emit(RoomEvent.ParticipantEncryptionStatusChanged, true, room.localParticipant);
            const remote = [...room.remoteParticipants.values()][0]!;
            room.emit(RoomEvent.EncryptionError, new Error('InvalidKey'), remote);
          }),
      )}
      style="min-height: 0; padding: 0.5rem"
    >
      <div style="display: grid; grid-template-columns: 1fr 1fr; gap: 0.5rem">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
      </div>
    </media-room>
  `,
};
