// Fails when custom-elements.json is not what the analyzer makes of the code now.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';

// The analyzer resolves --outdir against the project, so the scratch dir lives inside it.
const out = '.cache/manifest-check';
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = readFileSync(`${out}/custom-elements.json`, 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json matches the code.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
