import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/media-call',
  component: 'media-call',
};
export default meta;

type Story = StoryObj;

const simulated = (count: number, speaking = 0) =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, count, speaking);
  });

/** The default UI composed among the page's own elements: a header above it, speaker layout. */
export const ComposedWithYourOwn: Story = {
  render: () => html`
    <media-room style="height: 30rem" ${simulated(5, 1)}>
      <h2 style="margin: 0 0 0.5rem">Weekly sync</h2>
      <media-call layout="speaker"></media-call>
    </media-room>
  `,
};

/** A webinar: the stage layout; the participant list groups the stage and the audience. */
export const Webinar: Story = {
  render: () => html`
    <media-room style="height: 30rem" ${simulated(4, 1)}>
      <media-call type="webinar"></media-call>
    </media-room>
  `,
};

/** At phone width: the chat, once opened, takes the whole stage. */
export const Phone: Story = {
  render: () => html`
    <media-room style="height: 40rem; width: 22rem" ${simulated(3)}>
      <media-call></media-call>
    </media-room>
  `,
};
