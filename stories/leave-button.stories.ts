import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/leave-button/leave-button.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';
import { CAPABILITIES_ATTRIBUTE } from '../src/store/attributes.js';
import { ScriptedRoom } from '../test/helpers/scripted-room.js';

const meta: Meta = {
  title: 'Elements/leave-button',
  component: 'leave-button',
};
export default meta;

type Story = StoryObj;

/** Leaves the simulated room (then disabled). */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 2))}
      style="min-height: 0; padding: 0.5rem"
    >
      <leave-button></leave-button>
    </media-room>
  `,
};

/**
 * A host's Leave: the button opens a menu with "Leave" and "End for everyone" (opened here; the
 * moderator configured does nothing, so ending ends nothing).
 */
export const HostMenu: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void hostMenu(el as MediaRoom))}
      style="min-height: 10rem; padding: 0.5rem; display: flex; align-items: flex-end; justify-content: flex-end"
    >
      <leave-button></leave-button>
    </media-room>
  `,
};

async function hostMenu(el: MediaRoom): Promise<void> {
  const script = await ScriptedRoom.create(2);
  el.room = script.room;
  el.session.setModerator(async () => {});
  script.makeModerator();
  // A host's token from the server helper lists the capability (the store reads it there).
  script.setAttributes(script.room.localParticipant.identity, {
    [CAPABILITIES_ATTRIBUTE]: 'moderate:participants',
  });
  await el.session.store.settled();
  const button = el.querySelector('leave-button')!;
  await button.updateComplete;
  await button.show();
}
