import { ParticipantPermission } from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Room } from 'livekit-client';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import type { ReactionButton } from '../src/components/reaction-button/reaction-button.js';
import '../src/index.js';
import '../src/components/reaction-button/reaction-button.js';
import { REACTION_TOPIC, REACTIONS } from '../src/store/index.js';
import { receiveData } from '../test/helpers/data-packet.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/reaction-button',
  component: 'reaction-button',
};
export default meta;

type Story = StoryObj;

/**
 * A simulated room has no server to send to: a reaction you choose is taken as sent, so it shows
 * over your own tile as it would in a call.
 */
function sendLocally(room: Room): Room {
  room.localParticipant.publishData = async () => {};
  return room;
}

/** Wait until the element has the room (the store commits on a microtask, Lit renders on one). */
const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));

/** The button beside your own tile: choose an emoji and watch it rise over the tile. */
export const Default: Story = {
  render: () => html`
    <media-room
      style="min-height: 0; padding: 0.5rem; display: grid; gap: 0.5rem; max-width: 24rem"
      ${ref((el) => el && void simulate(el as MediaRoom, 0).then(sendLocally))}
    >
      <participant-tile identity="simulated-local"></participant-tile>
      <reaction-button></reaction-button>
    </media-room>
  `,
};

/** The popover open, the first emoji focused (arrow keys move, Enter sends, Escape closes). */
export const Open: Story = {
  render: () => html`
    <media-room
      style="min-height: 14rem; padding: 0.5rem; align-content: end"
      ${ref((el) => {
        if (!el) return;
        void simulate(el as MediaRoom, 0)
          .then(sendLocally)
          .then(frame)
          .then(() => (el.querySelector('reaction-button') as ReactionButton).show());
      })}
    >
      <reaction-button></reaction-button>
    </media-room>
  `,
};

/**
 * Reactions from others floating over their tiles: data messages on `mr.reaction` fed to the
 * Room as the SFU would deliver them, one every 700 ms. Remote ones are also announced to screen
 * readers by each tile. (With reduced motion, they fade in place.)
 */
export const OverTiles: Story = {
  render: () => html`
    <media-room
      style="height: 28rem"
      ${ref((el) => {
        if (!el) return;
        void simulate(el as MediaRoom, 3).then((room) => {
          sendLocally(room);
          const senders = [...room.remoteParticipants.keys()];
          let n = 0;
          const timer = setInterval(() => {
            if (!el.isConnected) return clearInterval(timer);
            const emoji = REACTIONS[(n * 5) % REACTIONS.length]!;
            receiveData(room, senders[n % senders.length]!, REACTION_TOPIC, emoji);
            n += 1;
          }, 700);
        });
      })}
    >
      <layout-grid></layout-grid>
      <reaction-button
        style="position: absolute; inset-block-end: 0.5rem; inset-inline-start: 50%"
      ></reaction-button>
    </media-room>
  `,
};

/**
 * When the grant does not allow reactions (here: publishing data denied), the element is hidden;
 * shown here disabled with its reason (its tooltip), as a page may choose to.
 */
export const Forbidden: Story = {
  render: () => html`
    <style>
      reaction-button:state(forbidden) {
        display: inline-block;
      }
    </style>
    <media-room
      style="min-height: 0; padding: 0.5rem"
      ${ref((el) => {
        if (!el) return;
        void simulate(el as MediaRoom, 0).then((room) =>
          room.localParticipant.setPermissions(
            new ParticipantPermission({
              canPublish: true,
              canSubscribe: true,
              canPublishData: false,
            }),
          ),
        );
      })}
    >
      <reaction-button></reaction-button>
    </media-room>
  `,
};
