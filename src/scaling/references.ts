/**
 * Real measurements plotted beside the simulated curves, each with where it comes from. Only
 * figures that were measured and can be cited are here (docs/calibration.md lists them and the
 * ones left out, with the reason).
 */
import type { ScalingModel } from './sweep.ts';

export interface RefSource {
  /** Message key of the source's title and of what was measured (both languages). */
  titleKey: string;
  whatKey: string;
  year: number;
  /** Where to read more (a path in this repository or a URL). */
  where: string;
}

export interface RefPoint {
  model: ScalingModel;
  /** x: connections watched (idle + the one that speaks). */
  connections: number;
  /** The metric it sits on and its value in that metric's unit. */
  metric: 'cpuNs';
  value: number;
  source: RefSource;
}

/** bench/calibrate/block.c on this project's machine (docs/calibration.md, "Blocking calls"). */
export const THIS_MACHINE: RefSource = {
  titleKey: 'scaling.ref.machine.title',
  whatKey: 'scaling.ref.machine.what',
  year: 2026,
  where: 'bench/calibrate/results.json → series.*_blocking_roundtrip',
};

/**
 * One wake-up of a C server sleeping in select / poll / epoll_wait over N idle sockets plus one,
 * woken by a 1-byte send on the same core: the whole CPU work (send, wake-up, the scans, the
 * read, two context switches), median of 15 runs. results.json `series`.
 */
const ROUND_TRIPS: Record<'select' | 'poll' | 'epoll', [number, number][]> = {
  select: [
    [1, 14048.5],
    [11, 16471.03],
    [101, 40258.82],
    [1001, 317198.29],
  ],
  poll: [
    [1, 12709.14],
    [11, 15410.9],
    [101, 39092.12],
    [1001, 306157.71],
  ],
  epoll: [
    [1, 12606.21],
    [11, 12845.76],
    [101, 13028.77],
    [1001, 13609.74],
  ],
};

export const REFERENCE_POINTS: readonly RefPoint[] = (
  Object.entries(ROUND_TRIPS) as ['select' | 'poll' | 'epoll', [number, number][]][]
).flatMap(([model, pts]) =>
  pts.map(([connections, value]) => ({
    model,
    connections,
    metric: 'cpuNs' as const,
    value,
    source: THIS_MACHINE,
  })),
);

/** Published results quoted beside the charts (no point on the axes: they measured other things, on other machines). */
export interface Citation {
  key: string;
  source: string;
  year: number;
  where: string;
}
export const CITATIONS: readonly Citation[] = [
  {
    key: 'scaling.cite.ols',
    year: 2004,
    source:
      'L. Gammo, T. Brecht, A. Shukla, D. Pariag, "Comparing and Evaluating epoll, select, and poll Event Mechanisms", Proceedings of the Linux Symposium (OLS), vol. 1',
    where: 'https://www.kernel.org/doc/ols/2004/ols2004v1-pages-215-226.pdf',
  },
  {
    key: 'scaling.cite.selectman',
    year: 2024,
    source: 'select(2), Linux man-pages',
    where: 'https://man7.org/linux/man-pages/man2/select.2.html',
  },
];
