import type { Meta, StoryObj } from '@storybook/web-components-vite';
import {
  Encryption_Type,
  ParticipantInfo,
  ParticipantInfo_State,
  ParticipantPermission,
} from '@livekit/protocol';
import type { Room, TextStreamInfo } from 'livekit-client';
import { html } from 'lit';
import { ref } from 'lit/directives/ref.js';
import type { MediaRoom } from '../src/components/media-room/media-room.js';
import '../src/components/chat-panel/chat-panel.js';
import '../src/components/chat-toggle/chat-toggle.js';
import type { ChatToggleEvent } from '../src/events/chat-events.js';
import '../src/index.js';
import { receiveText } from '../test/helpers/text-stream.js';
import { simulate } from './simulated-room.js';

const meta: Meta = {
  title: 'Elements/chat-panel',
  component: 'chat-panel',
};
export default meta;

type Story = StoryObj;

/** A simulated participant sends `text` on `lk.chat`, as the SFU would forward it. */
function say(room: Room, identity: string, text: string, minutesAgo = 0): void {
  receiveText(room, identity, text, { timestamp: Date.now() - minutesAgo * 60_000 });
}

/** No server to send to in a simulation: sending succeeds locally. */
function sendLocally(room: Room): void {
  room.localParticipant.sendText = async (_text, options): Promise<TextStreamInfo> => ({
    id: crypto.randomUUID(),
    timestamp: Date.now(),
    mimeType: 'text/plain',
    topic: options?.topic ?? '',
    encryptionType: Encryption_Type.NONE,
  });
}

async function setUp(el: MediaRoom, options: { canPublishData?: boolean } = {}): Promise<void> {
  const room = await simulate(el, 3);
  sendLocally(room);
  const [a, b] = [...room.remoteParticipants.keys()];
  say(room, a!, 'Morning! Agenda is in https://example.test/agenda?week=47.', 6);
  say(room, b!, 'Thanks. Markup such as <b>bold</b> or javascript:alert(1) stays plain text.', 4);
  say(room, a!, 'A second line\nkeeps its line break.', 1);
  if (options.canPublishData === false) {
    room.localParticipant.setPermissions(
      new ParticipantPermission({ canPublish: true, canSubscribe: true, canPublishData: false }),
    );
  }
}

/** Messages from simulated participants; type and press Enter to send (locally). */
export const Default: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom))}
      style="min-height: 0; padding: 0.5rem"
    >
      <chat-panel style="height: 360px; max-width: 28rem"></chat-panel>
    </media-room>
  `,
};

/** The participant's grant forbids publishing data: the field is disabled, with the reason. */
export const CannotSend: Story = {
  render: () => html`
    <media-room
      ${ref((el) => el && void setUp(el as MediaRoom, { canPublishData: false }))}
      style="min-height: 0; padding: 0.5rem"
    >
      <chat-panel style="height: 300px; max-width: 28rem"></chat-panel>
    </media-room>
  `,
};

/** A `<chat-toggle>` shows and hides the panel and counts what arrived while it was hidden. */
export const WithToggle: Story = {
  render: () => {
    let room: Room | undefined;
    let n = 0;
    return html`
      <media-room
        ${ref((el) => {
          if (!el) return;
          void simulate(el as MediaRoom, 2).then((r) => {
            room = r;
            sendLocally(r);
          });
        })}
        style="min-height: 0; padding: 0.5rem"
        @chat-toggle=${(e: ChatToggleEvent) => {
          const panel = (e.currentTarget as HTMLElement).querySelector('chat-panel')!;
          panel.hidden = !e.open;
        }}
      >
        <chat-toggle></chat-toggle>
        <button
          type="button"
          @click=${() => room && say(room, [...room.remoteParticipants.keys()][0]!, `Ping ${++n}`)}
        >
          Simulate a message
        </button>
        <chat-panel hidden style="height: 300px; max-width: 28rem; margin-top: 0.5rem"></chat-panel>
      </media-room>
    `;
  },
};

/** The panel in German: labels and times follow `lang`. */
export const German: Story = {
  render: () => html`
    <media-room
      lang="de"
      ${ref((el) => el && void setUp(el as MediaRoom))}
      style="min-height: 0; padding: 0.5rem"
    >
      <chat-panel style="height: 360px; max-width: 28rem"></chat-panel>
    </media-room>
  `,
};

/**
 * What a hostile participant may send, made fit to show: a 10,000-character name (cut with an
 * ellipsis, whole in its tooltip), a name with a right-to-left override (shown as written), a link
 * hiding one (its text is its real address), a pile of combining marks (3 kept per letter) and a
 * 70,000-character message (folded to 12 lines, Show more unfolds it).
 */
export const HostileText: Story = {
  render: () => html`
    <media-room
      ${ref((el) => {
        if (!el) return;
        void simulate(el as MediaRoom, 3).then((room) => {
          sendLocally(room);
          const [long, rlo] = [...room.remoteParticipants.values()];
          const rename = (p: typeof long, name: string, version: number) =>
            p!.updateInfo(
              new ParticipantInfo({
                sid: p!.sid,
                identity: p!.identity,
                name,
                state: ParticipantInfo_State.ACTIVE,
                version,
              }),
            );
          rename(long, 'M'.repeat(10_000), 2000);
          rename(rlo, '\u202Eexe.tnemucod\u202C victim', 2001);
          say(room, rlo!.identity, 'Report: https://ok.example/\u202Efdp.exe', 3);
          say(room, long!.identity, 'Z\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308 algo', 2);
          say(room, long!.identity, 'x'.repeat(70_000), 1);
        });
      })}
      style="min-height: 0; padding: 0.5rem"
    >
      <chat-panel style="height: 420px; max-width: 22rem"></chat-panel>
    </media-room>
  `,
};
