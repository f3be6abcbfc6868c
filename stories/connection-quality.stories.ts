import {
  ConnectionQuality,
  ConnectionQualityInfo,
  ConnectionQualityUpdate,
} from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/connection-quality',
  component: 'connection-quality',
};
export default meta;

type Story = StoryObj;

const QUALITIES = [
  ConnectionQuality.EXCELLENT,
  ConnectionQuality.GOOD,
  ConnectionQuality.POOR,
  ConnectionQuality.LOST,
];

/** Feed the simulated room the SFU's quality update: participant i gets QUALITIES[i]. */
function reportQualities(room: Room): void {
  const remotes = [...room.remoteParticipants.values()];
  const update = new ConnectionQualityUpdate({
    updates: remotes
      .slice(0, QUALITIES.length)
      .map((p, i) => new ConnectionQualityInfo({ participantSid: p.sid, quality: QUALITIES[i]! })),
  });
  (
    room as unknown as { handleConnectionQualityUpdate(u: ConnectionQualityUpdate): void }
  ).handleConnectionQualityUpdate(update);
}

const simulated = ref((el) => {
  if (el) void simulate(el as MediaRoom, 5).then(reportQualities);
});

const row = (identity: string) => html`
  <li style="display: flex; gap: 0.5rem; align-items: center">
    <connection-quality identity=${identity}></connection-quality>
    <code>${identity}</code>
  </li>
`;

/** Excellent, good, poor, lost, and one not reported yet (unknown). */
export const EveryQuality: Story = {
  render: () => html`
    <media-room ${simulated} style="min-height: 0; padding: 0.5rem; color: #f3f4f6">
      <ul style="list-style: none; margin: 0; padding: 0; display: grid; gap: 0.5rem">
        ${[0, 1, 2, 3, 4].map((i) => row(`simulated-${i}`))}
      </ul>
    </media-room>
  `,
};

/** Bigger, with custom colours; labels in German. */
export const Styled: Story = {
  render: () => html`
    <media-room ${simulated} lang="de" style="min-height: 0; padding: 0.5rem">
      <div
        style="display: flex; gap: 1rem; --connection-quality-size: 2.5rem;
          --connection-quality-good-color: #38bdf8; --connection-quality-off-color: #475569"
      >
        ${[0, 1, 2, 3, 4].map(
          (i) => html`<connection-quality identity=${`simulated-${i}`}></connection-quality>`,
        )}
      </div>
    </media-room>
  `,
};
