/**
 * cx-metrics inside an app: a tiny HTTP service that receives survey answers, keeps a
 * running tally per week (plain JSON, so it could live in Redis or a database row), and
 * serves the NPS with its interval and the change against the week before. Bad payloads get
 * a 400 naming each bad answer. The script starts the service on a free port, sends it a few
 * requests and stops.
 *
 *   npx tsx examples/app-developer.ts
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CxValidationError, NPS_SCALE, compareNps, createTally, nps, round, tally, type TallyAccumulator } from '../src/index.js';

const weeks = new Map<string, TallyAccumulator>();
const weekOf = (name: string) => weeks.get(name) ?? weeks.set(name, createTally(NPS_SCALE)).get(name)!;

async function body(request: AsyncIterable<Buffer>): Promise<unknown> {
  let text = '';
  for await (const chunk of request) text += chunk.toString('utf8');
  return JSON.parse(text);
}

const server = createServer(async (request, response) => {
  const url = new URL(request.url ?? '/', 'http://localhost');
  const send = (status: number, payload: unknown) => {
    response.writeHead(status, { 'content-type': 'application/json' });
    response.end(JSON.stringify(payload));
  };
  try {
    const week = url.searchParams.get('week') ?? 'this';
    if (request.method === 'POST' && url.pathname === '/answers') {
      const { answers } = (await body(request)) as { answers: unknown };
      // The batch is tallied on its own (errors then name its own indices; a bad batch
      // adds nothing) and merged into the week.
      weekOf(week).merge(tally(answers as number[], { scale: NPS_SCALE }));
      return send(204, null);
    }
    if (request.method === 'GET' && url.pathname === '/nps') {
      const current = nps(weekOf(week).result());
      const change = compareNps(weekOf(week).result(), weekOf('last').result());
      return send(200, {
        week,
        score: current.score === null ? null : round(current.score, 1),
        interval: current.interval && [round(current.interval.lower, 1), round(current.interval.upper, 1)],
        n: current.n,
        changeVsLastWeek: change.difference === null ? null : { points: round(change.difference, 1), significant: change.significant },
      });
    }
    return send(404, { error: 'not found' });
  } catch (error) {
    if (error instanceof CxValidationError) return send(400, { error: 'invalid answers', issues: error.issues.map(({ path, message }) => ({ path, message })) });
    return send(400, { error: (error as Error).message });
  }
});

await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const post = (week: string, answers: unknown[]) => fetch(`${base}/answers?week=${week}`, { method: 'POST', body: JSON.stringify({ answers }) });

await post('last', [10, 9, 8, 6, 3, 7, 9, 2, 5, 8]); // last week: 3 promoters, 4 detractors of 10
await post('this', [10, 10, 9, 9, 8, 7, 6, 10, 9, 3]); // this week: 6 promoters, 2 detractors of 10
const rejected = await post('this', [10, 11, 'nine']);
console.log(`POST [10, 11, "nine"] → ${rejected.status} ${await rejected.text()}`);
const answer = await fetch(`${base}/nps?week=this`);
console.log(`GET /nps → ${answer.status} ${await answer.text()}`);
server.close();
