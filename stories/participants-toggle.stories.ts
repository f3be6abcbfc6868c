import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/participants-toggle/participants-toggle.js';
import '../src/index.js';
import { HAND_ATTRIBUTE } from '../src/store/attributes.js';
import { ScriptedRoom } from '../test/helpers/scripted-room.js';

const meta: Meta = {
  title: 'Elements/participants-toggle',
  component: 'participants-toggle',
};
export default meta;

type Story = StoryObj;

/** A simulated room (no server) with `others` others, `hands` of whom raised their hand. */
async function setUp(el: MediaRoom, others: number, hands = 0): Promise<void> {
  const script = await ScriptedRoom.create(others);
  el.room = script.room;
  script.identities.slice(0, hands).forEach((id, i) => {
    script.setAttributes(id, { [HAND_ATTRIBUTE]: new Date(Date.now() + i).toISOString() });
  });
}

/** The number of people in the room; press it to toggle `pressed`. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, 4))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participants-toggle></participants-toggle>
    </media-room>
  `,
};

/** Two hands raised: a hand mark, and the name says so. */
export const HandsRaised: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, 4, 2))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participants-toggle></participants-toggle>
    </media-room>
  `,
};

/** Pressed, as while the list is shown. */
export const Pressed: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, 4, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participants-toggle pressed></participants-toggle>
    </media-room>
  `,
};
