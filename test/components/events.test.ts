import { expect } from '@open-wc/testing';
import type {
  LocalAudioTrack,
  Participant,
  RemoteParticipant,
  TrackPublication,
} from 'livekit-client';
import {
  ActiveSpeakersChangedEvent,
  BackgroundChangeEvent,
  AttributesChangedEvent,
  CaptionsToggleEvent,
  ChatSendEvent,
  ChatToggleEvent,
  ConnectedEvent,
  ConnectionQualityChangedEvent,
  DataReceivedEvent,
  DeafenEvent,
  DeviceChangeEvent,
  DisconnectedEvent,
  HandRaiseEvent,
  JoinEvent,
  LeaveEvent,
  EndForEveryoneEvent,
  MediaDevicesChangedEvent,
  PageChangeEvent,
  PanelCloseEvent,
  ParticipantActionEvent,
  ParticipantJoinedEvent,
  ParticipantLeftEvent,
  ParticipantsToggleEvent,
  PinnedChangeEvent,
  PipChangeEvent,
  ReactionEvent,
  ReactionSendEvent,
  ReconnectedEvent,
  ReconnectingEvent,
  RecordingStatusChangedEvent,
  RoomErrorEvent,
  RoomMetadataChangedEvent,
  TilePinEvent,
  TrackMutedEvent,
  TrackSubscribedEvent,
  TrackToggleEvent,
  TrackUnmutedEvent,
  TrackUnsubscribedEvent,
  TranscriptToggleEvent,
  toDomEvent,
} from '../../src/index.js';

/**
 * Every event an element fires, with its class and how it is documented: one class per event
 * name, named after it (`participant-joined` → `ParticipantJoinedEvent`), except `error`, whose
 * class is `RoomErrorEvent` (`ErrorEvent` is the DOM's). Events that announce an action are
 * cancelable; `<media-room>`'s room events and `<layout-grid>`'s `-change` notifications are not.
 */

// ---------------------------------------------------------------------------------------------
// Type level: every event is in GlobalEventHandlersEventMap with its class. A missing or wrong
// entry fails `npm run typecheck`.

type Equal<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

interface EventClasses {
  connected: ConnectedEvent;
  reconnecting: ReconnectingEvent;
  reconnected: ReconnectedEvent;
  disconnected: DisconnectedEvent;
  'participant-joined': ParticipantJoinedEvent;
  'participant-left': ParticipantLeftEvent;
  'track-subscribed': TrackSubscribedEvent;
  'track-unsubscribed': TrackUnsubscribedEvent;
  'track-muted': TrackMutedEvent;
  'track-unmuted': TrackUnmutedEvent;
  'active-speakers-changed': ActiveSpeakersChangedEvent;
  'data-received': DataReceivedEvent;
  'recording-status-changed': RecordingStatusChangedEvent;
  'room-metadata-changed': RoomMetadataChangedEvent;
  reaction: ReactionEvent;
  'attributes-changed': AttributesChangedEvent;
  'media-devices-changed': MediaDevicesChangedEvent;
  'connection-quality-changed': ConnectionQualityChangedEvent;
  join: JoinEvent;
  'pinned-change': PinnedChangeEvent;
  'page-change': PageChangeEvent;
  'tile-pin': TilePinEvent;
  'track-toggle': TrackToggleEvent;
  'device-change': DeviceChangeEvent;
  'background-change': BackgroundChangeEvent;
  leave: LeaveEvent;
  'end-for-everyone': EndForEveryoneEvent;
  'chat-send': ChatSendEvent;
  'chat-toggle': ChatToggleEvent;
  'hand-raise': HandRaiseEvent;
  'participant-action': ParticipantActionEvent;
  'participants-toggle': ParticipantsToggleEvent;
  'reaction-send': ReactionSendEvent;
  deafen: DeafenEvent;
  'panel-close': PanelCloseEvent;
  // Captions and transcript
  'captions-toggle': CaptionsToggleEvent;
  'transcript-toggle': TranscriptToggleEvent;
  'pip-change': PipChangeEvent;
}

/** `true` for each event whose map entry is exactly its class. */
type MapChecks = {
  [K in keyof EventClasses]: Equal<GlobalEventHandlersEventMap[K], EventClasses[K]>;
};
/** `error` stays the DOM's `ErrorEvent` in the map; `RoomErrorEvent` must be one. */
type ErrorCheck = RoomErrorEvent extends GlobalEventHandlersEventMap['error'] ? true : false;

export const typeChecks: { [K in keyof MapChecks]: true } & { error: true } = {
  ...({} as MapChecks),
  error: true as ErrorCheck,
};

// ---------------------------------------------------------------------------------------------
// Runtime: name, class, bubbles, composed, cancelable.

const remote = {} as RemoteParticipant;
const participant = {} as Participant;
const publication = {} as TrackPublication;

interface Row {
  readonly event: Event;
  readonly cls: abstract new (...args: never[]) => Event;
  readonly bubbles: boolean;
  readonly cancelable: boolean;
}

const notice = { bubbles: true, cancelable: false } as const;
const announce = { bubbles: true, cancelable: true } as const;

const rows: Readonly<Record<string, Row>> = {
  // <media-room>, through toDomEvent (what it dispatches for a store event).
  connected: { event: toDomEvent({ type: 'connected' }), cls: ConnectedEvent, ...notice },
  reconnecting: { event: toDomEvent({ type: 'reconnecting' }), cls: ReconnectingEvent, ...notice },
  reconnected: { event: toDomEvent({ type: 'reconnected' }), cls: ReconnectedEvent, ...notice },
  disconnected: {
    event: toDomEvent({ type: 'disconnected', reason: 'client-initiated' }),
    cls: DisconnectedEvent,
    ...notice,
  },
  'participant-joined': {
    event: toDomEvent({ type: 'participant-joined', participant: remote }),
    cls: ParticipantJoinedEvent,
    ...notice,
  },
  'participant-left': {
    event: toDomEvent({ type: 'participant-left', participant: remote }),
    cls: ParticipantLeftEvent,
    ...notice,
  },
  'track-subscribed': {
    event: toDomEvent({ type: 'track-subscribed', publication, participant }),
    cls: TrackSubscribedEvent,
    ...notice,
  },
  'track-unsubscribed': {
    event: toDomEvent({ type: 'track-unsubscribed', publication, participant }),
    cls: TrackUnsubscribedEvent,
    ...notice,
  },
  'track-muted': {
    event: toDomEvent({ type: 'track-muted', publication, participant }),
    cls: TrackMutedEvent,
    ...notice,
  },
  'track-unmuted': {
    event: toDomEvent({ type: 'track-unmuted', publication, participant }),
    cls: TrackUnmutedEvent,
    ...notice,
  },
  'active-speakers-changed': {
    event: toDomEvent({ type: 'active-speakers-changed', speakers: ['a'] }),
    cls: ActiveSpeakersChangedEvent,
    ...notice,
  },
  'data-received': {
    event: toDomEvent({
      type: 'data-received',
      payload: new Uint8Array(),
      participant: undefined,
      topic: undefined,
    }),
    cls: DataReceivedEvent,
    ...notice,
  },
  'recording-status-changed': {
    event: toDomEvent({ type: 'recording-status-changed', recording: true }),
    cls: RecordingStatusChangedEvent,
    ...notice,
  },
  'room-metadata-changed': {
    event: toDomEvent({ type: 'room-metadata-changed', metadata: '{}' }),
    cls: RoomMetadataChangedEvent,
    ...notice,
  },
  reaction: {
    event: toDomEvent({
      type: 'reaction',
      reaction: { id: 'a-1', from: 'a', emoji: '👍' } as never,
    }),
    cls: ReactionEvent,
    ...notice,
  },
  'attributes-changed': {
    event: toDomEvent({ type: 'attributes-changed', changed: { a: '1' }, participant }),
    cls: AttributesChangedEvent,
    ...notice,
  },
  'media-devices-changed': {
    event: toDomEvent({ type: 'media-devices-changed' }),
    cls: MediaDevicesChangedEvent,
    ...notice,
  },
  'connection-quality-changed': {
    event: toDomEvent({ type: 'connection-quality-changed', quality: 'good', participant }),
    cls: ConnectionQualityChangedEvent,
    ...notice,
  },
  error: {
    event: toDomEvent({ type: 'error', error: { code: 'camera-denied', fatal: false } }),
    cls: RoomErrorEvent,
    // Like an <img>'s error: on the element only.
    bubbles: false,
    cancelable: false,
  },
  // <pre-join>
  join: {
    event: new JoinEvent({
      name: 'a',
      audioTrack: {} as LocalAudioTrack,
      videoTrack: undefined,
    }),
    cls: JoinEvent,
    ...announce,
  },
  // <layout-grid>: notifications of its own property change.
  'pinned-change': { event: new PinnedChangeEvent(undefined), cls: PinnedChangeEvent, ...notice },
  'page-change': { event: new PageChangeEvent(2, 3), cls: PageChangeEvent, ...notice },
  // The controls: announced before acting, cancelable.
  'tile-pin': { event: new TilePinEvent('a', 'camera', true), cls: TilePinEvent, ...announce },
  'track-toggle': {
    event: new TrackToggleEvent('microphone', true),
    cls: TrackToggleEvent,
    ...announce,
  },
  'device-change': {
    event: new DeviceChangeEvent('audioinput', 'x'),
    cls: DeviceChangeEvent,
    ...announce,
  },
  'background-change': {
    event: new BackgroundChangeEvent({ type: 'blur' }),
    cls: BackgroundChangeEvent,
    ...announce,
  },
  leave: { event: new LeaveEvent(), cls: LeaveEvent, ...announce },
  'end-for-everyone': { event: new EndForEveryoneEvent(), cls: EndForEveryoneEvent, ...announce },
  'chat-send': { event: new ChatSendEvent('hi'), cls: ChatSendEvent, ...announce },
  'chat-toggle': { event: new ChatToggleEvent(true), cls: ChatToggleEvent, ...announce },
  'hand-raise': { event: new HandRaiseEvent(true), cls: HandRaiseEvent, ...announce },
  'participant-action': {
    event: new ParticipantActionEvent('mute', 'a'),
    cls: ParticipantActionEvent,
    ...announce,
  },
  'participants-toggle': {
    event: new ParticipantsToggleEvent(true),
    cls: ParticipantsToggleEvent,
    ...announce,
  },
  'reaction-send': { event: new ReactionSendEvent('👍'), cls: ReactionSendEvent, ...announce },
  deafen: { event: new DeafenEvent(true), cls: DeafenEvent, ...announce },
  'panel-close': { event: new PanelCloseEvent(), cls: PanelCloseEvent, ...announce },
  // Captions and transcript
  'captions-toggle': {
    event: new CaptionsToggleEvent(true),
    cls: CaptionsToggleEvent,
    ...announce,
  },
  'transcript-toggle': {
    event: new TranscriptToggleEvent(true),
    cls: TranscriptToggleEvent,
    ...announce,
  },
  // Picture-in-picture: tells what already happened (the window shows the call, or is gone).
  'pip-change': {
    event: new PipChangeEvent(true, 'document'),
    cls: PipChangeEvent,
    ...notice,
  },
};

const pascal = (name: string) =>
  name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());

/** The names no class of ours may take: DOM interfaces and livekit-client's event enums. */
const taken = ['ErrorEvent', 'TrackEvent', 'RoomEvent', 'ParticipantEvent', 'EngineEvent'];

describe('event classes', () => {
  for (const [name, row] of Object.entries(rows)) {
    it(`${name}: ${row.cls.name}, bubbles ${row.bubbles}, cancelable ${row.cancelable}`, () => {
      const { event } = row;
      expect(event.type).to.equal(name);
      expect(event).to.be.instanceOf(row.cls);
      expect(event.constructor).to.equal(row.cls);
      expect(event.bubbles).to.equal(row.bubbles);
      // Every event that bubbles crosses shadow roots.
      expect(event.composed).to.equal(row.bubbles);
      expect(event.cancelable).to.equal(row.cancelable);
      expect(taken).not.to.include(row.cls.name);
      expect(row.cls.name in window, `${row.cls.name} is a global (DOM) name`).to.equal(false);
      if (name === 'error') expect(row.cls.name).to.equal('RoomErrorEvent');
      else expect(row.cls.name).to.equal(`${pascal(name)}Event`);
    });
  }

  it('RoomErrorEvent is an ErrorEvent (the type the event map gives `error`)', () => {
    const event = toDomEvent({
      type: 'error',
      error: { code: 'token-unauthorized', detail: 'HTTP 401', fatal: true },
    });
    expect(event).to.be.instanceOf(ErrorEvent);
    const error = event as RoomErrorEvent;
    expect(error.code).to.equal('token-unauthorized');
    expect(error.detail).to.equal('HTTP 401');
    expect(error.fatal).to.equal(true);
    expect(error.message).to.equal('HTTP 401');
    const bare = toDomEvent({ type: 'error', error: { code: 'camera-denied', fatal: false } });
    expect((bare as RoomErrorEvent).message).to.equal('camera-denied');
  });

  it('every event in custom-elements.json has a row here, with the class its JSDoc names', async () => {
    const manifest = (await (await fetch('/custom-elements.json')).json()) as {
      modules: Array<{
        declarations?: Array<{
          tagName?: string;
          events?: Array<{ name?: string; description?: string }>;
        }>;
      }>;
    };
    const documented = manifest.modules
      .flatMap((m) => m.declarations ?? [])
      .filter((d) => d.tagName)
      .flatMap((d) =>
        (d.events ?? [])
          .filter((e) => e.name && e.description)
          .map((e) => ({ tag: d.tagName!, name: e.name!, description: e.description! })),
      );
    expect(documented.length).to.be.greaterThan(0);
    for (const { tag, name, description } of documented) {
      const row = rows[name];
      expect(row, `<${tag}> ${name} has a row`).to.not.equal(undefined);
      const named = /`(\w+Event)`/.exec(description)?.[1];
      expect(named, `<${tag}> ${name} names its class`).to.equal(row!.cls.name);
      const saysCancelable = /cancel/i.test(description);
      expect(saysCancelable, `<${tag}> ${name}: JSDoc and cancelable agree`).to.equal(
        row!.cancelable,
      );
    }
  });

  it('listeners get the class from the event map', () => {
    const el = document.createElement('div');
    const seen: string[] = [];
    const onJoined = (e: ParticipantJoinedEvent) => seen.push(e.type);
    // Typed by GlobalEventHandlersEventMap: no cast needed to read the class's fields.
    el.addEventListener('participant-joined', (e) => onJoined(e));
    el.addEventListener('track-muted', (e) => seen.push(e.publication ? 'publication' : ''));
    el.dispatchEvent(new ParticipantJoinedEvent(remote));
    el.dispatchEvent(new TrackMutedEvent(publication, participant));
    expect(seen).to.deep.equal(['participant-joined', 'publication']);
  });
});
