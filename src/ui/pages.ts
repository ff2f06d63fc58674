/**
 * The pages besides the lab, each loaded on first visit (its code and its messages are separate
 * downloads, so the first page stays light). A page registers here with the message files it
 * needs (src/i18n/{en,zh}/pages/<name>.ts) and the key of its name in the navigation.
 */
import type { ComponentType } from 'react';
import { lazyModule, type LazyModule } from './lazy-part.ts';
import type { PageId } from '../store/url.ts';
import { loadSimulation } from '../runs/runs.ts';

export interface PageDef {
  /** Message key of the page's name in the navigation bar. */
  nav: string;
  /** Page message files to load before it draws. */
  messages: readonly string[];
  /** The page's code, fetched on first visit (drawn as soon as it arrives). */
  part: LazyModule<{ default: ComponentType }>;
  /** Shown in the navigation bar (a page reached from another, like one lesson, is not). */
  inNav: boolean;
}

/** Every lesson's message file (lesson-NN), found by name: the lesson list shows all their titles. */
const LESSON_WORDS = Object.keys(import.meta.glob('../i18n/en/pages/lesson-[0-9][0-9].ts')).map((p) =>
  p.replace(/^.*\/|\.ts$/g, ''),
);

const page = (
  nav: string,
  messages: readonly string[],
  load: () => Promise<{ default: ComponentType }>,
  inNav = true,
): PageDef => ({
  nav,
  messages,
  // Pages run scenarios of their own (getRun, runScenario): they draw once the simulation is here too.
  part: lazyModule(() => Promise.all([load(), loadSimulation()]).then(([module]) => module)),
  inNav,
});

export const PAGE_VIEWS: Partial<Record<Exclude<PageId, 'lab'>, PageDef>> = {
  // In the order of the navigation bar.
  lessons: page('nav.lessons', ['lessons', ...LESSON_WORDS], () => import('./lessons/LessonsPage.tsx')),
  // One lesson loads its own words (lesson-NN) itself, once it knows which lesson it is.
  lesson: page(
    'nav.lessons',
    ['lessons', 'lesson-figures', 'side'],
    () => import('./lessons/LessonPage.tsx'),
    false,
  ),
  hall: page('nav.hall', ['hall'], () => import('./hall/HallPage.tsx')),
  compare: page('nav.compare', ['compare'], () => import('./compare/ComparePage.tsx')),
  scaling: page('nav.scaling', ['scaling'], () => import('./scaling/ScalingPage.tsx')),
  editor: page('nav.editor', ['editor', 'problems'], () => import('./editor/EditorPage.tsx')),
  playground: page(
    'nav.playground',
    ['playground', 'problems'],
    () => import('./playground/PlaygroundPage.tsx'),
  ),
  glossary: page('nav.glossary', ['glossary'], () => import('./glossary/GlossaryPage.tsx')),
  about: page('nav.about', ['about'], () => import('./about/AboutPage.tsx')),
  handout: page('nav.handout', ['handout'], () => import('./handout/HandoutPage.tsx'), false),
};
