import { useT } from '../../hooks.ts';
import { RichText } from '../../text/rich-text.tsx';

const MODELS = ['blocking', 'nonblocking', 'multiplex', 'signal', 'aio'] as const;
/**
 * Where the thread is in each phase, per model, in the lab's one vocabulary: asleep inside the call
 * (off the CPU), inside the call and running (copying in kernel mode), or not inside a read call.
 * The glyph and the words say it too, not only colour.
 */
type State = 'asleep' | 'inside' | 'free';
const STATES: Record<(typeof MODELS)[number], [State, State]> = {
  blocking: ['asleep', 'inside'],
  nonblocking: ['free', 'inside'],
  multiplex: ['asleep', 'inside'],
  signal: ['free', 'inside'],
  aio: ['free', 'free'],
};
const GLYPH: Record<State, string> = { asleep: 'zz', inside: '▮', free: '▶' };

/** part="timeline": the two phases of one blocking read. part="models": who waits in which phase, per model. */
export default function TwoPhases({ part = 'timeline' }: { part?: string | number | boolean }) {
  const t = useT();
  if (part === 'models') {
    return (
      <figure className="fig fig-phases-models">
        <table className="fig-table">
          <caption className="visually-hidden">{t('fig.phases.label')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('fig.phases.model')}</th>
              <th scope="col">{t('fig.phases.col1')}</th>
              <th scope="col">{t('fig.phases.col2')}</th>
            </tr>
          </thead>
          <tbody>
            {MODELS.map((m) => (
              <tr key={m}>
                <th scope="row">{t(`fig.phases.${m}`)}</th>
                {STATES[m].map((st, p) => (
                  <td key={p} data-state={st}>
                    <span aria-hidden="true" className="fig-glyph">
                      {GLYPH[st]}
                    </span>{' '}
                    <RichText text={t(`fig.phases.${m}.${p + 1}`)} />
                    <span className="visually-hidden"> ({t(`fig.phases.${st}`)})</span>
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
        <p className="fig-legend">
          {(['asleep', 'inside', 'free'] as const).map((st, i) => (
            <span key={st}>
              {i > 0 ? ' · ' : null}
              <span aria-hidden="true">{GLYPH[st]}</span> {t(`fig.phases.${st}`)}
            </span>
          ))}
        </p>
      </figure>
    );
  }
  const X = (v: number) => 110 + v * 5;
  const plain = (key: string) => t(key).replace(/`/g, '');
  return (
    <figure className="fig fig-phases">
      <svg viewBox="0 0 640 190" role="img" aria-label={t('fig.phases.label')}>
        <text x={100} y={48} textAnchor="end" fontSize="13" fill="var(--ink)">
          {t('fig.phases.process')}
        </text>
        <text x={100} y={108} textAnchor="end" fontSize="13" fill="var(--ink)">
          {t('fig.phases.network')}
        </text>
        <rect
          x={X(0)}
          y={30}
          width={X(70) - X(0)}
          height={28}
          fill="color-mix(in srgb, var(--orange) 25%, var(--panel))"
          stroke="var(--orange)"
          strokeDasharray="5 3"
        />
        <text
          x={(X(0) + X(70)) / 2}
          y={49}
          textAnchor="middle"
          fontSize="13"
          fontWeight="700"
          fill="var(--ink)"
        >
          {t('fig.phases.p1')}
        </text>
        <rect
          x={X(70)}
          y={30}
          width={X(100) - X(70)}
          height={28}
          fill="color-mix(in srgb, var(--purple) 35%, var(--panel))"
          stroke="var(--purple)"
        />
        <text
          x={(X(70) + X(100)) / 2}
          y={49}
          textAnchor="middle"
          fontSize="13"
          fontWeight="700"
          fill="var(--ink)"
        >
          {t('fig.phases.p2.short')}
        </text>
        <line x1={X(0)} x2={X(100)} y1={104} y2={104} stroke="var(--line)" />
        <path d={`M${X(45)},104 L${X(70)},104`} stroke="var(--blue)" strokeWidth="4" />
        <circle cx={X(70)} cy={104} r={6} fill="var(--blue)" />
        <path d={`M${X(70)},98 L${X(72)},62`} stroke="var(--blue)" strokeWidth="2" />
        <line x1={X(0)} x2={X(0)} y1={24} y2={130} stroke="var(--muted)" strokeDasharray="2 3" />
        <line x1={X(70)} x2={X(70)} y1={110} y2={150} stroke="var(--muted)" strokeDasharray="2 3" />
        <line x1={X(100)} x2={X(100)} y1={24} y2={130} stroke="var(--muted)" strokeDasharray="2 3" />
        <text x={X(0)} y={146} fontSize="12.5" fill="var(--ink)">
          {plain('fig.phases.call')}
        </text>
        <text x={X(70)} y={166} textAnchor="middle" fontSize="12.5" fill="var(--ink)">
          {plain('fig.phases.arrive')}
        </text>
        <text x={X(100)} y={146} textAnchor="end" fontSize="12.5" fill="var(--ink)">
          {plain('fig.phases.return')}
        </text>
      </svg>
      <p className="fig-legend">
        <span className="fig-key fig-key-p1" /> {t('fig.phases.p1')}
        {'  '}
        <span className="fig-key fig-key-p2" /> {t('fig.phases.p2')}
      </p>
    </figure>
  );
}
