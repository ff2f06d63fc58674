/**
 * A lesson is data: a scenario, and a path through it of slides (words and a figure) and stops
 * (a step of the run, with what to notice there, and maybe a question). Steps and answers are
 * found in the trace by functions, never typed in, so a lesson stays right when its scenario
 * or the kernel changes. Pure: no React, no DOM (the UI lives in src/ui/lessons/).
 *
 * Words are message keys in the lesson's own message files, src/i18n/{en,zh}/pages/lesson-NN.ts
 * (NN = the lesson's number, two digits), loaded with the lesson. Keys start `lesson.NN.`.
 */
import type { Scenario } from '../scenarios/format.ts';
import type { LabRun } from '../runs/runs.ts';
import type { MachineView } from '../kernel/view.ts';

/** What a lesson's functions may read: the run (trace, index, folds) and the machine at any step. */
export interface LessonContext {
  run: LabRun;
  /** The machine after step `step` (memoized by the index's checkpoints: cheap). */
  viewAt(step: number): MachineView;
}

export type Params = Record<string, string | number>;

/** A message key with parameters computed from the run. */
export interface Words {
  key: string;
  params?: (ctx: LessonContext) => Params;
}

/** A figure drawn instead of (or beside) the stage; the UI keeps a registry by name. */
export interface FigureRef {
  name: string;
  props?: Record<string, string | number | boolean>;
}

/** The pages a lesson may link to (the store's router knows them all: src/store/url.ts checks this list). */
export type LinkedPage = 'hall' | 'compare' | 'scaling' | 'about' | 'glossary' | 'editor' | 'handout';

/** A link to another view that shows the idea better (the exam hall, models side by side, the C10K lab). */
export interface LessonLink {
  page: LinkedPage;
  params?: Record<string, string>;
  label: string;
}

export interface Choice {
  id: string;
  /** A message key, or a literal (fd numbers, client names) when `literal` is true. */
  label: string;
  literal?: boolean;
  /** Parameters of the label's message (when it is a key): `fd {fd} ({client})`. */
  params?: Params;
}

/** A prediction the student makes before the lesson moves on; the answer comes from the run. */
export interface Question {
  prompt: Words;
  /** 'one' for radio buttons, 'many' for check boxes (select every fd that ...). */
  pick: 'one' | 'many';
  choices: (ctx: LessonContext) => Choice[];
  /** The ids of the right choices, computed from the trace. */
  answer: (ctx: LessonContext) => string[];
  /** Why, shown with the answer (its params computed from the trace too). */
  explain: Words;
  /** The step the answer is shown at (for example after the select call returns); default: the stop's own step. */
  revealAt?: (ctx: LessonContext) => number;
}

export interface Slide {
  kind: 'slide';
  id: string;
  title: Words;
  body: Words[];
  figure?: FigureRef;
}

export interface Stop {
  kind: 'stop';
  id: string;
  /** The step to show, found in the run. */
  at: (ctx: LessonContext) => number;
  title: Words;
  body: Words[];
  question?: Question;
  figure?: FigureRef;
  /**
   * A scenario for this stop only (a shipped id, or one built for the lesson), when the lesson
   * compares runs (the busy loop, then the loop that sleeps); `at`, the question and the words'
   * params then read this stop's run. Default: the lesson's scenario.
   */
  scenario?: string | Scenario;
  seed?: number;
}

export type LessonItem = Slide | Stop;

export interface Lesson {
  /** 1..17, the order of the course. */
  n: number;
  /** Stable, URL-safe: `#/lesson/<id>`. */
  id: string;
  title: Words;
  /** One line for the list of lessons. */
  summary: Words;
  /** A shipped scenario id, or a scenario built for the lesson (validated like any other). */
  scenario: string | Scenario;
  seed?: number;
  items: LessonItem[];
  links?: LessonLink[];
}
