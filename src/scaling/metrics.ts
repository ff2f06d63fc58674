/** The charts of the C10K lab: one per metric, with its unit and scale (pure data, used by the page and the CSV). */
import type { Point, PointMetrics } from './sweep.ts';

export type MetricKey = keyof PointMetrics;

export interface ChartDef {
  id: string;
  /** The series drawn on the chart (a second one is dashed, e.g. the stack reserved beside resident memory). */
  metrics: readonly MetricKey[];
  unit: 'ns' | 'count' | 'bytes' | 'us' | 'cores';
  scale: 'log' | 'linear';
}

export const CHARTS: readonly ChartDef[] = [
  { id: 'cpu', metrics: ['cpuNs'], unit: 'ns', scale: 'log' },
  { id: 'syscalls', metrics: ['syscalls'], unit: 'count', scale: 'log' },
  { id: 'scan', metrics: ['scanNs'], unit: 'ns', scale: 'log' },
  { id: 'ctx', metrics: ['contextSwitches'], unit: 'count', scale: 'linear' },
  { id: 'threads', metrics: ['threads'], unit: 'count', scale: 'log' },
  { id: 'memory', metrics: ['memoryBytes', 'stackReservedBytes'], unit: 'bytes', scale: 'log' },
  { id: 'latency', metrics: ['latencyP50Us', 'latencyP95Us'], unit: 'us', scale: 'log' },
];

/** Every metric in CSV column order. */
export const METRIC_KEYS: readonly MetricKey[] = [
  'cpuNs',
  'syscalls',
  'scanNs',
  'contextSwitches',
  'threads',
  'processes',
  'memoryBytes',
  'stackReservedBytes',
  'load',
  'latencyP50Us',
  'latencyP95Us',
];

const CSV_UNITS: Record<MetricKey, string> = {
  cpuNs: 'cpu_ns_per_message',
  syscalls: 'syscalls_per_message',
  scanNs: 'scan_ns_per_message',
  contextSwitches: 'context_switches_per_message',
  threads: 'threads',
  processes: 'processes',
  memoryBytes: 'resident_bytes',
  stackReservedBytes: 'stack_reserved_bytes',
  load: 'cores_needed',
  latencyP50Us: 'latency_p50_us',
  latencyP95Us: 'latency_p95_us',
};

function cell(v: string | number | undefined): string {
  if (v === undefined) return '';
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The sweep as CSV: one row per point; a model's stop is a row with its reason and no numbers. */
export function toCsv(points: readonly Point[], params: { idleShare: number; rate: number }): string {
  const head = [
    'model',
    'connections',
    'idle',
    'active',
    'idle_share',
    'rate_per_active_per_s',
    ...METRIC_KEYS.map((k) => CSV_UNITS[k]),
    'messages_served',
    'stop',
    'stop_detail',
  ];
  const rows = points.map((p) =>
    [
      p.model,
      p.connections,
      p.idle,
      p.active,
      params.idleShare,
      params.rate,
      ...METRIC_KEYS.map((k) => (p.ok ? p.metrics[k] : undefined)),
      p.ok ? p.served : undefined,
      p.ok ? undefined : p.stop.kind,
      p.ok
        ? undefined
        : (p.stop.python ?? (p.stop.accepted !== undefined ? `accepted ${p.stop.accepted}` : undefined)),
    ]
      .map(cell)
      .join(','),
  );
  return `${head.join(',')}\n${rows.join('\n')}\n`;
}
