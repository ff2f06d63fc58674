/** The printable handout (src/ui/handout/). */
import type { Messages } from '../../core.ts';

export default {
  'handout.title': 'Handout: {title}',
  'handout.intro':
    'Still pictures of the machine at {n} steps of “{scenario}”, each with what happened. Print it, or save it as a PDF.',
  'handout.print': 'Print…',
  'handout.back': 'Back to the step-through view',
  'handout.still': 'Picture {k}',
  'handout.think': 'Think first:',
  'handout.listing': 'The program: {file}',
  'handout.source': 'IO Lab, scenario “{id}”, seed {seed}.',
  'handout.notice.badLesson': 'There is no lesson "{id}"; here is a handout of a scenario instead.',
  'handout.notice.badScenario': 'There is no scenario "{id}"; the handout shows "{fallback}".',
  'handout.notice.badSteps': 'Some steps were left out ({steps}): a step is a whole number below {total}.',
  'handout.notice.badLink':
    'The scenario "{id}" carried in this link cannot be read (open the link in the lab to see why).',
  'handout.notice.notRun':
    '"{id}" runs a program of its own: open it in the lab first (it runs there), then its handout.',
  'handout.notice.tooMany': 'A handout has at most {max} pictures; the first {max} are shown.',
  'handout.question': 'Question {k}:',
  'handout.pickOne': 'Tick one.',
  'handout.pickMany': 'Tick every one that applies.',
  'handout.why': 'Why?',
  'handout.key': 'Answer key',
  'handout.key.answer': 'Answer:',
} satisfies Messages;
