import { useT } from '../hooks.ts';

/** About the simulation: what it models faithfully, what it simplifies, how it was checked. */
export default function AboutPage() {
  const t = useT();
  return (
    <article className="page page-about">
      <h2>{t('about.title')}</h2>
      <p>{t('about.intro')}</p>
    </article>
  );
}
