import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import { LocalAudioTrack } from 'livekit-client';
import type { AudioVisualizer } from '../src/components/audio-visualizer/audio-visualizer.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/audio-visualizer/audio-visualizer.js';
import '../src/components/media-room/media-room.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/audio-visualizer',
  component: 'audio-visualizer',
};
export default meta;

type Story = StoryObj;

/** A warbling tone as a LocalAudioTrack: no microphone or permission needed. */
function toneTrack(): LocalAudioTrack {
  const context = new AudioContext();
  const oscillator = context.createOscillator();
  const wobble = context.createOscillator();
  const depth = context.createGain();
  const gain = context.createGain();
  wobble.frequency.value = 1.5;
  depth.gain.value = 0.5;
  wobble.connect(depth).connect(gain.gain);
  oscillator.frequency.value = 330;
  const destination = context.createMediaStreamDestination();
  oscillator.connect(gain).connect(destination);
  oscillator.start();
  wobble.start();
  void context.resume();
  return new LocalAudioTrack(destination.stream.getAudioTracks()[0]!, undefined, true);
}

/**
 * A preview track before joining (set as the `track` property), as a pre-join screen would.
 * Click the story if the browser keeps audio suspended until a gesture.
 */
export const PreviewTrack: Story = {
  render: () => html`
    <audio-visualizer
      style="--audio-visualizer-width: 5rem; --audio-visualizer-height: 3rem"
      ${ref((el) => {
        if (el) (el as AudioVisualizer).track = toneTrack();
      })}
    ></audio-visualizer>
    <audio-visualizer
      bars="9"
      style="--audio-visualizer-width: 8rem; --audio-visualizer-height: 3rem; --audio-visualizer-color: #60a5fa"
      ${ref((el) => {
        if (el) (el as AudioVisualizer).track = toneTrack();
      })}
    ></audio-visualizer>
  `,
};

/** A participant with no media (simulated): the idle bars. */
export const Idle: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void simulate(el as MediaRoom, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <audio-visualizer identity="simulated-0"></audio-visualizer>
    </media-room>
  `,
};
