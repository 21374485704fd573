import { expect, it } from 'vitest';
import { Semaphore } from '../crawlers/semaphore.js';
import { HostGate } from '../pipeline/host-gate.js';

it('never lets more than the limit hold it, and serves waiters in order', async () => {
  const sem = new Semaphore(2);
  let holding = 0;
  let peak = 0;
  const order: number[] = [];
  await Promise.all(
    Array.from({ length: 20 }, (_, i) =>
      sem.use(async () => {
        holding++;
        peak = Math.max(peak, holding);
        order.push(i);
        await new Promise((r) => setTimeout(r, 1 + (i % 3)));
        holding--;
      }),
    ),
  );
  expect(peak).toBe(2);
  expect(order).toEqual([...order].sort((a, b) => a - b));
});

it('HostGate: one request at a time per host, the delay between them, other hosts in parallel', async () => {
  const gate = new HostGate(50, 8);
  const starts: { a: number[]; b: number[] } = { a: [], b: [] };
  const t0 = Date.now();
  const job = (host: 'a' | 'b') => gate.run(`http://${host}.example/x`, async () => {
    starts[host].push(Date.now() - t0);
    await new Promise((r) => setTimeout(r, 10));
  });
  await Promise.all([job('a'), job('a'), job('a'), job('b'), job('b')]);
  for (const host of ['a', 'b'] as const) {
    const s = starts[host];
    for (let i = 1; i < s.length; i++) expect(s[i]! - s[i - 1]!).toBeGreaterThanOrEqual(55);
  }
  expect(Math.abs(starts.a[0]! - starts.b[0]!)).toBeLessThan(30);
  gate.pause('http://a.example/y', 200);
  const before = Date.now();
  await gate.run('http://a.example/z', async () => undefined);
  expect(Date.now() - before).toBeGreaterThanOrEqual(150);
});
