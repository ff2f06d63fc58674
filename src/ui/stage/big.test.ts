/**
 * A machine with more sockets, fds and clients than the stage draws: the scene keeps the ones
 * that matter (what the server is working on) and counts the rest, and the counts add up.
 */
import { describe, expect, it } from 'vitest';
import { getRun } from '../../runs/runs.ts';
import type { Scenario } from '../../scenarios/format.ts';
import { LIMITS, sceneOfStep } from './scene.ts';

function crowd(n: number): Scenario {
  const clients = Array.from({ length: n }, (_, i) => {
    const at = i * 0.05;
    return {
      name: `c${i}`,
      actions: [
        { at, do: 'connect' as const },
        { at: at + 60, do: 'send' as const, data: `m-${i}` },
      ],
    };
  });
  return {
    format: 'iolab/scenario@1',
    id: 'crowd',
    title: { en: 'Crowd', zh: '人群' },
    seed: 1,
    model: 'epoll',
    options: { backlog: 512 },
    clients,
    untilMs: 300,
  };
}

describe('a machine larger than the picture', () => {
  const s = crowd(80);
  const { index } = getRun(s, s.seed);
  const steps = Array.from({ length: 40 }, (_, i) => Math.floor(((i + 1) * (index.steps - 1)) / 40));

  it('draws at most the limits and counts the rest, by state', () => {
    let sawHidden = false;
    for (const k of steps) {
      const scene = sceneOfStep(index, k, s.model);
      const view = index.viewAt(k);
      expect(scene.sockets.length).toBeLessThanOrEqual(LIMITS.sockets);
      const c = scene.hiddenSocketCounts;
      expect(c.idle + c.data + c.closing).toBe(scene.hiddenSockets);
      expect(scene.clients.length).toBeLessThanOrEqual(LIMITS.clients);
      expect(scene.hiddenClientStates.reduce((n, [, m]) => n + m, 0)).toBe(scene.hiddenClients);
      for (const p of scene.procs) {
        expect(p.fds.length).toBeLessThanOrEqual(LIMITS.fdsPerProc);
        expect(p.fds.length + p.hiddenFds).toBe(Object.keys(view.procs[p.pid]!.fds).length);
        if (p.hiddenFds > 0) sawHidden = true;
      }
    }
    expect(sawHidden).toBe(true);
  });

  it('keeps the socket, fd and client the server is reading from', () => {
    let checked = 0;
    for (let k = 1; k < index.steps; k++) {
      const end = index.stepStart[k + 1] ?? index.trace.length;
      const ev = index.trace.slice(index.stepStart[k]!, end).find((e) => e.type === 'sock.take');
      if (ev?.type !== 'sock.take') continue;
      const scene = sceneOfStep(index, k, s.model);
      const sock = scene.sockets.find((x) => x.id === ev.sock);
      expect(sock, `step ${k}`).toBeDefined();
      const ref = sock!.refs[0]!;
      expect(scene.procs.find((p) => p.pid === ref.pid)!.fds.map((f) => f.fd)).toContain(ref.fd);
      if (sock!.client) expect(scene.clients.map((c) => c.name)).toContain(sock!.client);
      if (++checked >= 10) break;
    }
    expect(checked).toBeGreaterThan(0);
  });
});
