/** The "You, as a client" panel of the lab: actions a student adds to the running scenario. */
import type { Messages } from '../core.ts';

export default {
  'student.problem.empty': 'Type a message first.',
  'student.problem.tooLong': 'That message is too long: at most {max} bytes.',
  'student.problem.late': 'This moment is past the longest run a scenario may have ({max} ms).',
  'student.problem.connectOnce':
    '{client} already connects in this scenario, and a client connects only once. Pick a new client to open another connection.',
  'student.problem.connectFirst': '{client} has no connection at this moment: connect first.',
  'student.problem.ended': '{client} has already ended its connection by this moment. Pick a new client.',
  'student.problem.laterActions':
    '{client} still has {n} planned action(s) after this moment; closing now would leave them after the end. Use a client of your own, or step past its last action.',
  'student.problem.serverGone':
    'The server has already closed the connection of {client}: nobody would read this. Pick a new client.',
  'student.problem.invalid': 'That would make the scenario invalid: {reason}',
  'student.problem.noSuchAction': 'There is no added action {n} to take back.',
  'student.notice.badAdd':
    'The client actions added in this link could not be used ({reason}); showing the scenario without them.',
} satisfies Messages;
