import type { Messages } from './en.js';

export const de: Messages = {
  $code: 'de',
  $dir: 'ltr',

  connecting: 'Raum wird betreten…',
  reconnecting: 'Verbindung verloren. Neu verbinden…',
  left: 'Du hast den Raum verlassen.',
  disconnected: 'Die Verbindung zum Raum wurde getrennt.',
  retry: 'Erneut versuchen',
  dismiss: 'Schließen',
  rejoin: 'Wieder beitreten',
  notConfigured: 'Für diesen Raum ist keine Token-URL und kein Token angegeben.',
  roomLabel: (name) => (name ? `Anruf: ${name}` : 'Anruf'),
  participantCount: (n) => (n === 1 ? '1 Teilnehmer' : `${n} Teilnehmer`),
  you: (name) => `${name} (du)`,

  'reason:duplicate-identity': 'Du bist diesem Raum an anderer Stelle beigetreten.',
  'reason:server-shutdown': 'Der Medienserver wurde beendet.',
  'reason:participant-removed': 'Du wurdest aus dem Raum entfernt.',
  'reason:room-deleted': 'Der Raum wurde geschlossen.',
  'reason:state-mismatch': 'Die Verbindung ist mit dem Server aus dem Takt geraten.',
  'reason:join-failure': 'Der Beitritt ist fehlgeschlagen.',
  'reason:signal-close': 'Die Verbindung zum Server wurde geschlossen.',
  'reason:room-closed': 'Der Raum wurde geschlossen.',

  'error:token-network': 'Der Token-Server ist nicht erreichbar. Prüfe deine Verbindung.',
  'error:token-timeout': 'Der Token-Server hat nicht rechtzeitig geantwortet.',
  'error:token-unauthorized': 'Du bist nicht angemeldet oder deine Sitzung ist abgelaufen.',
  'error:token-forbidden': 'Du darfst diesem Raum nicht beitreten.',
  'error:token-not-found': 'Diesen Raum gibt es nicht.',
  'error:token-rejected': 'Der Token-Server hat die Anfrage abgelehnt.',
  'error:token-server-error': 'Der Token-Server hat ein Problem. Versuche es gleich noch einmal.',
  'error:token-invalid-reply': 'Die Antwort des Token-Servers ist unbrauchbar.',
  'error:token-invalid': 'Das Zugangstoken wurde abgelehnt: ungültig oder abgelaufen.',
  'error:server-unreachable': 'Der Medienserver ist nicht erreichbar.',
  'error:connection-failed': 'Der Beitritt zum Raum ist fehlgeschlagen.',
  'error:camera-denied': 'Kamerazugriff verweigert. Erlaube ihn im Browser, um gesehen zu werden.',
  'error:microphone-denied':
    'Mikrofonzugriff verweigert. Erlaube ihn im Browser, um gehört zu werden.',
  'error:media-denied': 'Zugriff auf Kamera und Mikrofon verweigert.',
  'error:camera-not-found': 'Keine Kamera gefunden.',
  'error:microphone-not-found': 'Kein Mikrofon gefunden.',
  'error:media-not-found': 'Keine Kamera und kein Mikrofon gefunden.',
  'error:camera-in-use': 'Die Kamera wird von einem anderen Programm verwendet.',
  'error:microphone-in-use': 'Das Mikrofon wird von einem anderen Programm verwendet.',
  'error:media-in-use': 'Kamera oder Mikrofon werden von einem anderen Programm verwendet.',
  'error:camera-failed': 'Die Kamera konnte nicht gestartet werden.',
  'error:microphone-failed': 'Das Mikrofon konnte nicht gestartet werden.',
  'error:media-failed': 'Kamera oder Mikrofon konnten nicht gestartet werden.',
  'error:unknown': 'Etwas ist schiefgelaufen.',

  tileLabel: (name) => `Teilnehmer ${name}`,
  microphoneMuted: 'Mikrofon stumm',
  cameraOff: 'Kamera aus',
  speaking: 'Spricht',

  // <layout-grid>, tile additions, <connection-quality>

  // controls: <track-toggle>, <screen-share-button>, <device-picker>, <leave-button>, <control-bar>

  // room level: <room-audio>, <start-audio>, <connection-banner>, <audio-visualizer>, <pre-join>
};
