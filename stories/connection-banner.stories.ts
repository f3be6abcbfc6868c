import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { DisconnectReason, RoomEvent, type Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/connection-banner/connection-banner.js';
import '../src/components/media-room/media-room.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/connection-banner',
  component: 'connection-banner',
};
export default meta;

type Story = StoryObj;

function room(then: (room: Room) => void, duration = 3000) {
  return html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1).then(then))}
      style="min-height: 0; padding: 0.5rem"
    >
      <connection-banner reconnected-duration=${duration}></connection-banner>
    </media-room>
  `;
}

/** livekit-client is reconnecting: a polite status with a spinner (still under reduced motion). */
export const Reconnecting: Story = {
  render: () => room((r) => r.emit(RoomEvent.Reconnecting)),
};

/** Back again: "Connection restored." (held for a minute here; about 3 s by default). */
export const Reconnected: Story = {
  render: () =>
    room((r) => {
      r.emit(RoomEvent.Reconnecting);
      r.emit(RoomEvent.Reconnected);
    }, 60_000),
};

/** Lost: an alert with the reason and Rejoin. */
export const Disconnected: Story = {
  render: () => room((r) => r.emit(RoomEvent.Disconnected, DisconnectReason.SERVER_SHUTDOWN)),
};

/** The same in German. */
export const DisconnectedGerman: Story = {
  render: () =>
    html`<div lang="de">
      ${room((r) => r.emit(RoomEvent.Disconnected, DisconnectReason.PARTICIPANT_REMOVED))}
    </div>`,
};
