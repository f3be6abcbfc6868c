import type { Messages } from './en.js';

export const es: Messages = {
  $code: 'es',
  $dir: 'ltr',

  connecting: 'Entrando en la sala…',
  reconnecting: 'Se perdió la conexión. Reconectando…',
  left: 'Has salido de la sala.',
  disconnected: 'Se te ha desconectado de la sala.',
  retry: 'Reintentar',
  dismiss: 'Cerrar',
  rejoin: 'Volver a entrar',
  notConfigured: 'Esta sala no tiene una URL de token ni un token para entrar.',
  roomLabel: (name) => (name ? `Llamada: ${name}` : 'Llamada'),
  participantCount: (n) => (n === 1 ? '1 participante' : `${n} participantes`),
  you: (name) => `${name} (tú)`,

  'reason:duplicate-identity': 'Has entrado en esta sala desde otro lugar.',
  'reason:server-shutdown': 'El servidor multimedia se ha apagado.',
  'reason:participant-removed': 'Se te ha expulsado de la sala.',
  'reason:room-deleted': 'La sala se ha cerrado.',
  'reason:state-mismatch': 'La conexión se ha desincronizado del servidor.',
  'reason:join-failure': 'No se pudo entrar en la sala.',
  'reason:signal-close': 'Se cerró la conexión con el servidor.',
  'reason:room-closed': 'La sala se ha cerrado.',

  'error:token-network': 'No se pudo contactar con el servidor de tokens. Revisa tu conexión.',
  'error:token-timeout': 'El servidor de tokens no respondió a tiempo.',
  'error:token-unauthorized': 'No has iniciado sesión o tu sesión ha caducado.',
  'error:token-forbidden': 'No tienes permiso para entrar en esta sala.',
  'error:token-not-found': 'Esta sala no existe.',
  'error:token-rejected': 'El servidor de tokens rechazó la solicitud.',
  'error:token-server-error':
    'El servidor de tokens tuvo un problema. Inténtalo de nuevo en un momento.',
  'error:token-invalid-reply': 'El servidor de tokens envió una respuesta inservible.',
  'error:token-invalid': 'Se rechazó el token de acceso: no es válido o ha caducado.',
  'error:server-unreachable': 'No se pudo contactar con el servidor multimedia.',
  'error:connection-failed': 'No se pudo entrar en la sala.',
  'error:camera-denied':
    'Se denegó el acceso a la cámara. Permítelo en el navegador para que te vean.',
  'error:microphone-denied':
    'Se denegó el acceso al micrófono. Permítelo en el navegador para que te oigan.',
  'error:media-denied': 'Se denegó el acceso a la cámara y al micrófono.',
  'error:camera-not-found': 'No se encontró ninguna cámara.',
  'error:microphone-not-found': 'No se encontró ningún micrófono.',
  'error:media-not-found': 'No se encontró ninguna cámara ni micrófono.',
  'error:camera-in-use': 'Otro programa está usando la cámara.',
  'error:microphone-in-use': 'Otro programa está usando el micrófono.',
  'error:media-in-use': 'Otro programa está usando la cámara o el micrófono.',
  'error:camera-failed': 'No se pudo iniciar la cámara.',
  'error:microphone-failed': 'No se pudo iniciar el micrófono.',
  'error:media-failed': 'No se pudo iniciar la cámara o el micrófono.',
  'error:unknown': 'Algo ha salido mal.',

  // <participant-tile>
  tileLabel: (name) => `Participante ${name}`,
  microphoneMuted: 'Micrófono silenciado',
  cameraOff: 'Cámara apagada',
  speaking: 'Hablando',

  // <pre-join>
  cameraPreview: 'Vista previa de la cámara',
  startingCamera: 'Iniciando la cámara…',
  yourName: 'Tu nombre',
  join: 'Entrar',

  // <layout-grid>, tile additions, <connection-quality>
  gridLabel: 'Participantes',
  gridStripLabel: 'Otros participantes',
  gridFocusLabel: 'En primer plano',
  gridPrevious: 'Página anterior',
  gridNext: 'Página siguiente',
  gridPageOf: (page, pages) => `Página ${page} de ${pages}`,
  gridPageShown: (page, pages, first, last, total) =>
    `Página ${page} de ${pages}: participantes ${first} a ${last} de ${total}`,
  gridViewers: (n) => (n === 1 ? '1 espectador' : `${n} espectadores`),
  tileScreenLabel: (name) => `Pantalla de ${name}`,
  tileYourScreen: 'Tu pantalla',
  tileScreenAudioOff: 'Audio de la pantalla compartida desactivado',
  tilePin: 'Fijar',
  connectionQuality: (quality) => `Conexión: ${quality}`,
  'quality:excellent': 'excelente',
  'quality:good': 'buena',
  'quality:poor': 'mala',
  'quality:lost': 'perdida',
  'quality:unknown': 'desconocida',

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>
  microphone: 'Micrófono',
  camera: 'Cámara',
  shareScreen: 'Compartir pantalla',
  microphoneForbidden: 'No puedes usar el micrófono en esta sala.',
  cameraForbidden: 'No puedes usar la cámara en esta sala.',
  screenShareForbidden: 'No puedes compartir la pantalla en esta sala.',
  chooseAudioinput: 'Elegir micrófono',
  chooseVideoinput: 'Elegir cámara',
  chooseAudiooutput: 'Elegir altavoz',
  unnamedAudioinput: (n) => `Micrófono ${n}`,
  unnamedVideoinput: (n) => `Cámara ${n}`,
  unnamedAudiooutput: (n) => `Altavoz ${n}`,
  noDevices: 'No se encontraron dispositivos.',
  speakerUnsupported:
    'Este navegador no permite elegir altavoz; el sonido sale por la salida predeterminada.',
  leave: 'Salir',
  callControls: 'Controles de la llamada',
  'error:screen-share-failed': 'No se pudo iniciar la pantalla compartida.',

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
  startAudio: 'Activar sonido',
  startAudioHint: 'Tu navegador ha bloqueado el sonido de la llamada.',
  reconnected: 'Conexión restablecida.',
  audioLevel: (name) => `Nivel del micrófono de ${name}`,
  audioLevelLocal: 'Nivel de tu micrófono',

  // chat: <chat-panel>, <chat-toggle>
  chat: 'Chat',
  chatMessages: 'Mensajes del chat',
  chatEmpty: 'Todavía no hay mensajes.',
  chatYou: 'Tú',
  chatMessage: 'Mensaje',
  chatSend: 'Enviar',
  chatSending: 'Enviando…',
  chatHint: 'Intro envía; Mayús+Intro empieza una línea nueva.',
  chatCannotSend: 'No puedes enviar mensajes de chat en esta sala.',
  chatNotInRoom: 'Podrás chatear cuando estés en la sala.',
  chatUnread: (n) => (n === 1 ? 'Chat, 1 sin leer' : `Chat, ${n} sin leer`),
  'error:chat-send-failed': 'No se pudo enviar tu mensaje.',

  // <hand-raise-button>, the tile's hand mark
  raiseHand: 'Levantar la mano',
  handRaiseForbidden: 'No puedes levantar la mano en esta sala.',
  handRaised: (position) => `Mano levantada (${position}.º en la cola)`,
  'error:hand-raise-failed': 'No se pudo levantar ni bajar la mano.',
  // <recording-indicator>
  recording: 'Grabando',

  // <participant-list>, <participants-toggle>
  participants: 'Participantes',
  participantsUnread: (n) =>
    n === 1 ? 'Participantes, 1 mano levantada' : `Participantes, ${n} manos levantadas`,
  participantsFilter: 'Buscar un participante',
  participantsNoMatch: 'Nadie coincide.',
  participantsShown: (shown, total) => `${shown} de ${total} mostrados`,
  participantsOnStage: 'En el escenario',
  participantsAudience: 'Público',
  participantsHands: 'Manos levantadas',
  roleHost: 'Anfitrión',
  roleViewer: 'Espectador',
  microphoneOn: 'Micrófono activado',
  cameraOn: 'Cámara activada',
  participantActions: (name) => `Acciones para ${name}`,
  moderateMute: (name) => `Silenciar a ${name}`,
  moderateRemove: (name) => `Expulsar a ${name}`,
  moderateRemoveConfirm: (name) => `¿Expulsar a ${name} de la sala?`,
  moderatePromote: (name) => `Subir a ${name} al escenario`,
  moderateLowerHand: (name) => `Bajar la mano de ${name}`,
  confirm: 'Confirmar',
  cancel: 'Cancelar',
  volumeOf: (name) => `Volumen de ${name}`,
  'error:moderation-failed': 'No se pudo llevar a cabo la acción.',

  // reactions: <reaction-button>, the tile's reactions
  react: 'Reaccionar',
  reactions: 'Reacciones',
  reactionsForbidden: 'No puedes enviar reacciones en esta sala.',
  'reaction:👍': 'Pulgar arriba',
  'reaction:👏': 'Aplausos',
  'reaction:😂': 'Risas',
  'reaction:❤️': 'Me encanta',
  'reaction:🎉': 'Celebración',
  'reaction:😮': 'Sorpresa',
  reactedWith: (name, reaction) => `${name}: ${reaction}`,
  'error:reaction-failed': 'No se pudo enviar tu reacción.',

  // <deafen-button>
  deafen: 'Silenciar el audio entrante',
  deafenShort: 'Sin audio',

  // room types
  viewerNotice: 'Estás en el público. Un anfitrión puede subirte al escenario.',
  promotedNotice: 'Estás en el escenario: puedes activar el micrófono y la cámara.',

  announceJoined: (name) => `${name} se ha unido`,
  announceLeft: (name) => `${name} ha salido`,
  announceHand: (name) => `${name} ha levantado la mano`,
  announceRecording: 'Ha comenzado la grabación',
  announceRecordingStopped: 'La grabación ha terminado',
};
