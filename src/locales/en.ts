import type { e2eeEn } from './en-e2ee.js';
import type { effectsEn } from './en-effects.js';
/**
 * English, the reference locale: every user-visible string and accessible label of the elements.
 * Other locales implement the same keys (`Messages`); a missing key falls back to English.
 */
const base = {
  $code: 'en',
  $dir: 'ltr',

  // <media-room>: what it is doing
  connecting: 'Joining the room…',
  reconnecting: 'Connection lost. Reconnecting…',
  left: 'You left the room.',
  disconnected: 'You were disconnected from the room.',
  retry: 'Retry',
  dismiss: 'Dismiss',
  rejoin: 'Rejoin',
  notConfigured: 'This room has no token URL or token to join with.',
  roomLabel: (name: string) => (name ? `Call: ${name}` : 'Call'),
  participantCount: (n: number) => (n === 1 ? '1 participant' : `${n} participants`),
  you: (name: string) => `${name} (you)`,

  // Why a disconnect happened (livekit-client disconnect reasons, kebab case)
  'reason:duplicate-identity': 'You joined this room from somewhere else.',
  'reason:server-shutdown': 'The media server shut down.',
  'reason:participant-removed': 'You were removed from the room.',
  'reason:room-deleted': 'The room was closed.',
  'reason:state-mismatch': 'The connection fell out of step with the server.',
  'reason:join-failure': 'Joining the room failed.',
  'reason:signal-close': 'The connection to the server closed.',
  'reason:room-closed': 'The room was closed.',

  // Errors, by code
  'error:token-network': 'Could not reach the token server. Check your connection.',
  'error:token-timeout': 'The token server did not answer in time.',
  'error:token-unauthorized': 'You are not signed in, or your session has ended.',
  'error:token-forbidden': 'You are not allowed to join this room.',
  'error:token-not-found': 'This room does not exist.',
  'error:token-rejected': 'The token server refused the request.',
  'error:token-server-error': 'The token server had a problem. Try again in a moment.',
  'error:token-invalid-reply': 'The token server sent an answer that cannot be used.',
  'error:token-invalid': 'The access token was refused: it is invalid or has expired.',
  'error:server-unreachable': 'Could not reach the media server.',
  'error:connection-failed': 'Could not join the room.',
  'error:camera-denied': 'Camera access was denied. Allow it in the browser to be seen.',
  'error:microphone-denied': 'Microphone access was denied. Allow it in the browser to be heard.',
  'error:media-denied': 'Camera and microphone access were denied.',
  'error:camera-not-found': 'No camera was found.',
  'error:microphone-not-found': 'No microphone was found.',
  'error:media-not-found': 'No camera or microphone was found.',
  'error:camera-in-use': 'The camera is in use by another program.',
  'error:microphone-in-use': 'The microphone is in use by another program.',
  'error:media-in-use': 'The camera or microphone is in use by another program.',
  'error:camera-failed': 'The camera could not be started.',
  'error:microphone-failed': 'The microphone could not be started.',
  'error:media-failed': 'The camera or microphone could not be started.',
  'error:unknown': 'Something went wrong.',

  // <participant-tile>
  tileLabel: (name: string) => `Participant ${name}`,
  microphoneMuted: 'Microphone muted',
  cameraOff: 'Camera off',
  speaking: 'Speaking',

  // <pre-join>
  cameraPreview: 'Camera preview',
  startingCamera: 'Starting the camera…',
  yourName: 'Your name',
  join: 'Join',

  // <layout-grid>, tile additions, <connection-quality>
  gridLabel: 'Participants',
  gridStripLabel: 'Other participants',
  gridFocusLabel: 'In focus',
  gridPrevious: 'Previous page',
  gridNext: 'Next page',
  gridPageOf: (page: number, pages: number) => `Page ${page} of ${pages}`,
  gridPageShown: (page: number, pages: number, first: number, last: number, total: number) =>
    `Page ${page} of ${pages}: participants ${first} to ${last} of ${total}`,
  gridViewers: (n: number) => (n === 1 ? '1 viewer' : `${n} viewers`),
  tileScreenLabel: (name: string) => `${name}'s screen`,
  tileYourScreen: 'Your screen',
  tileScreenAudioOff: 'Screen share audio off',
  tilePin: (name: string) => `Pin ${name}`,
  tileUnpin: (name: string) => `Unpin ${name}`,
  tilePinScreen: (name: string) => `Pin ${name}'s screen`,
  tileUnpinScreen: (name: string) => `Unpin ${name}'s screen`,
  connectionQuality: (quality: string) => `Connection: ${quality}`,
  'quality:excellent': 'excellent',
  'quality:good': 'good',
  'quality:poor': 'poor',
  'quality:lost': 'lost',
  'quality:unknown': 'unknown',

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>
  microphone: 'Microphone',
  camera: 'Camera',
  speaker: 'Speaker',
  shareScreen: 'Share screen',
  microphoneForbidden: 'You may not use your microphone in this room.',
  cameraForbidden: 'You may not use your camera in this room.',
  screenShareForbidden: 'You may not share your screen in this room.',
  chooseAudioinput: 'Choose microphone',
  chooseVideoinput: 'Choose camera',
  chooseAudiooutput: 'Choose speaker',
  unnamedAudioinput: (n: number) => `Microphone ${n}`,
  unnamedVideoinput: (n: number) => `Camera ${n}`,
  unnamedAudiooutput: (n: number) => `Speaker ${n}`,
  noDevices: 'No devices found.',
  speakerUnsupported: 'This browser cannot choose a speaker; sound plays on the default output.',
  leave: 'Leave',
  callControls: 'Call controls',
  moreControls: 'More',
  moreControlsLabel: 'More controls',
  closePanel: (panel: string) => `Close ${panel}`,
  'error:screen-share-failed': 'Screen sharing could not be started.',

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
  startAudio: 'Start audio',
  startAudioHint: 'Your browser blocked sound from the call.',
  reconnected: 'Connection restored.',
  audioLevel: (name: string) => `Microphone level of ${name}`,
  audioLevelLocal: 'Your microphone level',

  // chat: <chat-panel>, <chat-toggle>
  chat: 'Chat',
  chatMessages: 'Chat messages',
  chatEmpty: 'No messages yet.',
  chatYou: 'You',
  chatMessage: 'Message',
  chatSend: 'Send',
  chatSending: 'Sending…',
  chatHint: 'Enter sends, Shift+Enter starts a new line.',
  /** Your message waits for the connection to come back (then it is sent). */
  chatPending: 'Waiting for the connection…',
  /** Your message could not be sent (with a button to send it again). */
  chatNotSent: 'Not sent.',
  chatRetry: 'Send again',
  chatCannotSend: 'You may not send chat messages in this room.',
  chatNotInRoom: 'You can chat once you are in the room.',
  chatNewMessages: 'New messages',
  chatShowMore: 'Show more',
  chatShowLess: 'Show less',
  chatUnread: (n: number) => (n === 1 ? 'Chat, 1 unread' : `Chat, ${n} unread`),
  'error:chat-send-failed': 'Your chat message could not be sent.',

  // <hand-raise-button>, the tile's hand mark
  raiseHand: 'Raise hand',
  handRaiseForbidden: 'You may not raise your hand in this room.',
  handRaised: (position: number) => `Hand raised (${position} in line)`,
  'error:hand-raise-failed': 'Your hand could not be raised or lowered.',
  // <recording-indicator>
  recording: 'Recording',

  // <participant-list>, <participants-toggle>
  participants: 'Participants',
  participantsUnread: (n: number) =>
    n === 1 ? 'Participants, 1 hand raised' : `Participants, ${n} hands raised`,
  participantsFilter: 'Find a participant',
  participantsNoMatch: 'No one matches.',
  participantsShown: (shown: number, total: number) => `${shown} of ${total} shown`,
  participantsOnStage: 'On stage',
  participantsAudience: 'Audience',
  participantsHands: 'Raised hands',
  roleHost: 'Host',
  roleViewer: 'Viewer',
  microphoneOn: 'Microphone on',
  cameraOn: 'Camera on',
  participantActions: (name: string) => `Actions for ${name}`,
  moderateMute: (name: string) => `Mute ${name}`,
  moderateRemove: (name: string) => `Remove ${name}`,
  moderateRemoveConfirm: (name: string) => `Remove ${name} from the room?`,
  moderatePromote: (name: string) => `Bring ${name} onto the stage`,
  moderateLowerHand: (name: string) => `Lower ${name}'s hand`,
  confirm: 'Confirm',
  cancel: 'Cancel',
  volumeOf: (name: string) => `Volume of ${name}`,
  'error:moderation-failed': 'The action could not be carried out.',

  // reactions: <reaction-button>, the tile's reactions
  react: 'React',
  reactions: 'Reactions',
  reactionsForbidden: 'You may not send reactions in this room.',
  'reaction:👍': 'Thumbs up',
  'reaction:👏': 'Applause',
  'reaction:😂': 'Laughter',
  'reaction:❤️': 'Love',
  'reaction:🎉': 'Celebration',
  'reaction:😮': 'Surprise',
  reactedWith: (name: string, reaction: string) => `${name}: ${reaction}`,
  'error:reaction-failed': 'Your reaction could not be sent.',

  // <deafen-button>
  deafen: 'Mute incoming audio',
  deafenShort: 'Deafen',

  // room types: what a viewer is told, and the change when promoted
  viewerNotice: 'You are in the audience. A host can bring you onto the stage.',
  promotedNotice: 'You are on the stage: you can turn on your microphone and camera.',

  // <media-room>'s polite announcements for screen readers
  announceJoined: (name: string) => `${name} joined`,
  announceLeft: (name: string) => `${name} left`,
  announceHand: (name: string) => `${name} raised their hand`,
  announceRecording: 'Recording started',
  announceRecordingStopped: 'Recording stopped',
  rejoining: 'Rejoining automatically…',
  'error:token-wrong-room': 'The access token is for another room.',
  // Through a reconnect
  'reason:reconnect-failed': 'The connection was lost and could not be restored.',
  'error:republish-failed': 'It could not be turned back on after reconnecting.',
  republishFailed: (what: string) =>
    `The connection is back, but your ${what} could not be turned back on.`,
  'source:camera': 'camera',
  'source:microphone': 'microphone',
  'source:screen_share': 'screen share',
  turnBackOn: 'Turn back on',
  tileReconnecting: 'Reconnecting…',

  // Captions and transcript (<captions-overlay>, <captions-toggle>, <transcript-panel>, <transcript-toggle>)
  captions: 'Captions',
  captionsNone: 'Nobody is transcribing this call yet.',
  captionsYou: 'You',
  captionLine: (name: string, text: string) => `${name}: ${text}`,
  transcript: 'Transcript',
  transcriptSearch: 'Search the transcript',
  transcriptExport: 'Copy or download the transcript',
  transcriptCopy: 'Copy',
  transcriptCopied: 'Transcript copied.',
  transcriptCopyFailed: 'Could not copy: the browser did not allow the clipboard.',
  transcriptDownloadVtt: 'Download WebVTT',
  transcriptDownloadText: 'Download text',
  transcriptMatches: (shown: number, total: number) =>
    `${shown} of ${total} ${total === 1 ? 'segment' : 'segments'}`,
  transcriptNoMatch: 'Nothing in the transcript matches.',
  transcriptEmpty: 'Nothing has been transcribed yet.',
  transcriptSegments: 'Transcribed speech',
  transcriptInterim: '(still being transcribed)',
  // waiting room: the newcomer's screen, the hosts' notices and the Waiting group of the list
  participantsWaiting: 'Waiting',
  waitingAdmit: 'Admit',
  waitingDeny: 'Deny',
  waitingAdmitName: (name: string) => `Admit ${name}`,
  waitingDenyName: (name: string) => `Deny ${name}`,
  waitingTitle: 'Waiting for a host to let you in',
  waitingNoHost: 'No host is here right now; you will be let in when one arrives.',
  waitingPreview: 'Your camera (only you see it)',
  waitingLeave: 'Leave',
  waitingKnock: (name: string) => `${name} asks to join`,
  waitingKnocks: 'Asking to join',
  waitingMore: (n: number) => `+${n} more waiting`,
  'reason:waiting-denied': 'The host did not let you in.',
  // <pip-button> and the session's picture-in-picture
  pipShort: 'Picture-in-picture',
  pip: 'Keep the call in a small window on top of other windows',
  'error:pip-failed': 'Picture-in-picture could not be opened.',
  // Host: spotlight and end for everyone
  tileSpotlight: 'Spotlight',
  moderateSpotlight: (name: string) => `Spotlight ${name} for everyone`,
  moderateUnspotlight: (name: string) => `Remove spotlight from ${name}`,
  'reason:host-ended': 'The host ended the meeting.',
  hostEndedBy: (name: string) => `The host, ${name}, ended the meeting.`,
  'reason:ended-for-everyone': 'You ended the meeting for everyone.',
  leaveOptions: 'Leave or end the meeting',
  leaveOnly: 'Leave',
  endForEveryone: 'End for everyone',
  // End-to-end encryption (the error; the tiles' and call's words are in en-e2ee.ts)
  'error:e2ee-unsupported': 'This browser cannot join an end-to-end encrypted call.',
  // Background effects (the error; the picker's and menu's words are in en-effects.ts)
  'error:background-failed':
    'The background effect could not be applied. Your camera is not sent without it.',
};

/**
 * English. The words of the background effects' and voice processing's UI (en-effects.ts) and of
 * end-to-end encryption in tiles and the call (en-e2ee.ts) join it when that UI loads (it calls
 * `englishEffects()` / `englishE2ee()`): nothing shown before then uses them.
 */
export const en = base as typeof base & typeof effectsEn & typeof e2eeEn;

type Term = string | ((...args: never[]) => string);

/** A locale: the same keys as English, each a string or a function of the same parameters. */
type English = typeof en;

export type Messages = {
  [K in keyof English]: English[K] extends (...args: infer A) => string
    ? (...args: A) => string
    : string;
};

export type MessageKey = keyof English;

export type PartialMessages = Partial<Messages> & Record<string, Term | undefined>;
