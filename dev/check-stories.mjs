// Loads every story of the built Storybook (storybook-static/) in Chromium and fails on any
// page error, console error or failed request. Run after `npm run build-storybook`.
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize } from 'node:path';
import { chromium } from 'playwright';

const root = 'storybook-static';
const types = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
  '.png': 'image/png',
};
const server = createServer((req, res) => {
  const path = normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname));
  // Chromium asks for a favicon on the first page of a tab; Storybook ships none by that name.
  if (path === '/favicon.ico') {
    res.writeHead(204).end();
    return;
  }
  const file = join(root, path === '/' ? 'index.html' : path);
  if (!file.startsWith(root) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404).end();
    return;
  }
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
  createReadStream(file).pipe(res);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${server.address().port}`;

const index = JSON.parse(readFileSync(join(root, 'index.json'), 'utf8'));
const stories = Object.values(index.entries).filter((e) => e.type === 'story');
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_BIN ?? '/usr/bin/chromium',
  headless: true,
  args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
});
const failures = [];
try {
  const page = await browser.newPage();
  let problems = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && problems.push(`console: ${m.text()}`));
  page.on('requestfailed', (r) => problems.push(`request failed: ${r.url()}`));
  for (const story of stories) {
    problems = [];
    await page.goto(`${base}/iframe.html?id=${story.id}&viewMode=story`);
    await page.waitForSelector('#storybook-root > *, #root-inner > *', { timeout: 15_000 });
    await page.waitForTimeout(500);
    // Stories whose point is an error state (a failing token URL) expect that request's 404.
    const expected = (p) => story.id.includes('error') && p.includes('404');
    const real = problems.filter((p) => !expected(p));
    if (real.length) failures.push(`${story.id}:\n  ${real.join('\n  ')}`);
  }
} finally {
  await browser.close();
  server.close();
}
if (failures.length) {
  console.error(
    `Stories with errors (${failures.length} of ${stories.length}):\n${failures.join('\n')}`,
  );
  process.exit(1);
}
console.log(`${stories.length} stories loaded with no error.`);
