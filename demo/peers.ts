// Fills the demo room with participants for developing layouts: ?count=N&share=1&room=demo;
// &captions=1 has them speak captions (LiveKit's transcription streams, interim then final).
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

const LINES = [
  'Good morning, everyone. Shall we begin?',
  'The numbers for the quarter are on the shared screen.',
  'مرحبا بالجميع، لنبدأ الاجتماع.',
  'Could you say more about the second chart?',
  'Bonjour à tous, je vous entends bien.',
  'Let us take questions at the end.',
];

/** Each peer in turn "says" a line: the words as an interim segment, then the whole as final. */
async function speakCaptions(): Promise<void> {
  // Bounded: 120 lines (about ten minutes), then the peers fall silent.
  for (let n = 0; n < 120 && joined.length > 0; n += 1) {
    const peer = joined[n % joined.length]!;
    const words = LINES[n % LINES.length]!.split(' ');
    const segment = `demo-${n}`;
    for (let w = 1; w <= words.length; w += 1) {
      const final = w === words.length;
      await peer.localParticipant.sendText(words.slice(0, w).join(' '), {
        topic: 'lk.transcription',
        attributes: { 'lk.segment_id': segment, 'lk.transcription_final': String(final) },
      });
      await new Promise((resolve) => setTimeout(resolve, final ? 1500 : 300));
    }
  }
}
if (params.get('captions')) void speakCaptions();

addEventListener('pagehide', () => joined.forEach((r) => void r.disconnect()));
