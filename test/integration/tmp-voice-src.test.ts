import { Track } from 'livekit-client';
import '../../src/index.js';
import { mountRoom, uniqueRoom, waitFor, waitForValue } from '../helpers/live.js';

describe('tmp', () => {
  for (const suppressor of [false, true]) it(`voice in source mode ${suppressor}`, async () => {
    const el = await mountRoom(uniqueRoom('tmpv'), 'tmp-local');
    await el.session.setVoiceProcessing({ suppressor, inputSensitivity: -90 });
    const ctx = new AudioContext();
    await ctx.resume();
    const tone = ctx.createOscillator();
    const g = ctx.createGain(); g.gain.value = 0.3;
    const destination = ctx.createMediaStreamDestination();
    tone.connect(g).connect(destination);
    tone.frequency.value = 1000;
    tone.start();
    const noise = ctx.createBuffer(1, ctx.sampleRate, ctx.sampleRate);
    const d = noise.getChannelData(0);
    for (let i = 0; i < d.length; i++) d[i] = (Math.random() * 2 - 1) * 0.05;
    const ns = ctx.createBufferSource(); ns.buffer = noise; ns.loop = true; ns.connect(destination); ns.start();
    await el.session.room.localParticipant.publishTrack(destination.stream.getAudioTracks()[0]!, { source: Track.Source.Microphone });
    const mic = await waitForValue(() => el.session.room.localParticipant.getTrackPublication(Track.Source.Microphone)?.track, 'pub');
    await waitFor(() => mic.getProcessor()?.name === 'media-room-voice', 'processed', 20_000);
    for (let i = 0; i < 6; i++) {
      await new Promise((r) => setTimeout(r, 500));
      console.log('diag', suppressor, i, el.session.voice.level(), (mic as unknown as {audioContext?: AudioContext}).audioContext?.sampleRate, ctx.sampleRate);
    }
    await el.leave(); await ctx.close();
    localStorage.removeItem('media-room-elements:voice');
  });
});
