import { expect } from '@open-wc/testing';
import { DefaultReconnectPolicy } from 'livekit-client';
import { joinPeer, mountRoom, tileOf, uniqueRoom, useLiveHooks, waitFor } from '../helpers/live.js';

describe('the media server restarting mid-call', () => {
  const { peers } = useLiveHooks();

  it('shows disconnected with the reason, then rejoins by itself with a fresh token', async () => {
    const room = uniqueRoom('restart');
    // The room must be lost, whichever way the server goes: the server sends `server-shutdown`
    // as it stops, unless it exits before that reaches the page (a busy machine, many rooms to
    // close); then livekit-client's own reconnecting gives up after two tries (by default it
    // would try for about 45 s and could even succeed once the server is back).
    const el = await mountRoom(room, 'alice', {
      roomOptions: { reconnectPolicy: new DefaultReconnectPolicy([0, 300]) },
    });
    const tokenRequests: string[] = [];
    const realFetch = window.fetch;
    window.fetch = (input, init) => {
      const url = String(input instanceof Request ? input.url : input);
      if (url.includes(`/api/rooms/${room}/join`)) tokenRequests.push(url);
      return realFetch(input, init);
    };
    try {
      const answer = await realFetch('/test-api/sfu-restart/3000');
      expect(answer.status).to.equal(200);
      await waitFor(
        () => el.store.get().connection.phase === 'disconnected',
        'the room is lost',
        20_000,
      );
      const banner = el.shadowRoot!.querySelector('connection-banner')!;
      await waitFor(() => !!banner.shadowRoot!.textContent?.trim(), 'the banner says why');
      const status = () => el.shadowRoot!.querySelector('[part="status"]')?.textContent ?? '';
      await waitFor(
        () => /Rejoining automatically|Joining the room/.test(status()),
        'it says it is rejoining',
      );

      await waitFor(() => el.store.get().connection.phase === 'connected', 'rejoined', 60_000);
      expect(tokenRequests.length, 'a fresh token from the token URL').to.be.greaterThan(0);
      expect(el.store.get().local?.identity).to.equal('alice');

      // The call works again: someone joining is seen.
      peers.push(await joinPeer(room, 'late', { camera: true }));
      await waitFor(() => !!tileOf(el, 'late'), 'a newcomer is seen after the restart');
      await el.leave();
    } finally {
      window.fetch = realFetch;
    }
  });
});
