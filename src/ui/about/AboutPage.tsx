import { useT } from '../hooks.ts';
import { STRACE_RECORDINGS } from './facts.ts';
import { KERNEL_MAP } from './linux-map.ts';
import './about.css';

const SECTIONS = [
  {
    id: 'faithful',
    intro: true,
    items: ['syscalls', 'accept', 'backlog', 'tcp', 'select', 'epoll', 'signals', 'asyncio', 'errors', 'fds'],
  },
  { id: 'checked', intro: false, items: ['strace', 'kernel', 'properties', 'costs', 'view'] },
  {
    id: 'simplified',
    intro: true,
    items: [
      'costs',
      'scheduling',
      'gil',
      'tcp',
      'clients',
      'wakeups',
      'irq',
      'futex',
      'memory',
      'uring',
      'console',
    ],
  },
  { id: 'linux', intro: true, items: [] },
  { id: 'article', intro: true, items: ['five', 'signal', 'chat', 'nonblocking'] },
  { id: 'sources', intro: false, items: ['article', 'stevens', 'man', 'python', 'c10k', 'repo'] },
] as const;

/** About the simulation: what it models faithfully, what it simplifies, how it was checked. */
export default function AboutPage() {
  const t = useT();
  return (
    <article className="page page-about">
      <h2>{t('about.title')}</h2>
      <p>{t('about.intro')}</p>
      <p>{t('about.intro2')}</p>
      <nav aria-label={t('about.toc')} className="ab-toc">
        <ul>
          {SECTIONS.map((s) => (
            <li key={s.id}>
              {/* The hash holds the route, so in-page jumps are buttons, not #fragment links. */}
              <button
                type="button"
                className="ab-jump"
                onClick={() => document.getElementById(`about-${s.id}`)?.scrollIntoView()}
              >
                {t(`about.${s.id}.title`)}
              </button>
            </li>
          ))}
        </ul>
      </nav>
      {SECTIONS.map((s) => (
        <section key={s.id} aria-labelledby={`about-${s.id}`} data-section={s.id}>
          <h3 id={`about-${s.id}`}>{t(`about.${s.id}.title`)}</h3>
          {s.intro ? <p>{t(`about.${s.id}.intro`)}</p> : null}
          {s.id === 'linux' ? (
            <LinuxMap />
          ) : (
            <ul className="ab-list">
              {s.items.map((item) => (
                <li key={item}>{t(`about.${s.id}.${item}`, { recordings: STRACE_RECORDINGS })}</li>
              ))}
            </ul>
          )}
        </section>
      ))}
      <p className="ab-glossary">
        <a href="#/glossary">{t('about.glossary')}</a>
      </p>
    </article>
  );
}

/** Each part of the simulated kernel, its file here and the Linux source it follows. */
function LinuxMap() {
  const t = useT();
  return (
    <table className="ab-linux">
      <thead>
        <tr>
          <th scope="col">{t('about.linux.col.part')}</th>
          <th scope="col">{t('about.linux.col.file')}</th>
          <th scope="col">{t('about.linux.col.linux')}</th>
        </tr>
      </thead>
      <tbody>
        {KERNEL_MAP.map((part) => (
          <tr key={part.id}>
            <th scope="row">{t(`about.linux.${part.id}`)}</th>
            <td>
              <code>
                <Path path={part.file} />
              </code>
            </td>
            <td>
              {part.linux.length
                ? part.linux.map((src, i) => (
                    <span key={src}>
                      {i > 0 ? ', ' : ''}
                      <code>
                        <Path path={src} />
                      </code>
                    </span>
                  ))
                : '—'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A path that may wrap after each slash, never inside a name. */
function Path({ path }: { path: string }) {
  return (
    <>
      {path.split('/').map((part, i, all) => (
        <span key={i}>
          {part}
          {i < all.length - 1 ? (
            <>
              /<wbr />
            </>
          ) : null}
        </span>
      ))}
    </>
  );
}
