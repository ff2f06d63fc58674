/** Lesson 13's contrast: who does each phase of a read with epoll + non-blocking sockets, and with io_uring. */
import { useT } from '../../hooks.ts';
import './figures.css';

const ROWS = [
  { id: 'mux', blocks: ['yes', 'yes'] },
  { id: 'aio', blocks: ['no', 'no'] },
] as const;

export default function AsyncContrast() {
  const t = useT();
  return (
    <figure className="fig lf-scroll">
      <table className="lf-table" data-testid="async-contrast">
        <caption>{t('lesson.13.fig.title')}</caption>
        <thead>
          <tr>
            <td />
            <th scope="col">{t('lesson.13.fig.phase1')}</th>
            <th scope="col">{t('lesson.13.fig.phase2')}</th>
            <th scope="col">{t('lesson.13.fig.tells')}</th>
          </tr>
        </thead>
        <tbody>
          {ROWS.map((row) => (
            <tr key={row.id}>
              <th scope="row">{t(`lesson.13.fig.${row.id}`)}</th>
              <td data-blocks={row.blocks[0]}>{t(`lesson.13.fig.${row.id}.p1`)}</td>
              <td data-blocks={row.blocks[1]}>{t(`lesson.13.fig.${row.id}.p2`)}</td>
              <td>{t(`lesson.13.fig.${row.id}.tells`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
