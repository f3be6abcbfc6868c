// Fails when custom-elements.json is not what the analyzer makes of the code now.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const out = mkdtempSync(join(tmpdir(), 'cem-'));
try {
  execFileSync('npx', ['cem', 'analyze', '--outdir', out], {
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const fresh = readFileSync(join(out, 'custom-elements.json'), 'utf8');
  const committed = readFileSync('custom-elements.json', 'utf8');
  if (JSON.stringify(JSON.parse(fresh)) !== JSON.stringify(JSON.parse(committed))) {
    console.error('custom-elements.json is out of date: run `npm run analyze` and commit it.');
    process.exit(1);
  }
  console.log('custom-elements.json matches the code.');
} finally {
  rmSync(out, { recursive: true, force: true });
}
