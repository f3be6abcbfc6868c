// Fills the demo room with participants for developing layouts: ?count=N&share=1&room=demo.
import { LocalVideoTrack, Room, Track } from 'livekit-client';

const NAMES = [
  'Ada Lovelace',
  'Grace Hopper',
  'Alan Turing',
  'Katherine Johnson',
  'Edsger Dijkstra',
  'Barbara Liskov',
  'Donald Knuth',
  'Margaret Hamilton',
  'Tim Berners-Lee',
  'Radia Perlman',
  'Ken Thompson',
  'Frances Allen',
  'John Backus',
  'Hedy Lamarr',
];

const params = new URLSearchParams(location.search);
const count = Math.min(Number(params.get('count') ?? 3), 24);
const room = params.get('room') ?? 'demo';
const status = document.getElementById('status')!;

/** A canvas "screen" with moving text, published as a screen share. */
function fakeScreen(): LocalVideoTrack {
  const canvas = Object.assign(document.createElement('canvas'), { width: 1280, height: 720 });
  const ctx = canvas.getContext('2d')!;
  const draw = () => {
    ctx.fillStyle = '#f8fafc';
    ctx.fillRect(0, 0, 1280, 720);
    ctx.fillStyle = '#1e293b';
    ctx.font = 'bold 64px sans-serif';
    ctx.fillText('Quarterly review', 80, 140);
    ctx.font = '36px sans-serif';
    ctx.fillText(new Date().toLocaleTimeString(), 80, 220);
    ctx.fillStyle = '#2563eb';
    for (let i = 0; i < 6; i += 1)
      ctx.fillRect(120 + i * 170, 620 - (i + 2) * 50, 110, (i + 2) * 50);
  };
  draw();
  setInterval(draw, 500);
  return new LocalVideoTrack(canvas.captureStream(5).getVideoTracks()[0]!);
}

const joined: Room[] = [];
for (let i = 0; i < count; i += 1) {
  const name = NAMES[i % NAMES.length]!;
  const response = await fetch(`/api/rooms/${room}/join`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ identity: `peer-${i}`, name }),
  });
  const { token, url } = (await response.json()) as { token: string; url: string };
  const peer = new Room();
  await peer.connect(url, token);
  await peer.localParticipant.setCameraEnabled(true, {
    resolution: { width: 320, height: 180, frameRate: 15 },
  });
  if (i === 0 && params.get('share')) {
    await peer.localParticipant.publishTrack(fakeScreen(), { source: Track.Source.ScreenShare });
  }
  joined.push(peer);
  status.textContent = `${joined.length} of ${count} joined`;
}
addEventListener('pagehide', () => joined.forEach((r) => void r.disconnect()));
