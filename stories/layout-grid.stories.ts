import { ParticipantInfo, ParticipantInfo_State, ParticipantPermission } from '@livekit/protocol';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { Room } from 'livekit-client';
import type { LayoutGrid } from '../src/components/layout-grid/layout-grid.js';
import '../src/components/layout-grid/layout-grid.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/index.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/layout-grid',
  component: 'layout-grid',
};
export default meta;

type Story = StoryObj;

/** A `<media-room>` on a simulated room of `count` people, then `then(room, grid)`. */
const simulated = (count: number, speaking = 0, then?: (room: Room, grid: LayoutGrid) => void) =>
  ref((el) => {
    if (!el) return;
    void simulate(el as MediaRoom, count, speaking).then((room) =>
      then?.(room, (el as MediaRoom).querySelector('layout-grid')!),
    );
  });

const frame = 'height: 30rem; min-height: 0';

/** The default grid: nine people, one speaking; resize the canvas to see the grid adapt. */
export const Grid: Story = {
  render: () =>
    html`<media-room style=${frame} ${simulated(9, 1)}><layout-grid></layout-grid></media-room>`,
};

/** Twenty people, at most six a page: previous/next, PageUp/PageDown, arrows, swipe. */
export const Paged: Story = {
  render: () =>
    html`<media-room style=${frame} ${simulated(20, 2)}>
      <layout-grid max-tiles="6"></layout-grid>
    </media-room>`,
};

/** The active speaker large, the others in a strip. */
export const Speaker: Story = {
  render: () =>
    html`<media-room style=${frame} ${simulated(7, 1)}>
      <layout-grid layout="speaker"></layout-grid>
    </media-room>`,
};

/** The pinned tile large (here pinned by the story; users pin with a tile's pin button). */
export const Focus: Story = {
  render: () =>
    html`<media-room
      style=${frame}
      ${simulated(6, 0, (room, grid) => {
        const second = [...room.remoteParticipants.keys()][1];
        if (second) grid.pin(second);
      })}
    >
      <layout-grid layout="focus"></layout-grid>
    </media-room>`,
};

/** Only those allowed to publish are on stage; the audience is counted. */
export const Stage: Story = {
  render: () =>
    html`<media-room
      style=${frame}
      ${simulated(12, 1, (room) => {
        [...room.remoteParticipants.values()].slice(0, 3).forEach((p, i) =>
          p.updateInfo(
            new ParticipantInfo({
              sid: p.sid,
              identity: p.identity,
              name: p.name ?? '',
              state: ParticipantInfo_State.ACTIVE,
              permission: new ParticipantPermission({ canPublish: true, canSubscribe: true }),
              version: 2000 + i,
            }),
          ),
        );
      })}
    >
      <layout-grid layout="stage"></layout-grid>
    </media-room>`,
};

/** One-to-one: the other person full size, you in a corner. */
export const PictureInPicture: Story = {
  render: () =>
    html`<media-room style=${frame} ${simulated(2)}
      ><layout-grid layout="pip"></layout-grid
    ></media-room>`,
};

/** A composition: your own tiles, laid out and paged by the grid. */
export const Composed: Story = {
  render: () =>
    html`<media-room style=${frame} ${simulated(6, 1)}>
      <layout-grid max-tiles="4">
        <participant-tile identity="simulated-0"></participant-tile>
        <participant-tile identity="simulated-1"></participant-tile>
        <participant-tile identity="simulated-2"></participant-tile>
        <participant-tile identity="simulated-3"></participant-tile>
        <participant-tile identity="simulated-4"></participant-tile>
      </layout-grid>
    </media-room>`,
};
