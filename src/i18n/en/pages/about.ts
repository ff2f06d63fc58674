/** The about page (English; src/i18n/zh/pages/about.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'about.title': 'About the simulation',
  'about.intro': 'IO Lab runs a small, deterministic model of a Linux machine: the same scenario and seed always give the same trace.',
} satisfies Messages;
