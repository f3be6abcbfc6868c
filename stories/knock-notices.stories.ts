import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/knock-notices/knock-notices.js';
import '../src/index.js';
import { CAPABILITIES_ATTRIBUTE, WAITING_ATTRIBUTE } from '../src/store/attributes.js';
import { ScriptedRoom } from '../test/helpers/scripted-room.js';

const meta: Meta = {
  title: 'Elements/knock-notices',
  component: 'knock-notices',
};
export default meta;

type Story = StoryObj;

const NAMES = ['Ada Lovelace', 'Grace Hopper', 'Alan Turing', 'Katherine Johnson', 'زينب'];

/**
 * A simulated room (no server) in a waiting room, as a host (a moderator that does nothing is
 * configured and your token lists `moderate:participants`): `waiting` newcomers knock, a second
 * apart.
 */
async function setUp(el: MediaRoom, waiting: number): Promise<void> {
  const script = await ScriptedRoom.create(NAMES.length);
  const ids = script.identities;
  ids.forEach((id, i) => script.update(id, { name: NAMES[i]! }));
  el.room = script.room;
  el.session.setModerator(async () => {});
  script.makeModerator();
  ids.slice(0, waiting).forEach((id, i) => {
    script.setPermissions(id, { canPublish: false, canSubscribe: false, canPublishData: false });
    script.setAttributes(id, {
      [WAITING_ATTRIBUTE]: new Date(Date.now() - (waiting - i) * 1000).toISOString(),
      [CAPABILITIES_ATTRIBUTE]: '',
    });
  });
}

/** One newcomer asks to join: "Ada Lovelace asks to join" with Admit and Deny. */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, 1))}
      style="min-height: 0; padding: 0.5rem"
    >
      <knock-notices style="max-width: 32rem"></knock-notices>
    </media-room>
  `,
};

/** Five knock: three notices stack (`max`), and "+2 more waiting". */
export const Stacked: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, 5))}
      style="min-height: 0; padding: 0.5rem"
    >
      <knock-notices style="max-width: 32rem"></knock-notices>
    </media-room>
  `,
};

/** In Arabic, right to left, with a name in Arabic script. */
export const RightToLeft: Story = {
  render: () => html`
    <media-room
      lang="ar"
      dir="rtl"
      ${ref((el) => el && void setUp(el as MediaRoom, 5))}
      style="min-height: 0; padding: 0.5rem"
    >
      <knock-notices max="5" style="max-width: 32rem"></knock-notices>
    </media-room>
  `,
};
