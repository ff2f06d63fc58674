/** The exam hall page (English; src/i18n/zh/pages/hall.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'hall.title': 'The exam hall: select and epoll as a teacher and a lamp',
  'hall.intro':
    'A class sits an exam. A student who finishes presses a button, and the lamp on the teacher\'s desk lights up. With select the lamp only says "someone": the teacher walks the rows asking each student "was it you?". With epoll the lamp also shows who, so the teacher goes straight there. Here every student is a connection (an fd), pressing the button is data arriving, the lamp is readiness, the walk is select\'s scan, the names are epoll\'s ready list, and collecting a paper is the recv copy. It is the same simulation, step for step, as the kernel picture.',
  'hall.setup': 'The class',
  'hall.size': 'Class size',
  'hall.size.apply': 'Seat them',
  'hall.size.presets': 'Quick sizes',
  'hall.mech': 'The teacher uses',
  'hall.pattern': 'Who finishes when',
  'hall.pattern.one': 'One at a time',
  'hall.pattern.several': 'Several at once',
  'hall.pattern.burst': 'Everyone in a burst',
  'hall.order': 'Another finishing order',
  'hall.order.now': 'order #{order}',
  'hall.view': 'Show',
  'hall.view.hall': 'Hall',
  'hall.view.kernel': 'Kernel',
  'hall.view.both': 'Both',
  'hall.running': 'Seating {n} students and running the exam…',
  'hall.partial':
    'With {n} students the hall shows the first {m} moments of handing in; the others are still writing when the recording ends (select would otherwise record millions of events).',
  'hall.notice.badParam': 'The exam hall cannot use {name}="{value}"; using {fallback}.',

  'hall.fdset.title': 'The teacher cannot walk a hall this big with select',
  'hall.fdset.body':
    'select describes the students it watches with a bitmap of fixed size, FD_SETSIZE = 1024 bits: fds 0 to 1023. Three fds are taken by stdin, stdout and stderr and one by the listening socket (the door), which leaves room for {max} students. Student number {first} gets fd 1024, which has no bit on the list, so Python refuses before the call is even made: "ValueError: filedescriptor out of range in select()". The server dies and nobody\'s paper is collected. poll and epoll have no such limit: switch to epoll to seat the whole class.',
  'hall.fdset.jump': 'Go to the moment it fails',
  'hall.fdset.switch': 'Use epoll for this class',

  'hall.floor': 'The exam hall at this step',
  'hall.board': 'EXAM · {mech}',
  'hall.door': 'door',
  'hall.teacher': 'teacher',
  'hall.lamp': 'lamp',
  'hall.lamp.on': 'lamp on',
  'hall.lamp.off': 'lamp off',
  'hall.lamp.isOn': 'The lamp is on',
  'hall.lamp.isOff': 'The lamp is off',
  'hall.names.none': 'no names',
  'hall.names.more': '+{n}',
  'hall.atDoor': '{n} at the door',
  'hall.legend.writing': 'writing',
  'hall.legend.finished': 'finished, paper raised',
  'hall.legend.handedIn': 'handed in',
  'hall.legend.leaving': 'leaving',
  'hall.legend.asked': 'asked "was it you?"',
  'hall.legend.walk': "the teacher's walk in this step",

  'hall.now.starting': 'The teacher opens the door: the server is starting and will listen on its socket.',
  'hall.now.door': 'The teacher lets a student in at the door (accept): the new student gets fd {fd}.',
  'hall.now.doorNoFd': 'The teacher lets a student in at the door (accept).',
  'hall.now.waitSelect':
    'The teacher sits at the desk and dozes until the lamp lights (select sleeps until a watched fd is ready). {lamp}.',
  'hall.now.waitEpoll':
    'The teacher sits at the desk and dozes until the lamp lights (epoll_wait sleeps until the ready list has an entry). {lamp}.',
  'hall.now.checking':
    'The teacher is at the desk and awake (the thread is running inside {call}, not asleep): looking at the lamp before deciding whether to doze. {lamp}.',
  'hall.now.scanNone':
    'The teacher walks every row asking all {asked} "was it you?" (select checks every fd it watches). Nobody says yes.',
  'hall.now.scanYes':
    'The teacher walks every row asking all {asked} "was it you?" (select checks every fd it watches). {count} say yes: {who}.',
  'hall.now.reading':
    'The lamp shows the names {who}: the teacher goes straight there, asking nobody else (epoll_wait returned them).',
  'hall.now.collecting':
    'The teacher collects the paper of fd {fd} (recv copies its bytes from the kernel into the program).',
  'hall.now.receipt': 'The teacher gives fd {fd} a receipt (the echo reply: send).',
  'hall.now.farewell': "fd {fd} is leaving (recv returned b''): the teacher clears the desk (close).",
  'hall.now.returning': 'The teacher walks back to the desk.',
  'hall.now.failed': "The teacher gives up: one student's fd does not fit on select's list. {python}",
  'hall.now.done': 'The exam is over.',
  'hall.who.sep': ', ',
  'hall.who.door': 'the door',
  'hall.who.fd': 'fd {fd}',
  'hall.who.more': 'and {n} more',
  'hall.summary':
    '{lamp}. Writing: {writing}; paper raised: {finished}; handed in: {handedIn}; leaving: {leaving}; left: {left}; not seated: {arriving}.',
  'hall.summary.names': 'Names on the lamp: {names}.',
  'hall.summary.stranded': 'Stranded with no teacher: {n}.',

  'hall.counters': 'The same class under both',
  'hall.counters.caption':
    'Up to this moment ({ms} ms of virtual time), for the same students and the same finishing pattern',
  'hall.counters.what': 'What is counted',
  'hall.counters.questions': 'Questions asked',
  'hall.counters.questions.help':
    'select: every fd checked on every scan · epoll: the entries epoll_wait returned',
  'hall.counters.walk': 'Walk length',
  'hall.counters.walk.help': 'metres the teacher walks: the scans, the door, the desks',
  'hall.counters.papers': 'Papers collected',
  'hall.counters.papers.help': 'recv calls that copied a paper',
  'hall.counters.waits': 'Times at the lamp',
  'hall.counters.waits.help': 'calls to select or epoll_wait',
  'hall.counters.metres': '{m} m',
  'hall.counters.this': '{mech} (this run)',
  'hall.counters.stopped': 'stopped: ValueError',
  'hall.counters.end': 'By the end of the exam: select {select} questions, epoll {epoll}.',
  'hall.counters.endFailed':
    'By the end of the exam: select could not serve this class (ValueError); epoll asked {epoll} questions.',
} satisfies Messages;
