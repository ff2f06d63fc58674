import { describe, expect, it } from 'vitest';
import { CANCELLED, serveJobs, workerClient } from './worker-jobs.ts';

/** A worker and its page joined in memory: what one posts the other receives, in order. */
function pair(
  work: (
    job: number,
    progress: (f: number) => void,
    send: (part: string) => void,
  ) => number | Promise<number>,
  clock: () => number,
) {
  const scope = {
    onmessage: null as ((e: MessageEvent<{ id: number; job: number }>) => void) | null,
    postMessage: (m: unknown) => fake.onmessage?.({ data: m } as MessageEvent),
  };
  const fake = {
    terminated: 0,
    onmessage: null as ((e: MessageEvent) => void) | null,
    onerror: null as ((e: ErrorEvent) => void) | null,
    postMessage(m: { id: number; job: number }) {
      void Promise.resolve().then(() =>
        scope.onmessage?.({ data: m } as MessageEvent<{ id: number; job: number }>),
      );
    },
    terminate() {
      this.terminated++;
      scope.onmessage = null;
    },
  };
  let made = 0;
  const client = workerClient<number, number, string>(() => {
    made++;
    serveJobs(scope, work, clock);
    return fake as unknown as Worker;
  });
  return { client, fake, made: () => made };
}

describe('the simulation worker protocol', () => {
  it('answers a job with its result, and its progress at most every 100 ms of the worker clock', async () => {
    let now = 0;
    const { client } = pair(
      (job, progress) => {
        for (let i = 1; i <= 10; i++) {
          now += 30;
          progress(i / 10);
        }
        return job * 2;
      },
      () => now,
    );
    const seen: number[] = [];
    await expect(client.run(21, (f) => seen.push(f))).resolves.toBe(42);
    expect(seen).toEqual([0.4, 0.8]);
  });

  it('hands over the parts a job sends, in order, before its result', async () => {
    const { client } = pair(
      (job, _progress, send) => {
        for (let i = 0; i < 3; i++) send(`part ${i}`);
        return job + 1;
      },
      () => 0,
    );
    const parts: string[] = [];
    const result = await client.run(1, undefined, (p) => parts.push(p));
    expect(result).toBe(2);
    expect(parts).toEqual(['part 0', 'part 1', 'part 2']);
  });

  it('passes a failure on with its message', async () => {
    const { client } = pair(
      () => {
        throw new Error('too big');
      },
      () => 0,
    );
    await expect(client.run(1)).rejects.toThrow('too big');
  });

  it('cancels by terminating the worker, and the next job gets a fresh one', async () => {
    const { client, fake, made } = pair(
      (job) =>
        new Promise<number>(() => {
          void job;
        }),
      () => 0,
    );
    const first = client.run(1);
    client.cancel();
    await expect(first).rejects.toThrow(CANCELLED);
    expect(fake.terminated).toBe(1);
    void client.run(2).catch(() => undefined);
    expect(made()).toBe(2);
  });
});
