import { useState } from 'react';
import { useT } from '../../hooks.ts';
import { RichText } from '../../text/rich-text.tsx';

type Kind = 'run' | 'sleep';
interface Seg {
  lane: 0 | 1;
  from: number;
  to: number;
  kind: Kind;
}
interface Quadrant {
  id: 'sb' | 'sn' | 'ab' | 'an';
  code: string[];
  other: 'worker' | 'kernel';
  segs: Seg[];
  call: number;
  result: number;
  ticks?: number[];
}

/** Four short timelines on a 0–100 scale: the caller (lane 0) and whoever does the job (lane 1). */
const QUADRANTS: Quadrant[] = [
  {
    id: 'sb',
    other: 'worker',
    call: 15,
    result: 70,
    code: [
      'r = pool.apply(f)',
      'r = executor.submit(f).result()',
      'data = conn.recv(1024)  # blocking socket',
    ],
    segs: [
      { lane: 0, from: 0, to: 15, kind: 'run' },
      { lane: 0, from: 15, to: 70, kind: 'sleep' },
      { lane: 0, from: 70, to: 100, kind: 'run' },
      { lane: 1, from: 17, to: 68, kind: 'run' },
    ],
  },
  {
    id: 'sn',
    other: 'kernel',
    call: 15,
    result: 70,
    code: [
      'conn.setblocking(False)',
      'while True:',
      '    try: data = conn.recv(1024); break',
      '    except BlockingIOError: pass',
    ],
    segs: [{ lane: 0, from: 0, to: 100, kind: 'run' }],
    ticks: [15, 22, 29, 36, 43, 50, 57, 64, 70],
  },
  {
    id: 'ab',
    other: 'worker',
    call: 15,
    result: 70,
    code: ['fut = executor.submit(f)', 'do_other_work()', 'r = fut.result()'],
    segs: [
      { lane: 0, from: 0, to: 45, kind: 'run' },
      { lane: 0, from: 45, to: 70, kind: 'sleep' },
      { lane: 0, from: 70, to: 100, kind: 'run' },
      { lane: 1, from: 17, to: 68, kind: 'run' },
    ],
  },
  {
    id: 'an',
    other: 'worker',
    call: 15,
    result: 70,
    code: [
      'pool.apply_async(f, callback=done)',
      'executor.submit(f).add_done_callback(done)',
      'do_other_work()  # never waits',
    ],
    segs: [
      { lane: 0, from: 0, to: 100, kind: 'run' },
      { lane: 1, from: 17, to: 68, kind: 'run' },
    ],
  },
];

function Timeline({ q }: { q: Quadrant }) {
  const t = useT();
  const x0 = 90;
  const span = 520;
  const X = (v: number) => x0 + (v / 100) * span;
  const laneY = [22, 66];
  const lanes = [t('fig.grid.caller'), t(`fig.grid.${q.other}`)];
  return (
    <svg viewBox="0 0 630 110" role="img" aria-label={t(`fig.grid.${q.id}.name`)}>
      <defs>
        <pattern
          id={`fig-hatch-${q.id}`}
          width="6"
          height="6"
          patternUnits="userSpaceOnUse"
          patternTransform="rotate(45)"
        >
          <rect width="6" height="6" fill="var(--panel)" />
          <line x1="0" y1="0" x2="0" y2="6" stroke="var(--blocked)" strokeWidth="3" />
        </pattern>
      </defs>
      {lanes.map((name, i) => (
        <g key={name}>
          <text x={x0 - 8} y={laneY[i]! + 5} textAnchor="end" fontSize="13" fill="var(--ink)">
            {name}
          </text>
          <line x1={X(0)} x2={X(100)} y1={laneY[i]} y2={laneY[i]} stroke="var(--line)" />
        </g>
      ))}
      {q.segs.map((s, i) => (
        <rect
          key={i}
          x={X(s.from)}
          y={laneY[s.lane]! - 9}
          width={X(s.to) - X(s.from)}
          height={18}
          fill={s.kind === 'run' ? 'var(--running)' : `url(#fig-hatch-${q.id})`}
          stroke={s.kind === 'sleep' ? 'var(--blocked)' : 'none'}
          strokeDasharray={s.kind === 'sleep' ? '4 3' : undefined}
        />
      ))}
      {(q.ticks ?? []).map((v) => (
        <line
          key={v}
          x1={X(v)}
          x2={X(v)}
          y1={laneY[0]! - 14}
          y2={laneY[0]! + 14}
          stroke="var(--ink)"
          strokeWidth="2"
        />
      ))}
      <path
        d={`M${X(q.call)},${laneY[0]! + 10} L${X(q.call) + (q.other === 'worker' ? 4 : 0)},${laneY[1]! - 10}`}
        stroke="var(--ink)"
        strokeWidth="1.5"
        markerEnd="url(#fig-grid-arrow)"
      />
      <circle cx={X(q.result)} cy={laneY[0]} r={7} fill="var(--blue)" stroke="var(--panel)" strokeWidth="2" />
      <defs>
        <marker
          id="fig-grid-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto"
        >
          <path d="M0,0 L10,5 L0,10 z" fill="var(--ink)" />
        </marker>
      </defs>
      <text x={X(100)} y={104} textAnchor="end" fontSize="11" fill="var(--muted)">
        {t('fig.phases.time')} →
      </text>
    </svg>
  );
}

/** The 2×2: sync/async (rows) by blocking/non-blocking (columns); click a square for its timeline and Python. */
export default function SyncAsyncGrid() {
  const t = useT();
  const [sel, setSel] = useState<Quadrant['id']>('sb');
  const q = QUADRANTS.find((x) => x.id === sel)!;
  const cell = (id: Quadrant['id']) => (
    <button
      type="button"
      className="fig-grid-cell"
      aria-pressed={sel === id}
      onClick={() => setSel(id)}
      data-quadrant={id}
    >
      {t(`fig.grid.${id}.name`)}
    </button>
  );
  return (
    <figure className="fig fig-grid" aria-label={t('fig.grid.label')}>
      <div className="fig-grid-table" role="group" aria-label={t('fig.grid.label')}>
        <span />
        <span className="fig-grid-head">
          {t('fig.grid.blocking')}
          <small>{t('fig.grid.sleeps')}</small>
        </span>
        <span className="fig-grid-head">
          {t('fig.grid.nonblocking')}
          <small>{t('fig.grid.never')}</small>
        </span>
        <span className="fig-grid-head fig-grid-row">
          {t('fig.grid.sync')}
          <small>{t('fig.grid.waits')}</small>
        </span>
        {cell('sb')}
        {cell('sn')}
        <span className="fig-grid-head fig-grid-row">
          {t('fig.grid.async')}
          <small>{t('fig.grid.goes')}</small>
        </span>
        {cell('ab')}
        {cell('an')}
      </div>
      <div className="fig-grid-detail" aria-live="polite">
        <h4>{t(`fig.grid.${q.id}.name`)}</h4>
        <pre className="fig-code">
          <code>{q.code.join('\n')}</code>
        </pre>
        <Timeline q={q} />
        <p className="fig-legend">
          <span className="fig-key fig-key-run" /> {t('fig.grid.legend.run')}
          {'  '}
          <span className="fig-key fig-key-sleep" /> {t('fig.grid.legend.sleep')}
          {'  '}
          <span className="fig-key fig-key-result" /> {t('fig.grid.legend.result')}
        </p>
        <p>
          <RichText text={t(`fig.grid.${q.id}.text`)} />
        </p>
      </div>
    </figure>
  );
}
