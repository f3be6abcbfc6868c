import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/background-picker/background-picker.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/background-picker',
  component: 'background-picker',
};
export default meta;

type Story = StoryObj;

const room = () =>
  ref((el) => {
    if (el) void simulate(el as MediaRoom, 1);
  });

/**
 * The background choices in a simulated room: None, Blur and our four images. Arrows move and
 * choose; the choice is remembered in this browser (the camera menu below offers the same).
 */
export const Choices: Story = {
  render: () => html`
    <media-room ${room()} style="min-height: 16rem; padding: 0.5rem">
      <background-picker></background-picker>
      <device-picker kind="videoinput" show-label></device-picker>
    </media-room>
  `,
};

/** Right to left, in Arabic. */
export const Arabic: Story = {
  render: () => html`
    <media-room ${room()} lang="ar" dir="rtl" style="min-height: 10rem; padding: 0.5rem">
      <background-picker></background-picker>
    </media-room>
  `,
};
