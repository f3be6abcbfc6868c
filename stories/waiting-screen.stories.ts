import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/waiting-screen/waiting-screen.js';
import '../src/index.js';
import { CAPABILITIES_ATTRIBUTE, WAITING_ATTRIBUTE } from '../src/store/attributes.js';
import { ScriptedRoom } from '../test/helpers/scripted-room.js';

const meta: Meta = {
  title: 'Elements/waiting-screen',
  component: 'waiting-screen',
};
export default meta;

type Story = StoryObj;

/**
 * A simulated room (no server) where you wait to be let in (the server's `mr.waiting` mark and no
 * grant); with `host`, a host is in the room. No camera preview here: a simulated room has no
 * session join (the preview comes from the pre-join's choice).
 */
async function setUp(el: MediaRoom, host: boolean): Promise<void> {
  const script = await ScriptedRoom.create(1);
  const [other] = script.identities;
  script.update(other!, { name: 'Grace Hopper' });
  el.room = script.room;
  if (host) script.makeModerator(other);
  const local = script.room.localParticipant.identity;
  script.setPermissions(local, { canPublish: false, canSubscribe: false, canPublishData: false });
  script.setAttributes(local, {
    [WAITING_ATTRIBUTE]: new Date().toISOString(),
    [CAPABILITIES_ATTRIBUTE]: '',
  });
}

/** Waiting, a host in the room: "Waiting for a host to let you in" and Leave. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, true))}
      style="min-height: 0; padding: 0.5rem"
    >
      <waiting-screen></waiting-screen>
    </media-room>
  `,
};

/** No host is here: the newcomer is told they will be let in when one arrives. */
export const NoHost: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, false))}
      style="min-height: 0; padding: 0.5rem"
    >
      <waiting-screen></waiting-screen>
    </media-room>
  `,
};

/** In Japanese. */
export const Japanese: Story = {
  render: () => html`
    <media-room
      lang="ja"
      ${ref((el) => el && void setUp(el as MediaRoom, false))}
      style="min-height: 0; padding: 0.5rem"
    >
      <waiting-screen></waiting-screen>
    </media-room>
  `,
};
