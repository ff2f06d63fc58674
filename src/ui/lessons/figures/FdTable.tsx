import { useT } from '../../hooks.ts';
import { RichText } from '../../text/rich-text.tsx';

const ROWS: { fd: number; object: string; kind: 'stdio' | 'listen' | 'conn' }[] = [
  { fd: 0, object: 'fig.fd.terminal', kind: 'stdio' },
  { fd: 1, object: 'fig.fd.terminal', kind: 'stdio' },
  { fd: 2, object: 'fig.fd.terminal', kind: 'stdio' },
  { fd: 3, object: 'fig.fd.listen', kind: 'listen' },
  { fd: 4, object: 'fig.fd.conn', kind: 'conn' },
];

/** The per-process table: an fd is an index, each entry points to a kernel object. */
export default function FdTable() {
  const t = useT();
  const rowH = 34;
  const top = 34;
  const W = 690;
  return (
    <figure className="fig fig-fd">
      <svg viewBox={`0 0 ${W} ${top + ROWS.length * rowH + 10}`} role="img" aria-label={t('fig.fd.label')}>
        <text x={10} y={20} fontWeight="700" fontSize="13" fill="var(--muted)">
          {t('fig.fd.table')}
        </text>
        <text x={400} y={20} fontWeight="700" fontSize="13" fill="var(--muted)">
          {t('fig.fd.objects')}
        </text>
        {ROWS.map((r, i) => {
          const y = top + i * rowH;
          const objY = r.kind === 'stdio' ? top + rowH : y;
          return (
            <g key={r.fd}>
              <rect x={10} y={y} width={40} height={rowH - 4} fill="var(--panel)" stroke="var(--ink)" />
              <text
                x={30}
                y={y + rowH / 2 + 2}
                textAnchor="middle"
                fontFamily="var(--font-code)"
                fontWeight="700"
                fill="var(--ink)"
              >
                {r.fd}
              </text>
              <rect
                x={50}
                y={y}
                width={230}
                height={rowH - 4}
                fill="var(--kernel-space)"
                stroke="var(--ink)"
              />
              <text x={58} y={y + rowH / 2 + 2} fontSize="13" fill="var(--ink)">
                {t(`fig.fd.${r.fd}`)}
              </text>
              <line
                x1={280}
                y1={y + rowH / 2 - 2}
                x2={396}
                y2={objY + rowH / 2 - 2}
                stroke="var(--muted)"
                strokeWidth="1.5"
              />
              {r.kind !== 'stdio' || r.fd === 1 ? (
                <>
                  <rect
                    x={396}
                    y={objY}
                    width={288}
                    height={rowH - 4}
                    rx={6}
                    fill="var(--panel)"
                    stroke={r.kind === 'conn' ? 'var(--blue)' : 'var(--ink)'}
                    strokeWidth={r.kind === 'conn' ? 2 : 1}
                  />
                  <text x={404} y={objY + rowH / 2 + 2} fontSize="12.5" fill="var(--ink)">
                    {t(r.object)}
                  </text>
                </>
              ) : null}
            </g>
          );
        })}
      </svg>
      <figcaption className="fig-caption">
        <RichText text={t('fig.fd.caption')} />
      </figcaption>
    </figure>
  );
}
