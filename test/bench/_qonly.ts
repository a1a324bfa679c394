import { writeFileSync } from 'fs';
import { measure, LOADS } from '../bench/queueMode';
import { startQueueStack } from '../e2e/support/queueStack';
async function main() {
  const queue = await startQueueStack('1', { label: 'dbg-queue', sandbox: { rateLimit: { calls: 25, windowMs: 5000 } }, workers: 2 });
  try {
    const loads = { '6 × 75': LOADS['6 × 75'] };
    for (let i = 0; i < Number(process.env.RUNS ?? 1); i++) {
      const r = await measure({ rest: queue.rest, sandbox: queue.sandbox, main: queue.main, workers: queue.workers }, 'lsq-dbg-' + i, loads);
      const res = r['6 × 75'];
      console.log(JSON.stringify({ calls: res.calls, r429: res.rateLimited, ratio: res.wallMs / res.floorMs, execs: res.executions.map((e) => [e.id, e.worker, Math.round(e.ms / 100) / 10]) }));
      writeFileSync(`/tmp/qrecord-${i}.json`, JSON.stringify(res));
    }
  } finally { await queue.stop(); }
}
void main();
