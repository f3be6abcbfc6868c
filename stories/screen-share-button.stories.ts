import { ParticipantPermission } from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/screen-share-button/screen-share-button.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/screen-share-button',
  component: 'screen-share-button',
};
export default meta;

type Story = StoryObj;

const room = (setup?: (el: MediaRoom) => void) =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, 2).then(() => setup?.(el as MediaRoom));
  });

/** The button in a simulated room (the picker opens; a simulated room cannot publish). */
export const Default: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 0; padding: 0.5rem">
      <screen-share-button audio></screen-share-button>
    </media-room>
  `,
};

/** The grant forbids publishing: disabled, with the reason as its title. */
export const Forbidden: Story = {
  render: () => html`
    <media-room
      ${room((el) =>
        el.room.localParticipant.setPermissions(
          new ParticipantPermission({ canPublish: false, canSubscribe: true }),
        ),
      )}
      style="min-height: 0; padding: 0.5rem"
    >
      <screen-share-button></screen-share-button>
    </media-room>
  `,
};
