/**
 * The pages besides the lab, each loaded on first visit (its code and its messages are separate
 * downloads, so the first page stays light). A page registers here with the message files it
 * needs (src/i18n/{en,zh}/pages/<name>.ts) and the key of its name in the navigation.
 */
import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { PageId } from '../store/url.ts';

export interface PageDef {
  /** Message key of the page's name in the navigation bar. */
  nav: string;
  /** Page message files to load before it draws. */
  messages: readonly string[];
  component: LazyExoticComponent<ComponentType>;
  /** Shown in the navigation bar (a page reached from another, like one lesson, is not). */
  inNav: boolean;
}

const page = (nav: string, messages: readonly string[], load: () => Promise<{ default: ComponentType }>, inNav = true): PageDef =>
  ({ nav, messages, component: lazy(load), inNav });

export const PAGE_VIEWS: Partial<Record<Exclude<PageId, 'lab'>, PageDef>> = {
  about: page('nav.about', ['about'], () => import('./about/AboutPage.tsx')),
  handout: page('nav.handout', ['handout'], () => import('./handout/HandoutPage.tsx'), false),
};
