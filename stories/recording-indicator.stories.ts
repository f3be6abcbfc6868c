import { Room as RoomInfo } from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/recording-indicator',
  component: 'recording-indicator',
};
export default meta;

/** In a simulated room whose recording has started (the SFU's room update, fed to the Room). */
export const Recording: StoryObj = {
  render: () => html`
    <media-room
      style="min-height: 0"
      ${ref((el) => {
        if (!el) return;
        void simulate(el as MediaRoom, 1).then((room) =>
          (room as unknown as { handleRoomUpdate(r: RoomInfo): void }).handleRoomUpdate(
            new RoomInfo({ sid: 'RM_SIMULATED', name: 'simulated-room', activeRecording: true }),
          ),
        );
      })}
    >
      <recording-indicator></recording-indicator>
    </media-room>
  `,
};
