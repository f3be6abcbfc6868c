import type { Messages } from './en.js';

/** Japanese has no grammatical plural: counts take a counter word (人, 件, 番目). */
export const ja: Messages = {
  $code: 'ja',
  $dir: 'ltr',

  connecting: 'ルームに参加しています…',
  reconnecting: '接続が切れました。再接続しています…',
  left: 'ルームから退出しました。',
  disconnected: 'ルームとの接続が切断されました。',
  retry: '再試行',
  dismiss: '閉じる',
  rejoin: '再参加',
  notConfigured: 'このルームには参加用のトークン URL もトークンも設定されていません。',
  roomLabel: (name) => (name ? `通話: ${name}` : '通話'),
  participantCount: (n) => `参加者 ${n} 人`,
  you: (name) => `${name}（自分）`,

  'reason:duplicate-identity': '別の場所からこのルームに参加しました。',
  'reason:server-shutdown': 'メディアサーバーが停止しました。',
  'reason:participant-removed': 'ルームから削除されました。',
  'reason:room-deleted': 'ルームが終了しました。',
  'reason:state-mismatch': 'サーバーとの接続状態が一致しなくなりました。',
  'reason:join-failure': 'ルームに参加できませんでした。',
  'reason:signal-close': 'サーバーとの接続が閉じられました。',
  'reason:room-closed': 'ルームが終了しました。',

  'error:token-network': 'トークンサーバーに接続できません。ネットワーク接続を確認してください。',
  'error:token-timeout': 'トークンサーバーから時間内に応答がありませんでした。',
  'error:token-unauthorized': 'ログインしていないか、セッションの有効期限が切れています。',
  'error:token-forbidden': 'このルームに参加する権限がありません。',
  'error:token-not-found': 'このルームは存在しません。',
  'error:token-rejected': 'トークンサーバーがリクエストを拒否しました。',
  'error:token-server-error':
    'トークンサーバーで問題が発生しました。しばらくしてからもう一度お試しください。',
  'error:token-invalid-reply': 'トークンサーバーから使用できない応答が返されました。',
  'error:token-invalid': 'アクセストークンが拒否されました。無効か有効期限切れです。',
  'error:server-unreachable': 'メディアサーバーに接続できません。',
  'error:connection-failed': 'ルームに参加できませんでした。',
  'error:camera-denied':
    'カメラへのアクセスが拒否されました。映像を表示するにはブラウザーで許可してください。',
  'error:microphone-denied':
    'マイクへのアクセスが拒否されました。音声を届けるにはブラウザーで許可してください。',
  'error:media-denied': 'カメラとマイクへのアクセスが拒否されました。',
  'error:camera-not-found': 'カメラが見つかりません。',
  'error:microphone-not-found': 'マイクが見つかりません。',
  'error:media-not-found': 'カメラもマイクも見つかりません。',
  'error:camera-in-use': 'カメラは別のプログラムで使用中です。',
  'error:microphone-in-use': 'マイクは別のプログラムで使用中です。',
  'error:media-in-use': 'カメラまたはマイクは別のプログラムで使用中です。',
  'error:camera-failed': 'カメラを起動できませんでした。',
  'error:microphone-failed': 'マイクを起動できませんでした。',
  'error:media-failed': 'カメラまたはマイクを起動できませんでした。',
  'error:unknown': '問題が発生しました。',

  // <participant-tile>
  tileLabel: (name) => `参加者 ${name}`,
  microphoneMuted: 'マイクはミュート中',
  cameraOff: 'カメラはオフ',
  speaking: '発言中',

  // <pre-join>
  cameraPreview: 'カメラのプレビュー',
  startingCamera: 'カメラを起動しています…',
  yourName: 'あなたの名前',
  join: '参加',

  // <layout-grid>, tile additions, <connection-quality>
  gridLabel: '参加者',
  gridStripLabel: 'ほかの参加者',
  gridFocusLabel: 'フォーカス中',
  gridPrevious: '前のページ',
  gridNext: '次のページ',
  gridPageOf: (page, pages) => `${page} / ${pages} ページ`,
  gridPageShown: (page, pages, first, last, total) =>
    `${page} / ${pages} ページ: 参加者 ${total} 人中 ${first}〜${last} 人目`,
  gridViewers: (n) => `視聴者 ${n} 人`,
  tileScreenLabel: (name) => `${name} の画面`,
  tileYourScreen: 'あなたの画面',
  tileScreenAudioOff: '画面共有の音声はオフ',
  tilePin: '固定',
  connectionQuality: (quality) => `接続品質: ${quality}`,
  'quality:excellent': '非常に良好',
  'quality:good': '良好',
  'quality:poor': '不安定',
  'quality:lost': '切断',
  'quality:unknown': '不明',

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>
  microphone: 'マイク',
  camera: 'カメラ',
  shareScreen: '画面を共有',
  microphoneForbidden: 'このルームではマイクを使用できません。',
  cameraForbidden: 'このルームではカメラを使用できません。',
  screenShareForbidden: 'このルームでは画面を共有できません。',
  chooseAudioinput: 'マイクを選択',
  chooseVideoinput: 'カメラを選択',
  chooseAudiooutput: 'スピーカーを選択',
  unnamedAudioinput: (n) => `マイク ${n}`,
  unnamedVideoinput: (n) => `カメラ ${n}`,
  unnamedAudiooutput: (n) => `スピーカー ${n}`,
  noDevices: 'デバイスが見つかりません。',
  speakerUnsupported:
    'このブラウザーではスピーカーを選択できません。音声は既定の出力から再生されます。',
  leave: '退出',
  callControls: '通話の操作',
  'error:screen-share-failed': '画面共有を開始できませんでした。',

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
  startAudio: '音声を開始',
  startAudioHint: 'ブラウザーが通話の音声をブロックしました。',
  reconnected: '接続が回復しました。',
  audioLevel: (name) => `${name} のマイク音量`,
  audioLevelLocal: 'あなたのマイク音量',

  // chat: <chat-panel>, <chat-toggle>
  chat: 'チャット',
  chatMessages: 'チャットのメッセージ',
  chatEmpty: 'まだメッセージはありません。',
  chatYou: 'あなた',
  chatMessage: 'メッセージ',
  chatSend: '送信',
  chatSending: '送信中…',
  chatHint: 'Enter で送信、Shift+Enter で改行します。',
  chatCannotSend: 'このルームではチャットメッセージを送信できません。',
  chatNotInRoom: 'ルームに参加するとチャットできます。',
  chatUnread: (n) => `チャット、未読 ${n} 件`,
  'error:chat-send-failed': 'チャットメッセージを送信できませんでした。',

  // <hand-raise-button>, the tile's hand mark
  raiseHand: '手を挙げる',
  handRaiseForbidden: 'このルームでは手を挙げられません。',
  handRaised: (position) => `挙手中（${position} 番目）`,
  'error:hand-raise-failed': '手を挙げる／下げる操作ができませんでした。',
  // <recording-indicator>
  recording: '録画中',

  // <participant-list>, <participants-toggle>
  participants: '参加者',
  participantsUnread: (n) => `参加者、挙手 ${n} 人`,
  participantsFilter: '参加者を検索',
  participantsNoMatch: '該当する参加者はいません。',
  participantsShown: (shown, total) => `${total} 人中 ${shown} 人を表示`,
  participantsOnStage: 'ステージ',
  participantsAudience: '視聴者',
  participantsHands: '挙手中',
  roleHost: 'ホスト',
  roleViewer: '視聴者',
  microphoneOn: 'マイクはオン',
  cameraOn: 'カメラはオン',
  participantActions: (name) => `${name} の操作`,
  moderateMute: (name) => `${name} をミュート`,
  moderateRemove: (name) => `${name} を削除`,
  moderateRemoveConfirm: (name) => `${name} をルームから削除しますか？`,
  moderatePromote: (name) => `${name} をステージに上げる`,
  moderateLowerHand: (name) => `${name} の手を下げる`,
  confirm: '確認',
  cancel: 'キャンセル',
  volumeOf: (name) => `${name} の音量`,
  'error:moderation-failed': '操作を実行できませんでした。',

  // reactions: <reaction-button>, the tile's reactions
  react: 'リアクション',
  reactions: 'リアクション一覧',
  reactionsForbidden: 'このルームではリアクションを送信できません。',
  'reaction:👍': 'いいね',
  'reaction:👏': '拍手',
  'reaction:😂': '笑い',
  'reaction:❤️': '大好き',
  'reaction:🎉': 'お祝い',
  'reaction:😮': '驚き',
  reactedWith: (name, reaction) => `${name}: ${reaction}`,
  'error:reaction-failed': 'リアクションを送信できませんでした。',

  // <deafen-button>
  deafen: '受信音声をミュート',
  deafenShort: 'スピーカーオフ',

  // room types
  viewerNotice: '視聴者として参加しています。ホストがステージに上げることができます。',
  promotedNotice: 'ステージに上がりました。マイクとカメラをオンにできます。',

  announceJoined: (name) => `${name}さんが参加しました`,
  announceLeft: (name) => `${name}さんが退出しました`,
  announceHand: (name) => `${name}さんが手を挙げました`,
  announceRecording: '録画が開始されました',
  announceRecordingStopped: '録画が終了しました',
};
