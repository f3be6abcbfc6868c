import type { Messages } from './en.js';

export const fr: Messages = {
  $code: 'fr',
  $dir: 'ltr',

  connecting: 'Connexion au salon…',
  reconnecting: 'Connexion perdue. Reconnexion…',
  left: 'Vous avez quitté le salon.',
  disconnected: 'Vous avez été déconnecté du salon.',
  retry: 'Réessayer',
  dismiss: 'Fermer',
  rejoin: 'Revenir',
  notConfigured: 'Ce salon n’a ni URL de jeton ni jeton pour s’y connecter.',
  roomLabel: (name) => (name ? `Appel : ${name}` : 'Appel'),
  participantCount: (n) => (n <= 1 ? `${n} participant` : `${n} participants`),
  you: (name) => `${name} (vous)`,

  'reason:duplicate-identity': 'Vous avez rejoint ce salon depuis un autre endroit.',
  'reason:server-shutdown': 'Le serveur multimédia s’est arrêté.',
  'reason:participant-removed': 'Vous avez été retiré du salon.',
  'reason:room-deleted': 'Le salon a été fermé.',
  'reason:state-mismatch': 'La connexion s’est désynchronisée du serveur.',
  'reason:join-failure': 'Impossible de rejoindre le salon.',
  'reason:signal-close': 'La connexion au serveur a été fermée.',
  'reason:room-closed': 'Le salon a été fermé.',

  'error:token-network': 'Le serveur de jetons est injoignable. Vérifiez votre connexion.',
  'error:token-timeout': 'Le serveur de jetons n’a pas répondu à temps.',
  'error:token-unauthorized': 'Vous n’êtes pas connecté, ou votre session a expiré.',
  'error:token-forbidden': 'Vous n’êtes pas autorisé à rejoindre ce salon.',
  'error:token-not-found': 'Ce salon n’existe pas.',
  'error:token-rejected': 'Le serveur de jetons a refusé la demande.',
  'error:token-server-error':
    'Le serveur de jetons a rencontré un problème. Réessayez dans un instant.',
  'error:token-invalid-reply': 'La réponse du serveur de jetons est inutilisable.',
  'error:token-invalid': 'Le jeton d’accès a été refusé : il est invalide ou a expiré.',
  'error:server-unreachable': 'Le serveur multimédia est injoignable.',
  'error:connection-failed': 'Impossible de rejoindre le salon.',
  'error:camera-denied':
    'L’accès à la caméra a été refusé. Autorisez-le dans le navigateur pour être vu.',
  'error:microphone-denied':
    'L’accès au micro a été refusé. Autorisez-le dans le navigateur pour être entendu.',
  'error:media-denied': 'L’accès à la caméra et au micro a été refusé.',
  'error:camera-not-found': 'Aucune caméra trouvée.',
  'error:microphone-not-found': 'Aucun micro trouvé.',
  'error:media-not-found': 'Aucune caméra ni aucun micro trouvés.',
  'error:camera-in-use': 'La caméra est utilisée par un autre programme.',
  'error:microphone-in-use': 'Le micro est utilisé par un autre programme.',
  'error:media-in-use': 'La caméra ou le micro est utilisé par un autre programme.',
  'error:camera-failed': 'Impossible de démarrer la caméra.',
  'error:microphone-failed': 'Impossible de démarrer le micro.',
  'error:media-failed': 'Impossible de démarrer la caméra ou le micro.',
  'error:unknown': 'Un problème est survenu.',

  // <participant-tile>
  tileLabel: (name) => `Participant ${name}`,
  microphoneMuted: 'Micro coupé',
  cameraOff: 'Caméra désactivée',
  speaking: 'Parle',

  // <pre-join>
  cameraPreview: 'Aperçu de la caméra',
  startingCamera: 'Démarrage de la caméra…',
  yourName: 'Votre nom',
  join: 'Rejoindre',

  // <layout-grid>, tile additions, <connection-quality>
  gridLabel: 'Participants',
  gridStripLabel: 'Autres participants',
  gridFocusLabel: 'Au premier plan',
  gridPrevious: 'Page précédente',
  gridNext: 'Page suivante',
  gridPageOf: (page, pages) => `Page ${page} sur ${pages}`,
  gridPageShown: (page, pages, first, last, total) =>
    `Page ${page} sur ${pages} : participants ${first} à ${last} sur ${total}`,
  gridViewers: (n) => (n <= 1 ? `${n} spectateur` : `${n} spectateurs`),
  tileScreenLabel: (name) => `Écran de ${name}`,
  tileYourScreen: 'Votre écran',
  tileScreenAudioOff: 'Son du partage d’écran coupé',
  tilePin: 'Épingler',
  connectionQuality: (quality) => `Connexion : ${quality}`,
  'quality:excellent': 'excellente',
  'quality:good': 'bonne',
  'quality:poor': 'faible',
  'quality:lost': 'perdue',
  'quality:unknown': 'inconnue',

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>
  microphone: 'Micro',
  camera: 'Caméra',
  shareScreen: 'Partager l’écran',
  microphoneForbidden: 'Vous ne pouvez pas utiliser votre micro dans ce salon.',
  cameraForbidden: 'Vous ne pouvez pas utiliser votre caméra dans ce salon.',
  screenShareForbidden: 'Vous ne pouvez pas partager votre écran dans ce salon.',
  chooseAudioinput: 'Choisir le micro',
  chooseVideoinput: 'Choisir la caméra',
  chooseAudiooutput: 'Choisir le haut-parleur',
  unnamedAudioinput: (n) => `Micro ${n}`,
  unnamedVideoinput: (n) => `Caméra ${n}`,
  unnamedAudiooutput: (n) => `Haut-parleur ${n}`,
  noDevices: 'Aucun appareil trouvé.',
  speakerUnsupported:
    'Ce navigateur ne permet pas de choisir un haut-parleur ; le son sort sur la sortie par défaut.',
  leave: 'Quitter',
  callControls: 'Commandes de l’appel',
  'error:screen-share-failed': 'Impossible de démarrer le partage d’écran.',

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
  startAudio: 'Activer le son',
  startAudioHint: 'Votre navigateur a bloqué le son de l’appel.',
  reconnected: 'Connexion rétablie.',
  audioLevel: (name) => `Niveau du micro de ${name}`,
  audioLevelLocal: 'Niveau de votre micro',

  // chat: <chat-panel>, <chat-toggle>
  chat: 'Discussion',
  chatMessages: 'Messages de la discussion',
  chatEmpty: 'Aucun message pour l’instant.',
  chatYou: 'Vous',
  chatMessage: 'Message',
  chatSend: 'Envoyer',
  chatSending: 'Envoi…',
  chatHint: 'Entrée envoie, Maj+Entrée passe à la ligne.',
  chatCannotSend: 'Vous ne pouvez pas envoyer de messages dans ce salon.',
  chatNotInRoom: 'Vous pourrez discuter une fois dans le salon.',
  chatUnread: (n) => (n <= 1 ? `Discussion, ${n} non lu` : `Discussion, ${n} non lus`),
  'error:chat-send-failed': 'Votre message n’a pas pu être envoyé.',

  // <hand-raise-button>, the tile's hand mark
  raiseHand: 'Lever la main',
  handRaiseForbidden: 'Vous ne pouvez pas lever la main dans ce salon.',
  handRaised: (position) =>
    position === 1 ? 'Main levée (1re dans la file)' : `Main levée (${position}e dans la file)`,
  'error:hand-raise-failed': 'Impossible de lever ou de baisser votre main.',
  // <recording-indicator>
  recording: 'Enregistrement',

  // <participant-list>, <participants-toggle>
  participants: 'Participants',
  participantsUnread: (n) =>
    n <= 1 ? `Participants, ${n} main levée` : `Participants, ${n} mains levées`,
  participantsFilter: 'Rechercher un participant',
  participantsNoMatch: 'Aucun résultat.',
  participantsShown: (shown, total) => `${shown} sur ${total} affichés`,
  participantsOnStage: 'Sur scène',
  participantsAudience: 'Public',
  participantsHands: 'Mains levées',
  roleHost: 'Hôte',
  roleViewer: 'Spectateur',
  microphoneOn: 'Micro activé',
  cameraOn: 'Caméra activée',
  participantActions: (name) => `Actions pour ${name}`,
  moderateMute: (name) => `Couper le micro de ${name}`,
  moderateRemove: (name) => `Retirer ${name}`,
  moderateRemoveConfirm: (name) => `Retirer ${name} du salon ?`,
  moderatePromote: (name) => `Faire monter ${name} sur scène`,
  moderateLowerHand: (name) => `Baisser la main de ${name}`,
  confirm: 'Confirmer',
  cancel: 'Annuler',
  volumeOf: (name) => `Volume de ${name}`,
  'error:moderation-failed': 'L’action n’a pas pu être effectuée.',

  // reactions: <reaction-button>, the tile's reactions
  react: 'Réagir',
  reactions: 'Réactions',
  reactionsForbidden: 'Vous ne pouvez pas envoyer de réactions dans ce salon.',
  'reaction:👍': 'Pouce levé',
  'reaction:👏': 'Applaudissements',
  'reaction:😂': 'Rire',
  'reaction:❤️': 'Cœur',
  'reaction:🎉': 'Fête',
  'reaction:😮': 'Surprise',
  reactedWith: (name, reaction) => `${name} : ${reaction}`,
  'error:reaction-failed': 'Votre réaction n’a pas pu être envoyée.',

  // <deafen-button>
  deafen: 'Couper le son entrant',
  deafenShort: 'Sourdine',

  // room types
  viewerNotice: 'Vous faites partie du public. Un hôte peut vous faire monter sur scène.',
  promotedNotice: 'Vous êtes sur scène : vous pouvez activer votre micro et votre caméra.',

  announceJoined: (name) => `${name} a rejoint la réunion`,
  announceLeft: (name) => `${name} a quitté la réunion`,
  announceHand: (name) => `${name} lève la main`,
  announceRecording: 'L’enregistrement a commencé',
  announceRecordingStopped: 'L’enregistrement est terminé',
  rejoining: 'Reconnexion automatique…',
  'error:token-wrong-room': 'Le jeton d’accès est pour une autre salle.',
};
