import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import '../src/components/pip-button/pip-button.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/pip-button',
  component: 'pip-button',
};
export default meta;

type Story = StoryObj;

/**
 * In a simulated room: pressing it opens a Document Picture-in-Picture window (Chromium on
 * desktop) holding the call — the speaker large, you small, microphone, camera and Leave; closing
 * the window puts it back. The line below follows `pip-change`. In Firefox, which has no
 * picture-in-picture to call, the button is not shown.
 */
export const Default: Story = {
  render: () => html`
    <media-room
      style="min-height: 0; padding: 0.5rem; display: flex; gap: 1rem; align-items: center"
      @pip-change=${(e: Event & { open: boolean; mode?: string }) => {
        const out = (e.currentTarget as Element).querySelector('output')!;
        out.value = e.open ? `open (${e.mode})` : 'closed';
      }}
      ${ref((el) => el && void simulate(el as MediaRoom, 2))}
    >
      <pip-button></pip-button>
      <output style="font: 0.875rem monospace">closed</output>
    </media-room>
  `,
};

/** Icon only: the label is hidden, the button keeps its name. */
export const IconOnly: Story = {
  render: () => html`
    <style>
      .icon-only::part(label) {
        display: none;
      }
    </style>
    <media-room
      style="min-height: 0; padding: 0.5rem"
      ${ref((el) => el && void simulate(el as MediaRoom, 2))}
    >
      <pip-button class="icon-only"></pip-button>
    </media-room>
  `,
};
