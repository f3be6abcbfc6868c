import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/media-room',
  component: 'media-room',
};
export default meta;

type Story = StoryObj;

const simulated = (count: number, speaking = 0) =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, count, speaking);
  });

/** The default UI on a simulated room of six. */
export const SimulatedCall: Story = {
  render: () => html`<media-room style="height: 28rem" ${simulated(6, 1)}></media-room>`,
};

/** A token URL that answers 404: a readable error with Retry. */
export const TokenError: Story = {
  render: () =>
    html`<media-room
      skip-prejoin
      token-method="GET"
      token-url="/no-such-token-endpoint"
    ></media-room>`,
};

/** The same error in German, from the element's `lang`. */
export const TokenErrorGerman: Story = {
  render: () =>
    html`<media-room
      skip-prejoin
      lang="de"
      token-method="GET"
      token-url="/no-such-token-endpoint"
    ></media-room>`,
};
