/** The frame of the app: header, panels, notices. */
import type { Messages } from '../core.ts';

export default {
  'app.title': 'IO Lab',
  'app.tagline': 'What really happens inside Linux when a Python server talks to its clients',
  'app.language': 'Language',
  'app.language.en': 'English',
  'app.language.zh': '中文',
  'app.theme': 'Colour scheme',
  'app.theme.system': 'Automatic',
  'app.theme.light': 'Light',
  'app.theme.dark': 'Dark',
  'app.scenario': 'Scenario',
  'app.scenario.modified': '{title} (modified)',
  'app.modified.notice':
    'This is not the shipped scenario “{title}”: the link or file changed it, so what you see may differ from what the lessons say about it.',
  'app.modified.original': 'Open the original',
  'app.seed': 'Seed',
  'app.model': 'Model',
  'app.panel.stage': 'The machine at this step',
  'app.panel.code': 'Server program (Python)',
  'app.panel.narration': 'What just happened',
  'app.panel.log': 'System calls (strace)',
  'app.panel.meters': 'Meters',
  'app.notice.dismiss': 'Dismiss',
  'app.notice.keptLocally':
    '“{id}” is too large for a link, so the address names it alone: this browser keeps it, and a reload here shows it again. To share it, save the scenario file.',
  'app.notice.keptRestored':
    '“{id}” was reopened from this browser (it is too large for a link). The address works only here: to share it, save the scenario file.',
  'app.notice.notKept':
    '“{id}” is too large for a link, and this browser would not keep it: a reload will not show it again. Save the scenario file to keep it.',
  'app.notice.badScenario': 'There is no scenario "{id}"; showing "{fallback}" instead.',
  'app.notice.badScenarioLink':
    'The scenario in this link could not be read ({reason}); showing "{fallback}" instead.',
  'app.notice.langFailed':
    'The {lang} texts could not be loaded (are you offline?); the page stays in its current language.',
  'app.sim.running': 'Simulating “{title}”…',
  'app.sim.progress': 'How far the simulation is',
  'app.sim.hint': 'A large scenario takes a while. The page stays usable; Cancel stops the run.',
  'app.sim.cancel': 'Cancel',
  'app.sim.largeTitle': '“{title}” is a large scenario',
  'app.sim.large':
    'This scenario is large — connections: {connections}, client actions: {actions}{until}. Running it takes a while, beside the page (which stays usable), and Cancel stops it.',
  'app.sim.largeUntil': ', simulated time: {seconds} s',
  'app.sim.largeBusy':
    'Its server polls without waiting, so every call looks at every connection: the run may stop at the page’s budget.',
  'app.sim.ask': 'Run it?',
  'app.sim.run': 'Run',
  'app.sim.cancelled':
    'Simulating “{title}” was cancelled; the lab shows “{fallback}”. Back (in the browser) opens the link again.',
  'app.sim.failed': 'Simulating “{title}” failed ({message}); the lab shows “{fallback}”.',
  'app.budget.fds':
    'The run stopped at {ms} ms: select and poll had looked at {used} file descriptors, past the page’s budget of {limit}. Watch fewer connections or shorten untilMs — or run it with the CLI, whose budget you can raise: npm run sim -- file.json --max-fds N.',
  'app.budget.traceBytes':
    'The run stopped at {ms} ms: its trace had grown to about {used} MB, past the page’s budget of {limit} MB. Use fewer connections or shorten untilMs — or run it with the CLI, whose budget you can raise: npm run sim -- file.json --max-trace-mb N.',
  'app.update.ready': 'A new version of IO Lab is ready.',
  'app.update.reload': 'Reload',
  'app.offline.ready': 'Available offline',
  'app.offline.ready.title':
    'This browser keeps a copy of IO Lab, in both languages: the lab, the lessons and the pages work without the network.',
  'app.offline.insecure': 'No offline copy: needs HTTPS',
  'app.offline.insecure.title':
    'Browsers keep an offline copy (a service worker) only for sites served over HTTPS or from localhost; this one came over plain HTTP.',
  'app.nav': 'Pages',
  'nav.lab': 'Step through',
  'nav.about': 'About',
  'nav.compare': 'Side by side',
  'nav.glossary': 'Glossary',
  'nav.hall': 'Exam hall',
  'nav.editor': 'Scenario editor',
  'nav.playground': 'Your own server',
  'nav.lessons': 'Lessons',
  'nav.scaling': 'C10K lab',
  'app.page.loading': 'Loading…',
  'app.page.failed': 'This page could not be loaded (are you offline?). Reload to try again.',
  'app.narr.failed':
    'The narration (“What just happened”) could not be loaded (are you offline?). Reload to try again.',
  'app.side.failed':
    'The program, the system-call log and the meters could not be loaded (are you offline?). Reload to try again.',
  'app.page.missing': 'That page does not exist yet; here is the step-through view instead.',
  'app.notice.badStep': 'Step {step} does not exist in this run (it has {steps}); showing step {shown}.',
  'app.notice.badSeed':
    'The seed "{seed}" is not a whole number from 0 to 4294967295; using the scenario’s own seed.',
  'app.notice.badViewParam': 'The link’s {name}={value} could not be read; using {name}={fallback}.',
  'app.notice.badLang': 'Unknown language "{lang}"; using English.',
  'app.notice.badUrl': 'This link could not be read ({reason}); showing the first scenario.',
  'app.error.view': 'This part of the page failed to draw: {message}. The rest still works.',
  'app.loading': 'Running the simulation…',
  'app.scenario.group.blocking': 'Blocking I/O',
  'app.scenario.group.thread-per-connection': 'A thread per connection',
  'app.scenario.group.process-per-connection': 'A process per connection',
  'app.scenario.group.thread-pool': 'A thread pool',
  'app.scenario.group.nonblocking': 'Non-blocking I/O',
  'app.scenario.group.select': 'I/O multiplexing: select',
  'app.scenario.group.poll': 'I/O multiplexing: poll',
  'app.scenario.group.epoll': 'I/O multiplexing: epoll',
  'app.scenario.group.selectors': 'selectors (over epoll)',
  'app.scenario.group.signal-driven': 'Signal-driven I/O',
  'app.scenario.group.async-io': 'Asynchronous I/O (io_uring)',
  'app.scenario.group.asyncio': 'asyncio (coroutines)',
  'app.scenario.group.select-chat': 'The chat room',
} satisfies Messages;
