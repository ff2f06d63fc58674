import { LESSONS } from '../../lessons/index.ts';
import { useT } from '../hooks.ts';
import { Text } from './Words.tsx';
import './lessons.css';

/** Every lesson found, in course order: number, title, summary, size. */
export default function LessonsPage() {
  const t = useT();
  return (
    <article className="page lessons-page">
      <h2>{t('lessons.title')}</h2>
      <p className="lessons-intro">{t('lessons.intro')}</p>
      {LESSONS.length === 0 ? (
        <p>{t('lessons.none')}</p>
      ) : (
        <ol className="lessons-list">
          {LESSONS.map((lesson) => {
            const questions = lesson.items.filter((i) => i.kind === 'stop' && i.question).length;
            return (
              <li key={lesson.id} className="lessons-card" data-lesson={lesson.id}>
                <span className="lessons-num" aria-hidden="true">
                  {lesson.n}
                </span>
                <div>
                  <h3>
                    <a href={`#/lesson/${encodeURIComponent(lesson.id)}?item=1`}>
                      <Text words={lesson.title} ctx={null} />
                    </a>
                  </h3>
                  <p>
                    <Text words={lesson.summary} ctx={null} />
                  </p>
                  <p className="lessons-meta">
                    {t('lessons.number', { n: lesson.n })} · {t('lessons.items', { n: lesson.items.length })}
                    {questions > 0 ? (
                      <>
                        {' '}
                        ·{' '}
                        {questions === 1
                          ? t('lessons.questions.one')
                          : t('lessons.questions', { n: questions })}
                      </>
                    ) : null}
                  </p>
                </div>
              </li>
            );
          })}
        </ol>
      )}
    </article>
  );
}
