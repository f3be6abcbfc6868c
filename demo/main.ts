import '../src/index.js';

// `?role=host|viewer|speaker`, `?type=meeting|webinar|live|1to1` and `?waiting=1` pick this tab's
// part, the room's kind and whether newcomers knock (the dev token server honours them; a real app
// decides roles on its server).
const query = new URLSearchParams(location.search);
const room = document.querySelector('media-room');
const join = new URLSearchParams();
for (const key of ['role', 'type', 'waiting']) {
  const value = query.get(key);
  if (value) join.set(key, value);
}
const roomName = query.get('room') ?? 'demo';
if (room) {
  room.tokenUrl = `/api/rooms/${encodeURIComponent(roomName)}/join${join.size ? `?${join}` : ''}`;
  if (query.get('name')) room.name = query.get('name')!;
}
// `?lang=ar` (or de, es, fr, ja) shows the call in that language (right to left for Arabic).
const lang = query.get('lang');
if (room && lang) {
  room.lang = lang;
  room.dir = lang === 'ar' ? 'rtl' : 'ltr';
}
// `?e2ee=<passphrase>` encrypts the call end to end (open other tabs with the same passphrase; a
// tab with another one, or none, shows what it cannot decrypt). The passphrase in the address is
// for the demo only: a real page gets it from its user, or from the join reply.
const passphrase = query.get('e2ee');
if (room && passphrase) room.e2eePassphrase = passphrase;
