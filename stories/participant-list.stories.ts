import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/participant-list/participant-list.js';
import '../src/components/participants-toggle/participants-toggle.js';
import type { ParticipantsToggleEvent } from '../src/events/participant-events.js';
import '../src/index.js';
import { HAND_ATTRIBUTE } from '../src/store/attributes.js';
import { ScriptedRoom } from '../test/helpers/scripted-room.js';

const meta: Meta = {
  title: 'Elements/participant-list',
  component: 'participant-list',
};
export default meta;

type Story = StoryObj;

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Zoë Çelik',
];

/**
 * A simulated room (no server) with seven others: named, some microphones on or muted, one camera
 * off. As a moderator: a moderator that does nothing is configured, your token lists
 * `moderate:participants`, two hands are raised and two people are viewers (the audience).
 */
async function setUp(el: MediaRoom, options: { moderator?: boolean } = {}): Promise<void> {
  const script = await ScriptedRoom.create(NAMES.length);
  const ids = script.identities;
  ids.forEach((id, i) => script.update(id, { name: NAMES[i]! }));
  script.publishTrack(ids[0]!, 'microphone');
  script.publishTrack(ids[1]!, 'microphone', { muted: true });
  script.publishTrack(ids[2]!, 'microphone');
  script.publishTrack(ids[3]!, 'camera', { muted: true });
  el.room = script.room;
  if (!options.moderator) return;
  el.session.setModerator(async () => {});
  script.makeModerator();
  script.setPermissions(ids[5]!, { canPublish: false });
  script.setPermissions(ids[6]!, { canPublish: false });
  script.setAttributes(ids[6]!, { [HAND_ATTRIBUTE]: new Date(Date.now() - 60_000).toISOString() });
  script.setAttributes(ids[2]!, { [HAND_ATTRIBUTE]: new Date().toISOString() });
}

/** As a participant: everyone with their state, a search and a volume for each of the others. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participant-list style="height: 560px; width: 20rem"></participant-list>
    </media-room>
  `,
};

/**
 * As a moderator: Mute, Bring onto the stage, Lower hand and Remove (after a confirmation) in
 * each row; viewers grouped under Audience, raised hands first. The moderator here does nothing.
 */
export const Moderator: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, { moderator: true }))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participant-list style="height: 640px; width: 20rem"></participant-list>
    </media-room>
  `,
};

/** A `<participants-toggle>` shows and hides the list. */
export const WithToggle: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, { moderator: true }))}
      style="min-height: 0; padding: 0.5rem"
      @participants-toggle=${(e: ParticipantsToggleEvent) => {
        const list = (e.currentTarget as HTMLElement).querySelector('participant-list')!;
        list.hidden = !e.open;
      }}
    >
      <participants-toggle></participants-toggle>
      <participant-list
        hidden
        style="height: 560px; width: 20rem; margin-top: 0.5rem"
      ></participant-list>
    </media-room>
  `,
};

/** In German: labels follow `lang`. */
export const German: Story = {
  render: () => html`
    <media-room
      lang="de"
      ${ref((el) => el && void setUp(el as MediaRoom, { moderator: true }))}
      style="min-height: 0; padding: 0.5rem"
    >
      <participant-list style="height: 640px; width: 20rem"></participant-list>
    </media-room>
  `,
};
