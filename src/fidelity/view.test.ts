import { describe, expect, it } from 'vitest';
import { Kernel } from '../kernel/kernel.ts';
import { applyEvent, emptyView } from '../kernel/view.ts';
import { indexTrace } from '../kernel/trace-index.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { machineConfig, SERVER_PORT } from '../scenarios/run.ts';
import { resolveOptions } from '../scenarios/format.ts';
import { serverModel } from '../programs/index.ts';

function runKernel(id: string) {
  const s = SCENARIOS.find((x) => x.id === id)!;
  const o = resolveOptions(s);
  const kernel = new Kernel(machineConfig(s, o));
  kernel.spawn('python3', serverModel(s.model, o).program({ options: o, port: SERVER_PORT }));
  const result = kernel.run();
  return { kernel, result, cores: o.cores };
}

describe('the machine rebuilt from the trace', () => {
  for (const s of SCENARIOS) {
    it(`${s.id}: agrees with the kernel's own state at the end`, () => {
      const { kernel, result, cores } = runKernel(s.id);
      const ix = indexTrace(result.trace, cores);
      const v = ix.viewAt(ix.steps - 1);
      for (const [tid, t] of kernel.threads) {
        expect(v.threads[tid]?.state, `thread ${tid}`).toBe(t.state);
      }
      for (const [pid, p] of kernel.procs) {
        const kernelFds = p.fds.flatMap((f, fd) => (f === undefined ? [] : [fd]));
        expect(Object.keys(v.procs[pid]!.fds).map(Number), `pid ${pid} fds`).toEqual(kernelFds);
      }
      for (const [id, sock] of kernel.socks) {
        const sv = v.socks[id];
        if (!sv) continue; // never given an fd (e.g. a connection still in the handshake)
        expect(sv.rx, `sock ${id} rx`).toBe(sock.rx);
        expect(sv.acceptQueue, `sock ${id} accept queue`).toEqual(sock.acceptQueue);
      }
      for (const [id, ep] of kernel.epolls) expect(v.epolls[id]!.ready, `epoll ${id}`).toEqual(ep.ready);
      expect(v.meters.replies).toBe(result.replies.length);
      // The CPU meters add up to what the kernel charged (Python, kernel, switches, unwinding).
      expect(v.meters.userNs, 'user ns').toBe(kernel.userNs);
      expect(v.meters.systemNs, 'system ns').toBe(kernel.systemNs);
      const alive = [...kernel.procs.values()].some((p) => !p.exited);
      if (alive) expect(v.meters.memoryBytes).toBeGreaterThan(0);
      else expect(v.meters.memoryBytes).toBe(0);
    });
  }

  it('seeks to any step from a checkpoint exactly as a replay from the start would', () => {
    const { result } = runKernel('nonblocking');
    const ix = indexTrace(result.trace, 1);
    for (const k of [0, 1, 255, 256, 257, 600, ix.steps - 1, 3, 512]) {
      if (k >= ix.steps) continue;
      const replay = emptyView(1);
      const stop = k + 1 < ix.steps ? ix.stepStart[k + 1]! : result.trace.length;
      for (let i = 0; i < stop; i++) applyEvent(replay, result.trace[i]!);
      expect(JSON.stringify(ix.viewAt(k)), `step ${k}`).toBe(JSON.stringify(replay));
    }
  });

  it('maps every event to the step that contains it', () => {
    const { result } = runKernel('select');
    const ix = indexTrace(result.trace, 1);
    for (let k = 0; k < ix.steps; k++) expect(ix.stepOfEvent(ix.stepStart[k]!)).toBe(k);
  });
});
