/**
 * Tallies built in parallel and merged: 4 M answers split into chunks, each tallied by a
 * worker thread, the tallies (small plain objects) sent back and merged — the result equals
 * one pass over all the answers, rejected indices included.
 *
 *   npx tsx examples/worker-tallies.ts [ANSWERS] [WORKERS]
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { NPS_SCALE, mergeTallies, nps, tally, type Tally } from '../src/index.js';

/**
 * The worker runs this same file. Compiled to JavaScript, `new Worker(new URL(import.meta.url))`
 * would do; under tsx on Node 20 a worker does not inherit the TypeScript loader (and
 * `execArgv: ['--import', 'tsx']` is ignored there, nodejs/node#47747), so it registers it first.
 */
const WORKER_BOOTSTRAP = `(async () => {
  const { register } = await import('tsx/esm/api');
  register();
  await import(${JSON.stringify(import.meta.url)});
})();`;

if (!isMainThread) {
  // A worker: tally its chunk and post the tally back (structured clone of plain data).
  const { answers } = workerData as { answers: Uint8Array };
  parentPort!.postMessage(tally(answers, { scale: NPS_SCALE, notApplicable: [255], invalid: 'skip' }));
} else {
  const total = Number(process.argv[2] ?? 4_000_000);
  const workers = Number(process.argv[3] ?? 4);
  // Deterministic answers 0–10, every 1000th "255" (not applicable), every 99 991st an invalid 11.
  const answers = new Uint8Array(total);
  for (let i = 0; i < total; i++) answers[i] = i % 99_991 === 99_990 ? 11 : i % 1000 === 999 ? 255 : (i * 7919) % 11;

  const size = Math.ceil(total / workers);
  const chunks = Array.from({ length: workers }, (_, w) => answers.slice(w * size, (w + 1) * size));
  const tallies = await Promise.all(
    chunks.map(
      (chunk) =>
        new Promise<Tally>((resolve, reject) => {
          const worker = new Worker(WORKER_BOOTSTRAP, { eval: true, workerData: { answers: chunk }, transferList: [chunk.buffer] });
          worker.once('message', resolve);
          worker.once('error', reject);
        }),
    ),
  );
  // Merging in chunk order shifts each chunk's rejected indices by the answers before it.
  const merged = mergeTallies(tallies[0]!, ...tallies.slice(1));
  const single = tally(answers, { scale: NPS_SCALE, notApplicable: [255], invalid: 'skip' });
  const same = JSON.stringify(merged) === JSON.stringify(single);
  console.log(`${total} answers in ${workers} workers: n = ${merged.n}, missing = ${merged.missing}, invalid = ${merged.invalid}`);
  console.log(`first rejected indices: ${merged.rejected.slice(0, 3).map((rejection) => rejection.index).join(', ')}`);
  console.log(`NPS ${nps(merged).score?.toFixed(4)}; merged tallies ${same ? 'equal' : 'DIFFER FROM'} the single pass`);
  process.exitCode = same ? 0 : 1;
}
