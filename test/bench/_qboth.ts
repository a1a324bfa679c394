import { writeFileSync } from 'fs';
import { measure, LOADS, table } from './queueMode';
import type { ModeResults } from './queueMode';
import { startQueueStack } from '../e2e/support/queueStack';
import { startStack } from '../e2e/support/stack';
async function main() {
  const sandbox = { rateLimit: { calls: 25, windowMs: 5000 } };
  const modes: ModeResults[] = [];
  if (process.env.REGULAR) {
    const regular = await startStack('1', { label: 'dbg-regular', sandbox });
    try { modes.push({ mode: 'regular', results: await measure({ rest: regular.rest, sandbox: regular.sandbox, main: regular.n8n }, 'lsq-dbg-regular') }); } finally { await regular.stop(); }
  }
  const queue = await startQueueStack('1', { label: 'dbg-queue', sandbox, workers: 2 });
  try {
    for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
      const results = await measure({ rest: queue.rest, sandbox: queue.sandbox, main: queue.main, workers: queue.workers }, 'lsq-dbg-' + i);
      modes.push({ mode: 'queue (2 workers)', results });
      writeFileSync(`/tmp/qrecord-${i}.json`, JSON.stringify(results));
      console.table(table([{ mode: 'queue (2 workers)', results }]));
    }
  } finally { await queue.stop(); }
  console.table(table(modes));
}
void main();
