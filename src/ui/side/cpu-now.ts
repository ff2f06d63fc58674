/**
 * What each core does at this step ("CPU 0 idle", "CPU 0 runs MainThread (4000)"): the meters'
 * "now" line beside the CPU time since the start, which is cumulative (issue 20, item 10).
 */
import type { MachineView } from '../../kernel/view.ts';
import { threadName } from '../stage/describe.ts';

type T = (key: string, params?: Record<string, string | number>) => string;

export function cpuNow(view: Pick<MachineView, 'cores' | 'threads'>, t: T): string {
  const list = view.cores.map((tid, n) => {
    const th = tid === null ? undefined : view.threads[tid];
    return th
      ? t('panels.meters.cpu.coreRuns', { n, thread: threadName(th) })
      : t('panels.meters.cpu.coreIdle', { n });
  });
  return t('panels.meters.cpu.now', { list: list.join(t('stage.more.sep')) });
}
