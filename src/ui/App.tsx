import { SCENARIOS } from '../scenarios/index.ts';

/** Placeholder until the step-through app lands: lists the shipped scenarios. */
export function App() {
  return (
    <main>
      <h1>IO Lab</h1>
      <p>Step through what a Linux kernel and a Python server really do under each I/O model.</p>
      <ul aria-label="Scenarios">
        {SCENARIOS.map((s) => <li key={s.id}>{s.title.en} — {s.title.zh}</li>)}
      </ul>
    </main>
  );
}
