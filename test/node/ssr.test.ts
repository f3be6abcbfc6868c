/**
 * SSR frameworks import the library on the server: every public module must import under plain
 * Node (no DOM) without throwing, and without touching `window` or `document`.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const src = fileURLToPath(new URL('../../src/', import.meta.url));

/** The package's public entry points, and every element module (`./components/*`). */
function publicModules(): string[] {
  const entries = [
    'index.ts',
    'store/index.ts',
    'autoload.ts',
    'react/index.ts',
    'svelte/index.ts',
    'server/index.ts',
  ].filter((file) => existsSync(src + file));
  const components = readdirSync(src + 'components').flatMap((name) =>
    readdirSync(`${src}components/${name}`)
      .filter((file) => file.endsWith('.ts'))
      .map((file) => `components/${name}/${file}`),
  );
  return [...entries, ...components];
}

describe('importing under plain Node (SSR)', () => {
  it('every public module imports without a DOM, and none touches window or document', async () => {
    const modules = publicModules();
    assert.ok(modules.length > 40, `found ${modules.length} modules`);
    assert.equal(typeof globalThis.window, 'undefined');
    for (const file of modules) {
      await assert.doesNotReject(import(src + file), `importing src/${file}`);
    }
    assert.equal(typeof globalThis.window, 'undefined', 'no window was made');
    assert.equal(typeof globalThis.document, 'undefined', 'no document was made');
  });

  it('the element modules define their tags (on the SSR registry) and nothing else happens', async () => {
    await import(src + 'index.ts');
    const registry = (globalThis as { customElements?: CustomElementRegistry }).customElements;
    assert.ok(registry, "lit's server-side registry");
    for (const tag of ['media-room', 'participant-tile', 'participant-list', 'reaction-button']) {
      assert.ok(registry.get(tag), `<${tag}> is defined`);
    }
  });
});
