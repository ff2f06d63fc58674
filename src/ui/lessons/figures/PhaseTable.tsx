/** Lesson 17's table: for each model, where the thread is asleep in phase 1 (waiting), and whether it needs a read for phase 2 (copying) and who copies, measured from its run. */
import { useMemo } from 'react';
import { useT } from '../../hooks.ts';
import { phaseTable, type PhaseRow } from '../../../lessons/phases.ts';
import './figures.css';

function waitText(row: PhaseRow): string {
  return row.wait === 'no' ? `lesson.17.fig.wait.no.${row.learn}` : `lesson.17.fig.wait.${row.wait}`;
}

export default function PhaseTable() {
  const t = useT();
  const rows = useMemo(() => phaseTable(), []);
  const mark = (yes: boolean) => (
    <span className="lf-mark" aria-hidden="true">
      {yes ? '■' : '□'}
    </span>
  );
  return (
    <figure className="fig lf-scroll">
      <table className="lf-table" data-testid="phase-table">
        <caption>{t('lesson.17.fig.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lesson.17.fig.model')}</th>
            <th scope="col">{t('lesson.17.fig.phase1')}</th>
            <th scope="col">{t('lesson.17.fig.phase2')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id} data-model={row.id}>
              <th scope="row">{t(`lesson.17.model.${row.id}`)}</th>
              <td data-blocks={row.wait === 'no' ? 'no' : 'yes'}>
                {mark(row.wait !== 'no')}
                {t(waitText(row))}
              </td>
              <td data-blocks={row.copy === 'in-read' ? 'yes' : 'no'}>
                {mark(row.copy === 'in-read')}
                {t(`lesson.17.fig.copy.${row.copy}`)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
