import { ParticipantPermission, TrackSource } from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/track-toggle/track-toggle.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/track-toggle',
  component: 'track-toggle',
};
export default meta;

type Story = StoryObj;

const room = (setup?: (el: MediaRoom) => void) =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, 2).then(() => setup?.(el as MediaRoom));
  });

/**
 * Microphone and camera toggles in a simulated room. A simulated room has no server, so turning a
 * source on asks for the device but cannot publish it.
 */
export const Toggles: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 0; padding: 0.5rem">
      <track-toggle source="microphone"></track-toggle>
      <track-toggle source="camera"></track-toggle>
    </media-room>
  `,
};

/** The store reports a denied camera: a warning mark and the message as the title. */
export const CameraDenied: Story = {
  render: () => html`
    <media-room
      ${room((el) => el.store.reportError({ code: 'camera-denied', fatal: false }))}
      style="min-height: 0; padding: 0.5rem"
    >
      <track-toggle source="camera"></track-toggle>
    </media-room>
  `,
};

/** The grant allows only the microphone: the camera toggle is disabled and says why. */
export const CameraForbidden: Story = {
  render: () => html`
    <media-room
      ${room((el) =>
        el.room.localParticipant.setPermissions(
          new ParticipantPermission({
            canPublish: true,
            canSubscribe: true,
            canPublishSources: [TrackSource.MICROPHONE],
          }),
        ),
      )}
      style="min-height: 0; padding: 0.5rem"
    >
      <track-toggle source="microphone"></track-toggle>
      <track-toggle source="camera"></track-toggle>
    </media-room>
  `,
};

/** German labels, from `lang`. */
export const German: Story = {
  render: () => html`
    <media-room lang="de" ${room()} style="min-height: 0; padding: 0.5rem">
      <track-toggle source="microphone"></track-toggle>
      <track-toggle source="camera"></track-toggle>
    </media-room>
  `,
};
