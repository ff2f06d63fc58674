/** The playground, "Your own server" (English; src/i18n/zh/pages/playground.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'playground.title': 'Your own server',
  'playground.intro':
    'Write a Python server (or change one of ours), choose the clients, press Run: real CPython 3.14 runs your program in this page, and every socket call it makes is executed by the simulated Linux kernel. Then step through what the kernel did, with your lines highlighted as they run. One thread, one process: threads, fork and files are not modelled.',
  'playground.editor': 'Your Python program',
  'playground.start': 'Start from',
  'playground.start.blank': 'a blank program',
  'playground.start.listing': 'the listing {file}',
  'playground.start.load': 'Replace my program',
  'playground.start.confirm': 'Replace your program with this one? Your changes will be lost.',
  'playground.clients': 'Clients',
  'playground.clients.option': '{title} ({n} clients)',
  'playground.budget': 'CPU budget (ms without a system call)',
  'playground.run': 'Run',
  'playground.cancel': 'Cancel',
  'playground.copyLink': 'Copy link',
  'playground.link.copied':
    'Link copied: it opens this program with these clients in the playground and runs it.',
  'playground.link.failed':
    'The link could not be copied (the browser refused): copy it from the address bar instead.',
  'playground.link.tooLong':
    'This program is too long for a link ({n} characters, at most {max}). Save the scenario file instead (“Scenario” under Save, after a run): “Open a scenario file…” opens it here.',
  'playground.draft.kept': 'Your program is kept in this browser as you type: a reload brings it back.',
  'playground.draft.notKept':
    'This browser does not keep your program (its storage is off or full): copy it somewhere to keep it.',
  'playground.stage.loading':
    'Loading Python (CPython compiled to WebAssembly, about 4 MB compressed; only the first time, then it works offline)…',
  'playground.stage.running': 'Running your program against the simulated kernel…',
  'playground.progress': 'Progress',
  'playground.cancelled': 'Cancelled. Press Run to start again (Python loads again).',
  'playground.failed': 'The run failed: {message}',
  'playground.invalid': 'The program cannot be run: {problems}',
  'playground.ran':
    'Ran: {calls} system calls. Python loaded in {load} ms, ran in {run} ms. Step through it below.',
  'playground.error.syntax': 'Your program has a syntax error at line {line}; CPython says:',
  'playground.error.import': 'An import failed at line {line}; CPython says:',
  'playground.error.unsupported':
    'Line {line} asks for something IO Lab does not model (it simulates one single-threaded process and its sockets); CPython raised:',
  'playground.error.error':
    'An exception escaped your program at line {line}, so the process ended (status 1), as it would on Linux; CPython says:',
  'playground.error.cpu-budget':
    'IO Lab stopped your program at line {line}: it ran {ms} ms of CPU without a single system call (an endless loop?). The steps up to there are below. If your program really needs longer, raise “CPU budget” above (up to {max} ms) and press Run again; on the command line: npm run sim -- <scenario> --program <file.py> --cpu-budget-ms N.',
  'playground.error.output-cap':
    'IO Lab stopped your program at line {line}: it printed more than 1 MiB of output.',
  'playground.error.noListen': 'Your program never called listen(): the clients’ connections were refused.',
  'playground.traceback': 'Traceback',
} satisfies Messages;
