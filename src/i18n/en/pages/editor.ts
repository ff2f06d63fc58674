/** The scenario editor page (English; src/i18n/zh/pages/editor.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'editor.title': 'Scenario editor',
  'editor.intro':
    'Build a scenario with a form: the server model, its options, the clients and what each one does. Every change is checked at once with the same rules as the command line, and the JSON beside the form is the file it makes.',
  'editor.start': 'Start from',
  'editor.start.stage': 'the scenario on the stage: {title}',
  'editor.start.blank': 'a blank scenario',
  'editor.start.load': 'Start over from this',
  'editor.start.confirm':
    'Start over? Your draft has changes you have not opened, downloaded or copied yet; they will be lost.',
  'editor.draft.kept':
    'Your draft is kept in this browser as you type: a reload, Back or a closed tab brings it back.',
  'editor.draft.restored':
    'Your draft is back, as you left it (kept in this browser). To start over, choose a scenario above and press "Start over from this".',
  'editor.draft.notKept':
    'This browser does not keep the draft (its storage is off or full): download the file to keep your work.',
  'editor.status.ok': 'Valid: ready to open on the stage.',
  'editor.status.problems': '{n} problem(s) to fix (each is also shown at its field):',
  'editor.problem': 'Problem:',
  'editor.section.scenario': 'The scenario',
  'editor.field.id': 'Id',
  'editor.field.id.hint':
    'Lower-case letters, digits and dashes: it names the scenario in links and on the command line.',
  'editor.field.id.shipped':
    'A shipped scenario has this id, so a link to it shows the shipped one: give yours its own id.',
  'editor.field.titleEn': 'Title in English',
  'editor.field.titleZh': 'Title in Chinese',
  'editor.field.descEn': 'Description in English (optional)',
  'editor.field.descZh': 'Description in Chinese (optional)',
  'editor.field.seed': 'Seed',
  'editor.field.seed.hint':
    'A whole number from 0 to 4294967295. The same file with the same seed gives the same run.',
  'editor.field.model': 'Model: the server program',
  'editor.field.untilMs': 'Run until (ms)',
  'editor.field.untilMs.hint': 'Empty: {ms} ms, that is 1000 ms after the last action.',
  'editor.field.idle': 'Idle connections',
  'editor.field.idle.hint':
    'Extra clients idle1, idle2… that connect at time 0 and never send (0 to 100000 here; the command line takes up to 1048576).',
  'editor.section.options': 'Options of {model}',
  'editor.options.hint': 'Leave an option empty to use its default.',
  'editor.option.meta': 'Range {range}; default {value}.',
  'editor.option.metaDefault': 'Default: {value}.',
  'editor.option.default': 'default ({value})',
  'editor.option.notApplicable': 'Does not apply to {model}.',
  'editor.option.remove': 'Remove {name}',
  'editor.opt.poolSize':
    'Worker threads in the pool; connection poolSize + 1 is accepted and waits for a free worker.',
  'editor.opt.pollSleepMs': 'Sleep at the end of each polling round; 0 is a pure busy loop.',
  'editor.opt.recvSize': 'The n in recv(n): the most bytes one call returns.',
  'editor.opt.backlog':
    'listen(backlog): backlog + 1 handshakes complete before anyone calls accept; later SYNs are dropped and resent.',
  'editor.opt.cores': 'CPU cores of the server machine.',
  'editor.opt.fdLimit':
    'The limit on open files (ulimit -n): past it, accept fails with "Too many open files".',
  'editor.opt.latencyMs': 'One-way network latency between each client and the server.',
  'editor.opt.variant': 'The corrected server, or the one with the classic mistake.',
  'editor.opt.trigger':
    'Level-triggered reports a readable fd on every call; edge-triggered only when new data or a FIN arrives.',
  'editor.opt.timeoutMs': 'Timeout of select, poll or epoll_wait in ms; empty or null waits for ever.',
  'editor.opt.answerDelayMs':
    'How long the chat-room operator takes to type each answer; input() blocks the whole server meanwhile.',
  'editor.opt.answers':
    'What the operator types, one answer per line; when they run out, the message in capitals.',
  'editor.opt.mechanism': 'Which readiness API the chat room waits with.',
  'editor.opt.acceptIn':
    'Who calls accept(): the main thread, handing each connection to the pool, or every worker on the shared listening socket (a pre-threaded server: a new connection wakes one of them).',
  'editor.section.clients': 'Clients',
  'editor.clients.none': 'No clients yet: the server starts and waits.',
  'editor.client.legend': 'Client {n}: {name}',
  'editor.client.name': 'Name',
  'editor.client.add': 'Add a client',
  'editor.client.remove': 'Remove client {name}',
  'editor.client.up': 'Move client {name} up',
  'editor.client.down': 'Move client {name} down',
  'editor.actions': 'Actions of {name}, in order',
  'editor.action.n': 'Action {n}',
  'editor.action.at': 'At (ms)',
  'editor.action.do': 'Does',
  'editor.action.data': 'Data sent',
  'editor.action.connect': 'connect',
  'editor.action.send': 'send',
  'editor.action.close': 'close (FIN)',
  'editor.action.reset': 'reset (RST)',
  'editor.action.add': 'Add an action',
  'editor.action.remove': 'Remove action {n} of {name}',
  'editor.action.up': 'Move action {n} of {name} up',
  'editor.action.down': 'Move action {n} of {name} down',
  'editor.section.json': 'The JSON file',
  'editor.json.copy': 'Copy',
  'editor.json.copied': 'Copied.',
  'editor.json.copyFailed': 'The browser did not allow copying; select the text instead.',
  'editor.link.copy': 'Copy link',
  'editor.link.copied': 'Link copied: it opens this scenario on the stage.',
  'editor.link.tooLong':
    'This scenario is too large for a link: it would take {n} characters, and a link carries at most {max} (about 550 clients that connect, send twice and close). Share the file instead: it opens with “Open a scenario file…” in the lab, or on the command line.',
  'editor.link.tooMany':
    'This scenario has {n} connections, too many for a link (at most {max}). Share the file instead: the command line runs it.',
  'editor.link.saveInstead': 'Save {file} instead',
  'editor.link.inLang': "The link opens in {language} (otherwise in the reader's own language)",
  'editor.json.download': 'Download {file}',
  'editor.open': 'Open on the stage',
  'editor.open.blocked': 'Fix the problems first: only a valid scenario can run.',
  'editor.notice.badFrom':
    'There is no scenario "{from}" to start from; the editor starts from the scenario on the stage.',
} satisfies Messages;
