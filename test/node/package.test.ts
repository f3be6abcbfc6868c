/**
 * The package as its users get it: `npm pack` of the build, unpacked into a throwaway project as
 * `node_modules/media-room-elements`, with the package's own dependencies linked from this repo's
 * node_modules. Every import path the README documents is resolved through the packed `exports`
 * map as Node does (a script run in that project), as a browser bundler does (esbuild, browser
 * conditions) and as TypeScript does (types); `sideEffects` is checked against the packed files,
 * and the React wrappers' module graphs against the element modules they wrap.
 *
 * It needs the build (`npm run build`; `npm test` builds before `test:node`) and no network.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, posix } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import ts from 'typescript';

const repo = fileURLToPath(new URL('../../', import.meta.url));
const NAME = 'media-room-elements';

interface PackageJson {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  peerDependenciesMeta?: Record<string, { optional?: boolean }>;
  exports: Record<string, string | Record<string, string>>;
  sideEffects: string[];
}

/** Every element's tag, from the manifest. */
const tags: string[] = (
  JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8')) as {
    modules: { declarations?: { customElement?: boolean; tagName?: string }[] }[];
  }
).modules
  .flatMap((m) => m.declarations ?? [])
  .filter((d) => d.customElement && d.tagName)
  .map((d) => d.tagName!)
  .sort();

/** Import paths that work in the browser and under Node, and the packed file each must reach. */
const universal: Record<string, string> = {
  [NAME]: 'dist/index.js',
  [`${NAME}/store`]: 'dist/store/index.js',
  [`${NAME}/session`]: 'dist/session/index.js',
  [`${NAME}/react`]: 'dist/react/index.js',
  [`${NAME}/svelte`]: 'dist/svelte/index.js',
  [`${NAME}/autoload`]: 'dist/autoload.js',
  [`${NAME}/cdn/index.js`]: 'dist/cdn/index.js',
  [`${NAME}/cdn/index.iife.js`]: 'dist/cdn/index.iife.js',
  [`${NAME}/cdn/autoload.js`]: 'dist/cdn/autoload.js',
  [`${NAME}/custom-elements.json`]: 'custom-elements.json',
  [`${NAME}/vscode.html-custom-data.json`]: 'vscode.html-custom-data.json',
  [`${NAME}/package.json`]: 'package.json',
  // One element: the documented form, and the short one.
  ...Object.fromEntries(
    tags.flatMap((tag) => [
      [`${NAME}/components/${tag}/${tag}.js`, `dist/components/${tag}/${tag}.js`],
      [`${NAME}/components/${tag}`, `dist/components/${tag}/${tag}.js`],
      [`${NAME}/react/${tag}`, `dist/react/${tag}.js`],
    ]),
  ),
};
/** Node only: the server helper holds the API secret and must not resolve for the browser. */
const nodeOnly: Record<string, string> = { [`${NAME}/server`]: 'dist/server/index.js' };
/** JavaScript entries whose types TypeScript must find next to them. */
const typed = Object.keys({ ...universal, ...nodeOnly }).filter(
  (spec) => !/\/(cdn\/|custom-elements\.json|vscode\.|package\.json)/.test(spec),
);

/** A `sideEffects` glob as a regular expression over package-relative paths. */
function globToRegExp(glob: string): RegExp {
  const body = glob
    .replace(/^\.\//, '')
    .split(/(\*\*\/?|\*)/)
    .map((part) =>
      part === '**' || part === '**/'
        ? '(?:.*/)?'
        : part === '*'
          ? '[^/]*'
          : part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('');
  return new RegExp(`^${body}$`);
}

/** Static `import`/`export … from` specifiers of a module (tsc's output; not `import()`). */
function staticImports(source: string): string[] {
  return [
    ...source.matchAll(/^\s*(?:import|export)\s*(?:[\w*{}\s,$]*?\s*from\s*)?['"]([^'"]+)['"]/gm),
  ].map((m) => m[1]!);
}

let temp = '';
let project = '';
let pkgDir = '';
let files: Set<string>;
let pkg: PackageJson;

/** The package-relative file of `file://…/node_modules/media-room-elements/<file>`. */
function packaged(path: string): string {
  const prefix = join(pkgDir, '/');
  assert.ok(path.startsWith(prefix), `${path} is inside the installed package`);
  return path.slice(prefix.length).split('\\').join('/');
}

/** Run a module script in the temporary project; its stdout, parsed as JSON. */
function runInProject(script: string, code: string): unknown {
  const file = join(project, script);
  writeFileSync(file, code);
  const run = spawnSync(process.execPath, [file], { cwd: project, encoding: 'utf8' });
  assert.equal(run.status, 0, `node ${script} failed:\n${run.stderr}`);
  return JSON.parse(run.stdout);
}

/** The package's static module graph from `entry` (package-relative paths). */
function graph(entry: string): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const spec of staticImports(readFileSync(join(pkgDir, file), 'utf8'))) {
      if (spec.startsWith('.')) visit(posix.join(posix.dirname(file), spec));
    }
  };
  visit(entry);
  return seen;
}

/** Packed dist modules (not the CDN bundles) that call `define()` when evaluated. */
function definingModules(): Set<string> {
  return new Set(
    [...files].filter(
      (file) =>
        /^dist\/(?!cdn\/).*\.js$/.test(file) &&
        /^define\(/m.test(readFileSync(join(pkgDir, file), 'utf8')),
    ),
  );
}

describe('the packed package', () => {
  before(() => {
    for (const file of ['dist/index.js', 'dist/react/index.js', 'dist/cdn/index.js']) {
      if (!existsSync(join(repo, file))) {
        throw new Error(
          `${file} is missing: run \`npm run build\` before this test (\`npm test\` builds before \`test:node\`).`,
        );
      }
    }
    temp = mkdtempSync(join(tmpdir(), 'mre-package-'));
    const packed = JSON.parse(
      execFileSync(
        'npm',
        ['pack', '--json', '--ignore-scripts', '--pack-destination', temp, '--loglevel', 'error'],
        {
          cwd: repo,
          encoding: 'utf8',
          env: { ...process.env, npm_config_update_notifier: 'false', npm_config_fund: 'false' },
        },
      ),
    ) as { filename: string; files: { path: string }[] }[];
    files = new Set(packed[0]!.files.map((f) => f.path));

    // A user's project: the tarball unpacked as node_modules/media-room-elements, and the
    // package's dependencies (and React, an optional peer, for the React entry) linked in.
    project = join(temp, 'app');
    pkgDir = join(project, 'node_modules', NAME);
    mkdirSync(pkgDir, { recursive: true });
    writeFileSync(
      join(project, 'package.json'),
      JSON.stringify({ name: 'app', private: true, type: 'module' }),
    );
    execFileSync('tar', [
      '-xzf',
      join(temp, packed[0]!.filename),
      '-C',
      pkgDir,
      '--strip-components=1',
    ]);
    pkg = JSON.parse(readFileSync(join(pkgDir, 'package.json'), 'utf8')) as PackageJson;
    for (const dep of [...Object.keys(pkg.dependencies ?? {}), 'react']) {
      const link = join(project, 'node_modules', dep);
      mkdirSync(dirname(link), { recursive: true });
      symlinkSync(join(repo, 'node_modules', dep), link, 'dir');
    }
  });

  after(() => {
    if (temp) rmSync(temp, { recursive: true, force: true });
  });

  it('the README documents no import path that is not checked here', () => {
    const readme = readFileSync(join(repo, 'README.md'), 'utf8');
    const specs = new Set([
      ...[...readme.matchAll(/['"`](media-room-elements(?:\/[\w./-]+)?)['"`]/g)].map((m) => m[1]!),
      // CDN URLs: …/media-room-elements/cdn/<file>
      ...[...readme.matchAll(/\/(media-room-elements\/cdn\/[\w./-]+)/g)].map((m) => m[1]!),
    ]);
    assert.ok(specs.size >= 8, `found ${[...specs].join(', ')}`);
    for (const spec of specs) {
      assert.ok(spec in universal || spec in nodeOnly, `${spec} (README) is checked`);
    }
    // Files the README points at by path (editor settings).
    for (const [, file] of readme.matchAll(/node_modules\/media-room-elements\/([\w./-]+)/g)) {
      if (file!.startsWith('cdn/')) continue;
      assert.ok(files.has(file!), `${file} (README) is in the tarball`);
    }
  });

  it('every exports target is a packed file (patterns: at least one)', () => {
    for (const [key, value] of Object.entries(pkg.exports)) {
      const targets = typeof value === 'string' ? [value] : Object.values(value);
      for (const target of targets) {
        const re = new RegExp(
          `^${target
            .replace(/^\.\//, '')
            .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
            .replace(/\*/g, '(.+)')}$`,
        );
        assert.ok(
          [...files].some((f) => re.test(f)),
          `exports["${key}"] → ${target} matches a file in the tarball`,
        );
      }
    }
  });

  it('Node resolves every documented path through the exports map (import conditions)', () => {
    const specs = Object.keys({ ...universal, ...nodeOnly });
    const resolved = runInProject(
      'resolve.mjs',
      `const out = {};
for (const spec of ${JSON.stringify(specs)}) {
  try { out[spec] = import.meta.resolve(spec); } catch (error) { out[spec] = { error: String(error) }; }
}
console.log(JSON.stringify(out));`,
    ) as Record<string, string | { error: string }>;
    for (const [spec, file] of Object.entries({ ...universal, ...nodeOnly })) {
      const url = resolved[spec];
      assert.equal(typeof url, 'string', `${spec}: ${JSON.stringify(url)}`);
      const path = packaged(fileURLToPath(url as string));
      assert.equal(path, file, spec);
      assert.ok(files.has(path), `${spec} → ${path} is in the tarball`);
    }
  });

  it('a browser bundler (esbuild, browser conditions) resolves them, and refuses the server helper', async () => {
    const specs = Object.keys({ ...universal, ...nodeOnly });
    const resolved = new Map<string, { path?: string; errors: string[] }>();
    await esbuild.build({
      stdin: {
        contents: specs.map((spec) => `import ${JSON.stringify(spec)};`).join('\n'),
        resolveDir: project,
        loader: 'js',
      },
      bundle: true,
      write: false,
      platform: 'browser',
      format: 'esm',
      logLevel: 'silent',
      plugins: [
        {
          name: 'record-resolution',
          setup(build) {
            build.onResolve({ filter: /.*/ }, async (args) => {
              if (args.pluginData === 'inner') return undefined;
              const result = await build.resolve(args.path, {
                kind: args.kind,
                resolveDir: args.resolveDir,
                pluginData: 'inner',
              });
              resolved.set(args.path, {
                path: result.errors.length ? undefined : result.path,
                errors: result.errors.map((e) => e.text),
              });
              return { path: args.path, external: true };
            });
          },
        },
      ],
    });
    for (const [spec, file] of Object.entries(universal)) {
      const result = resolved.get(spec);
      assert.ok(result?.path, `${spec}: ${result?.errors.join('; ')}`);
      assert.equal(packaged(result.path), file, spec);
    }
    for (const spec of Object.keys(nodeOnly)) {
      assert.ok(resolved.get(spec)?.errors.length, `${spec} does not resolve for the browser`);
    }
  });

  it('TypeScript finds the types of every documented entry (bundler and node16 resolution)', () => {
    const containing = join(project, 'app.ts');
    writeFileSync(containing, '');
    const settings: ts.CompilerOptions[] = [
      { moduleResolution: ts.ModuleResolutionKind.Bundler, module: ts.ModuleKind.ESNext },
      { moduleResolution: ts.ModuleResolutionKind.Node16, module: ts.ModuleKind.Node16 },
    ];
    for (const options of settings) {
      for (const spec of typed) {
        const { resolvedModule } = ts.resolveModuleName(
          spec,
          containing,
          options,
          ts.sys,
          undefined,
          undefined,
          ts.ModuleKind.ESNext,
        );
        const js = { ...universal, ...nodeOnly }[spec]!;
        const label = `${spec} (${ts.ModuleResolutionKind[options.moduleResolution!]})`;
        assert.ok(resolvedModule, `${label} has types`);
        assert.equal(
          packaged(resolvedModule.resolvedFileName),
          js.replace(/\.js$/, '.d.ts'),
          label,
        );
      }
    }
  });

  it('the documented entries import under Node from the tarball', () => {
    const specs = Object.keys(universal).filter((spec) => !/\/(cdn\/|[\w.-]+\.json$)/.test(spec));
    const result = runInProject(
      'import.mjs',
      `for (const spec of ${JSON.stringify(specs)}) await import(spec);
console.log(JSON.stringify(${JSON.stringify(tags)}.filter((tag) => !customElements.get(tag))));`,
    );
    assert.deepEqual(result, [], 'every element is defined');
  });

  it('livekit-server-sdk is an optional peer: not installed for browser users, and /server says it is missing', () => {
    assert.ok(!('livekit-server-sdk' in (pkg.dependencies ?? {})), 'not in dependencies');
    assert.ok(pkg.peerDependencies?.['livekit-server-sdk'], 'a peer dependency');
    assert.equal(pkg.peerDependenciesMeta?.['livekit-server-sdk']?.optional, true, 'optional');
    assert.ok(pkg.devDependencies?.['livekit-server-sdk'], 'a dev dependency (for the tests)');

    const without = runInProject(
      'server-without-sdk.mjs',
      `try { await import('${NAME}/server'); console.log(JSON.stringify('imported')); }
catch (error) { console.log(JSON.stringify(String(error))); }`,
    );
    assert.match(String(without), /livekit-server-sdk/, 'the error names the missing package');

    symlinkSync(
      join(repo, 'node_modules', 'livekit-server-sdk'),
      join(project, 'node_modules', 'livekit-server-sdk'),
      'dir',
    );
    const withSdk = runInProject(
      'server-with-sdk.mjs',
      `const server = await import('${NAME}/server');
console.log(JSON.stringify(typeof server.createMediaRooms));`,
    );
    assert.equal(withSdk, 'function', 'with the SDK installed, /server works');
  });

  it('sideEffects lists exactly the packed modules that define elements, and the CDN bundles', () => {
    const patterns = pkg.sideEffects;
    assert.ok(Array.isArray(patterns), 'sideEffects is a list');
    const matchers = patterns.map((p) => ({ pattern: p, re: globToRegExp(p) }));
    for (const { pattern, re } of matchers) {
      assert.ok(!pattern.includes('src/'), `${pattern}: only shipped (dist) paths`);
      assert.ok(
        [...files].some((f) => re.test(f)),
        `${pattern} matches a file in the tarball`,
      );
    }
    const matched = (file: string): boolean => matchers.some(({ re }) => re.test(file));
    const defining = definingModules();
    assert.deepEqual(
      [...defining].sort(),
      tags.map((tag) => `dist/components/${tag}/${tag}.js`).sort(),
      'the modules that call define() are the element modules',
    );
    for (const file of defining) assert.ok(matched(file), `${file} (calls define) is listed`);
    for (const file of files) {
      if (!file.endsWith('.js') || file.startsWith('dist/cdn/') || !matched(file)) continue;
      assert.ok(
        defining.has(file) || file === 'dist/index.js',
        `${file} is listed but defines nothing`,
      );
    }
    for (const file of ['dist/cdn/index.js', 'dist/cdn/index.iife.js', 'dist/cdn/autoload.js']) {
      assert.ok(matched(file), `${file} is listed`);
    }
    for (const file of files) {
      if (file.startsWith('dist/cdn/') && file.endsWith('.js')) {
        assert.ok(matched(file), `${file} (CDN bundle) is listed`);
      }
    }
  });

  it('src/package.json marks the element sources alike, for the repo’s own bundles of src/', () => {
    // The CDN build, Storybook, the test fixtures and the benchmarks bundle src/ directly; without
    // this, a bundler drops an element imported only for its define() (the one `<media-room>`
    // renders, say).
    const own = JSON.parse(readFileSync(join(repo, 'src', 'package.json'), 'utf8')) as PackageJson;
    assert.ok(!files.has('src/package.json'), 'not published');
    const matchers = own.sideEffects.map(globToRegExp);
    for (const source of ['index.ts', ...tags.map((tag) => `components/${tag}/${tag}.ts`)]) {
      assert.ok(
        matchers.some((re) => re.test(source)),
        `src/${source} is listed in src/package.json`,
      );
    }
  });

  it('each React wrapper imports only the element module it wraps', () => {
    const defining = definingModules();
    for (const tag of tags) {
      const wrapper = `dist/react/${tag}.js`;
      assert.ok(files.has(wrapper), `${wrapper} is packed`);
      const imports = staticImports(readFileSync(join(pkgDir, wrapper), 'utf8'));
      assert.deepEqual(
        imports.filter((spec) => spec.startsWith('.')),
        [`../components/${tag}/${tag}.js`],
        `${wrapper} imports its element module and nothing else of the package`,
      );
      assert.deepEqual(
        imports.filter((spec) => !spec.startsWith('.')).sort(),
        ['@lit/react', 'react'],
        `${wrapper}'s other imports`,
      );
      const elementModule = `dist/components/${tag}/${tag}.js`;
      const viaWrapper = [...graph(wrapper)].filter((f) => defining.has(f)).sort();
      const viaElement = [...graph(elementModule)].filter((f) => defining.has(f)).sort();
      assert.deepEqual(viaWrapper, viaElement, `${wrapper} defines what <${tag}> does, no more`);
    }
    // The participant tile's wrapper, for instance, brings neither the room nor the grid.
    const tile = graph('dist/react/participant-tile.js');
    assert.ok(tile.has('dist/components/participant-tile/participant-tile.js'));
    assert.ok(!tile.has('dist/components/media-room/media-room.js'));
    assert.ok(!tile.has('dist/components/layout-grid/layout-grid.js'));

    const entry = graph('dist/react/index.js');
    assert.ok(!entry.has('dist/index.js'), 'the React entry does not import the main entry');
    for (const file of entry) {
      if (!file.startsWith('dist/react/')) continue;
      for (const spec of staticImports(readFileSync(join(pkgDir, file), 'utf8'))) {
        const target = posix.join(posix.dirname(file), spec);
        if (!spec.startsWith('.') || target.startsWith('dist/react/')) continue;
        assert.match(
          target,
          /^dist\/components\/([\w-]+)\/\1\.js$/,
          `${file} imports ${spec}: only element modules`,
        );
        assert.ok(tags.includes(target.split('/')[2]!), `${target} is a wrapped element`);
      }
    }
  });

  it('the Svelte, store, session and autoload entries define no element when imported', () => {
    const defining = definingModules();
    const entries = ['svelte/index', 'store/index', 'session/index', 'autoload'];
    for (const entry of entries.map((e) => `dist/${e}.js`)) {
      const reached = [...graph(entry)].filter((f) => defining.has(f));
      assert.deepEqual(reached, [], `${entry} imports no element module`);
    }
  });
});
