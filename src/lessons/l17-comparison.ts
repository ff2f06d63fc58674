/** Lesson 17: the comparison — for each model, where the thread sleeps in phase 1 and who copies in phase 2, side by side (measured from each model's run). */
import type { Lesson } from './types.ts';
import { callInProgress, findEventIndex, findStep, isSysBlock } from './find.ts';
import { phaseTable, PHASE_MODELS } from './phases.ts';

const modelChoices = () => PHASE_MODELS.map((m) => ({ id: m.id, label: `lesson.17.model.${m.id}` }));

const lesson: Lesson = {
  n: 17,
  id: 'comparison',
  title: { key: 'lesson.17.title' },
  summary: { key: 'lesson.17.summary' },
  scenario: 'blocking-two-clients',
  items: [
    {
      kind: 'slide',
      id: 'phases',
      title: { key: 'lesson.17.phases.title' },
      body: [{ key: 'lesson.17.phases.b1' }, { key: 'lesson.17.phases.b2' }],
    },
    {
      kind: 'stop',
      id: 'wait',
      at: (ctx) => findStep(ctx.run, isSysBlock('recvfrom')),
      title: { key: 'lesson.17.wait.title' },
      body: [{ key: 'lesson.17.wait.b1' }],
    },
    {
      kind: 'stop',
      id: 'copy',
      at: (ctx) => {
        const i = findEventIndex(
          ctx.run,
          (ev, j) =>
            ev.type === 'copy' &&
            ev.dir === 'to-user' &&
            ev.fd > 2 &&
            callInProgress(ctx.run, j, ev.tid) === 'recvfrom',
        );
        return ctx.run.index.stepOfEvent(i);
      },
      title: { key: 'lesson.17.copy.title' },
      body: [{ key: 'lesson.17.copy.b1' }],
    },
    {
      kind: 'stop',
      id: 'quiz',
      at: (ctx) => ctx.run.index.steps - 1,
      title: { key: 'lesson.17.quiz.title' },
      body: [{ key: 'lesson.17.quiz.b1' }],
      question: {
        prompt: { key: 'lesson.17.quiz.q' },
        pick: 'many',
        choices: modelChoices,
        answer: () =>
          phaseTable()
            .filter((row) => row.wait === 'no')
            .map((row) => row.id),
        explain: {
          key: 'lesson.17.quiz.explain',
          params: () => ({ kernel: phaseTable().filter((row) => row.copy === 'completion').length }),
        },
      },
    },
    // The table answers the quiz, so it comes after it (issue 20, item 9).
    {
      kind: 'slide',
      id: 'table',
      title: { key: 'lesson.17.table.title' },
      body: [{ key: 'lesson.17.table.b1' }],
      figure: { name: 'PhaseTable' },
    },
    {
      kind: 'slide',
      id: 'sum',
      title: { key: 'lesson.17.sum.title' },
      body: [{ key: 'lesson.17.sum.b1' }, { key: 'lesson.17.sum.b2' }],
    },
  ],
  links: [{ page: 'compare', label: 'lesson.17.link.compare' }],
};

export default lesson;
