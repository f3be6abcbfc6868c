/**
 * `npm run bench`: runs the benchmarks and writes bench/RESULTS.md and bench/results.json with
 * this machine's details. `--smoke` (part of `npm test`) runs them at the smallest size and writes
 * nothing: it proves they still run.
 */
import { cpus, totalmem, platform, release, arch } from 'node:os';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sizes, type SizeRow } from './size.js';

const smoke = process.argv.includes('--smoke');
const kB = (n: number) => (n / 1000).toFixed(1);

const machine = {
  date: new Date().toISOString(),
  node: process.version,
  os: `${platform()} ${release()} ${arch()}`,
  cpus: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown'}`,
  memory: `${(totalmem() / 2 ** 30).toFixed(1)} GiB`,
};

const started = Date.now();
const sizeRows: SizeRow[] = await sizes(smoke);
for (const row of sizeRows) {
  if (!(row.min > 0 && row.gzip > 0 && row.gzip < row.min)) {
    throw new Error(`size of "${row.name}" is not plausible: ${row.min} / ${row.gzip}`);
  }
}

if (smoke) {
  console.log(`bench smoke: ${sizeRows.length} size rows in ${Date.now() - started} ms`);
} else {
  const table = [
    '| Bundle | min (kB) | gzip (kB) | on demand, gzip (kB) |',
    '|---|---:|---:|---:|',
    ...sizeRows.map(
      (r) => `| ${r.name} | ${kB(r.min)} | ${kB(r.gzip)} | ${r.lazyGzip ? kB(r.lazyGzip) : '–'} |`,
    ),
  ].join('\n');
  const md = [
    '# Benchmark results',
    '',
    `Run ${machine.date} on ${machine.os}, ${machine.cpus}, ${machine.memory}, Node ${machine.node}.`,
    'Reproduce with `npm run bench`.',
    '',
    '## Size',
    '',
    'Every row is built by the same settings (Vite/rolldown, ES2022, one minified ES file,',
    'production defines); gzip at level 9.',
    '',
    table,
    '',
  ].join('\n');
  const dir = import.meta.dirname;
  writeFileSync(join(dir, 'RESULTS.md'), md);
  writeFileSync(
    join(dir, 'results.json'),
    `${JSON.stringify({ machine, sizes: sizeRows }, null, 2)}\n`,
  );
  console.log(md);
}
