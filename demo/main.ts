import '../src/index.js';

// `?role=host|viewer|speaker` and `?type=meeting|webinar|live|1to1` pick this tab's part and the
// room's kind (the dev token server honours them; a real app decides roles on its server).
const query = new URLSearchParams(location.search);
const room = document.querySelector('media-room');
const join = new URLSearchParams();
for (const key of ['role', 'type']) {
  const value = query.get(key);
  if (value) join.set(key, value);
}
const roomName = query.get('room') ?? 'demo';
if (room) {
  room.tokenUrl = `/api/rooms/${encodeURIComponent(roomName)}/join${join.size ? `?${join}` : ''}`;
  if (query.get('name')) room.name = query.get('name')!;
}
