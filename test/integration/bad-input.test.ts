import { expect, fixture, html } from '@open-wc/testing';
import type { MediaRoom } from '../../src/components/media-room/media-room.js';
import { nextError, nextEvent, uniqueRoom, waitFor, watchForUncaught } from '../helpers/live.js';
import '../../src/components/media-room/media-room.js';

/** Mount a room with a token URL, wait for its `error`, and return both. */
async function failWith(
  tokenUrl: string,
  attrs: { timeout?: number; lang?: string; room?: string } = {},
) {
  const el = await fixture<MediaRoom>(html`
    <media-room
      skip-prejoin
      room=${attrs.room ?? ''}
      token-url=${tokenUrl}
      token-timeout=${attrs.timeout ?? 10_000}
      lang=${attrs.lang ?? 'en'}
    ></media-room>
  `);
  const event = await nextError(el);
  await el.updateComplete;
  return { el, event };
}

function alertOf(el: MediaRoom) {
  const alert = el.shadowRoot!.querySelector('[role="alert"]');
  return {
    alert,
    message: alert?.querySelector('[part="error-message"]')?.textContent ?? '',
    detail: alert?.querySelector('[part="error-detail"]')?.textContent ?? '',
    retry: alert?.querySelector<HTMLButtonElement>('button[part="retry"]') ?? null,
  };
}

describe('<media-room> with bad input', () => {
  let uncaught: ReturnType<typeof watchForUncaught>;

  beforeEach(() => {
    uncaught = watchForUncaught();
  });

  afterEach(() => {
    uncaught.stop();
    expect(uncaught.seen, 'no uncaught errors or unhandled rejections').to.deep.equal([]);
  });

  const cases: Array<{
    what: string;
    url: string | (() => Promise<string>);
    code: string;
    message: string;
    detail?: string;
    timeout?: number;
    room?: string;
  }> = [
    {
      what: '401',
      url: '/test-api/status/401',
      code: 'token-unauthorized',
      message: 'You are not signed in, or your session has ended.',
      detail: 'HTTP 401: status 401 on purpose',
    },
    {
      what: '403',
      url: '/test-api/status/403',
      code: 'token-forbidden',
      message: 'You are not allowed to join this room.',
    },
    {
      what: '404',
      url: '/test-api/status/404',
      code: 'token-not-found',
      message: 'This room does not exist.',
    },
    {
      what: '400 with a JSON error',
      url: '/test-api/status/400',
      code: 'token-rejected',
      message: 'The token server refused the request.',
      detail: 'HTTP 400: status 400 on purpose',
    },
    {
      what: '500',
      url: '/test-api/status/500',
      code: 'token-server-error',
      message: 'The token server had a problem. Try again in a moment.',
    },
    {
      what: '503',
      url: '/test-api/status/503',
      code: 'token-server-error',
      message: 'The token server had a problem. Try again in a moment.',
    },
    {
      what: 'a timeout',
      url: '/test-api/slow',
      code: 'token-timeout',
      message: 'The token server did not answer in time.',
      timeout: 300,
    },
    {
      what: 'HTML instead of JSON',
      url: '/test-api/html',
      code: 'token-invalid-reply',
      message: 'The token server sent an answer that cannot be used.',
      detail: 'not JSON (text/html)',
    },
    {
      what: 'a reply without a URL',
      url: '/test-api/missing-fields',
      code: 'token-invalid-reply',
      message: 'The token server sent an answer that cannot be used.',
      detail: 'missing url',
    },
    {
      what: 'an unknown path on the token server',
      url: '/test-api/no-such-thing',
      code: 'token-not-found',
      message: 'This room does not exist.',
    },
    {
      what: 'a network failure',
      url: async () => {
        // A loopback port nobody listens on: the fetch itself fails.
        const reply = await fetch('/test-api/unreachable');
        const { url } = (await reply.json()) as { url: string };
        return url.replace('ws://', 'http://') + '/token';
      },
      code: 'token-network',
      message: 'Could not reach the token server. Check your connection.',
    },
    {
      what: 'an expired token',
      url: '/test-api/expired',
      code: 'token-invalid',
      message: 'The access token was refused: it is invalid or has expired.',
    },
    {
      what: 'a token signed with the wrong secret',
      url: '/test-api/bad-signature',
      code: 'token-invalid',
      message: 'The access token was refused: it is invalid or has expired.',
    },
    {
      what: 'a token for another room',
      url: '/test-api/alt-shape',
      room: 'standup',
      code: 'token-wrong-room',
      message: 'The access token is for another room.',
    },
    {
      what: 'an unreachable media server',
      url: '/test-api/unreachable',
      code: 'server-unreachable',
      message: 'Could not reach the media server.',
    },
  ];

  for (const c of cases) {
    it(`${c.what}: shows "${c.code}" with Retry, fires error, throws nothing`, async () => {
      const url = typeof c.url === 'string' ? c.url : await c.url();
      const { el, event } = await failWith(url, { timeout: c.timeout, room: c.room });
      expect(event.code).to.equal(c.code);
      expect(event.fatal).to.equal(true);
      expect(el.store.get().error?.code).to.equal(c.code);
      expect(el.store.get().connection.phase).to.equal('disconnected');
      const { alert, message, detail, retry } = alertOf(el);
      expect(alert, 'an alert').to.not.equal(null);
      expect(message).to.equal(c.message);
      if (c.detail) expect(detail).to.equal(c.detail);
      expect(retry?.textContent).to.equal('Retry');
      await expect(el).to.be.accessible();
    });
  }

  it('Retry recovers once the token URL works', async () => {
    const { el } = await failWith('/test-api/status/503');
    el.tokenUrl = `/api/rooms/${uniqueRoom()}/join`;
    const connected = nextEvent(el, 'connected');
    alertOf(el).retry!.click();
    await connected;
    await el.updateComplete;
    expect(alertOf(el).alert).to.equal(null);
    expect(el.store.get().error).to.equal(undefined);
    await el.leave();
  });

  it('shows the server message as text, never as HTML', async () => {
    const payload = '<img src="x" onerror="window.__injected = 1"><b>bold</b>';
    const { el } = await failWith(`/test-api/status/400?message=${encodeURIComponent(payload)}`);
    expect(alertOf(el).detail).to.equal(`HTTP 400: ${payload}`);
    expect(el.shadowRoot!.querySelector('[part="error-detail"] *')).to.equal(null);
    // A fixed window on purpose: this proves no injected handler runs (an image error would come
    // asynchronously), and there is no event to wait for.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __injected?: number }).__injected).to.equal(undefined);
  });

  it('says the room is not configured when connect() has nothing to join with', async () => {
    const el = await fixture<MediaRoom>(html`<media-room></media-room>`);
    expect(el.store.get().connection.phase).to.equal('idle');
    const failed = nextError(el);
    void el.connect();
    expect((await failed).code).to.equal('not-configured');
    await el.updateComplete;
    expect(alertOf(el).message).to.equal('This room has no token URL or token to join with.');
  });

  it('speaks the page language: German messages under lang="de"', async () => {
    const { el } = await failWith('/test-api/status/403', { lang: 'de' });
    // German is loaded the first time the page uses it.
    await waitFor(() => alertOf(el).message !== 'You are not allowed to join this room.', 'German');
    const { message, retry } = alertOf(el);
    expect(message).to.equal('Du darfst diesem Raum nicht beitreten.');
    expect(retry?.textContent).to.equal('Erneut versuchen');
  });

  it('the token endpoint refuses bad input with a JSON error', async () => {
    const post = (path: string, body: unknown) =>
      fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const badRoom = await post('/api/token', { room: '../../etc', identity: 'x' });
    expect(badRoom.status).to.equal(400);
    expect(((await badRoom.json()) as { field: string }).field).to.equal('room');
    const badName = await post('/api/rooms/ok/join', { name: 'a\u0000b' });
    expect(badName.status).to.equal(400);
    expect(((await badName.json()) as { field: string }).field).to.equal('name');
    const good = await post('/api/rooms/ok/join', { identity: 'someone' });
    expect(good.status).to.equal(200);
    const reply = (await good.json()) as { token: string; url: string };
    expect(reply.url).to.match(/^ws:\/\/127\.0\.0\.1:\d+$/);
    expect(reply.token.split('.')).to.have.length(3);
    expect(good.headers.get('cache-control')).to.equal('no-store');
  });

  it('an idle element joins as soon as it gets a token URL', async () => {
    const el = await fixture<MediaRoom>(html`<media-room skip-prejoin></media-room>`);
    await waitFor(() => el.store.get().connection.phase === 'idle', 'idle');
    const connected = nextEvent(el, 'connected');
    el.tokenUrl = `/api/rooms/${uniqueRoom()}/join`;
    await connected;
    await el.leave();
  });
});
