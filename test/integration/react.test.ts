import { expect } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';

/**
 * A React app (test/fixtures/react/app.ts) rendering the generated @lit/react wrapper
 * `<MediaRoom>` against the real SFU, bundled by test/fixtures/react/build.ts twice: on React 18
 * (dist/app18.js) and on React 19 (dist/app19.js). Each bundle carries its own element classes,
 * lit and livekit-client, so nothing is shared between a React copy and the elements it renders.
 *
 * The React 18 bundle loads first and defines the elements. The React 19 bundle's `define()` calls
 * find the tags taken and skip (src/internal/define.ts), so its wrappers render the React 18
 * bundle's elements: that must still work, since @lit/react creates the element by `tagName`,
 * sets properties by name and listens for events by name (the "uses the other bundle's
 * elements" assertion below makes sure that case is the one tested). test/helpers/live.ts imports
 * `<media-room>` from the sources, hence its import after both bundles.
 */
type ReactApp = typeof import('../fixtures/react/app.js');
const app18 = (await import('/test/fixtures/react/dist/app18.js' as string)) as ReactApp;
const app19 = (await import('/test/fixtures/react/dist/app19.js' as string)) as ReactApp;
const { callRoot, joinPeer, tileOf, uniqueRoom, useLiveHooks, waitFor } =
  await import('../helpers/live.js');

for (const [major, app] of [
  ['18', app18],
  ['19', app19],
] as const) {
  describe(`a React ${major} app on the generated <MediaRoom> wrapper against a real livekit-server`, () => {
    const { peers } = useLiveHooks();
    let target: HTMLDivElement | undefined;
    let unmount: (() => void) | undefined;

    afterEach(() => {
      unmount?.();
      unmount = undefined;
      target?.remove();
    });

    it(`runs React ${major}`, () => {
      expect(app.version.split('.')[0]).to.equal(major);
    });

    if (major === '18') {
      it('defines the elements from its own bundle', () => {
        expect(customElements.get('media-room')).to.equal(app.MediaRoomElement);
      });
    } else {
      it("uses the other bundle's elements (the tags were taken)", () => {
        expect(customElements.get('media-room')).to.not.equal(app.MediaRoomElement);
        expect(customElements.get('media-room')).to.equal(app18.MediaRoomElement);
      });
    }

    it('joins the room, and its onConnected and onParticipantJoined props receive the events; the peer gets a tile', async () => {
      const room = uniqueRoom(`react${major}`);
      const identity = `react${major}-user`;
      target = document.createElement('div');
      document.body.append(target);
      const mounted = app.mount(target, { room, identity, name: `React ${major} User` });
      unmount = mounted.unmount;
      const { seen } = mounted;

      await waitFor(() => !!target!.querySelector('media-room'), 'React rendered <media-room>');
      const el = target.querySelector('media-room') as MediaRoom;
      expect(el.title, 'a plain HTML attribute passes through').to.equal(
        `React ${major} User on React ${app.version}`,
      );

      await waitFor(() => seen.connected.length > 0, 'the React onConnected handler ran', 20_000);
      expect(seen.connected, 'onConnected once, from this <media-room>').to.deep.equal([identity]);
      expect(window.__events?.[app.version]).to.equal(seen);
      const snapshot = el.store.get();
      expect(snapshot.connection.phase).to.equal('connected');
      expect(snapshot.room.name, 'tokenUrl set as a property').to.equal(room);
      expect(snapshot.local?.identity, 'identity').to.equal(identity);
      expect(snapshot.local?.name, 'name').to.equal(`React ${major} User`);
      expect(el.skipPrejoin, 'skipPrejoin').to.equal(true);
      expect(callRoot(el)?.querySelector('pre-join') ?? null, 'no pre-join screen').to.equal(null);
      expect(seen.joined).to.deep.equal([]);

      const peerIdentity = `peer-of-react${major}`;
      peers.push(await joinPeer(room, peerIdentity));
      await waitFor(() => seen.joined.length > 0, 'the React onParticipantJoined handler ran');
      expect(seen.joined).to.deep.equal([peerIdentity]);
      expect(seen.eventClasses).to.deep.equal(['ConnectedEvent', 'ParticipantJoinedEvent']);
      await waitFor(() => !!tileOf(el, peerIdentity), 'the remote participant has a tile');

      // Unmounting removes the element, which leaves the room.
      unmount();
      unmount = undefined;
      expect(target.querySelector('media-room')).to.equal(null);
      await waitFor(
        () => el.store.get().connection.phase !== 'connected',
        'the unmounted <media-room> left the room',
      );
    });
  });
}
