/** Why part of a link was refused (src/i18n/reason.ts), shown inside a notice's sentence, loaded when one is on screen (English; src/i18n/zh/pages/reasons.ts has the same keys in Chinese). */
import type { Messages } from '../../core.ts';

export default {
  'reason.problem': '{path}: {problem}',
  'reason.problems': '{path}: {problem} (and {more} more problems)',

  'reason.url.tooLong': 'too long',
  'reason.url.badEscape': 'a bad % escape',

  'reason.link.tooLong': 'the scenario in the link is {n} characters long; at most {max}',
  'reason.link.noVersion': '"{text}" does not start with a version ("{version}.")',
  'reason.link.newer':
    'the link was made by a version of IO Lab that writes scenarios as version {version}; this one reads version {ours}',
  'reason.link.notBase64': 'the scenario in the link is not base64url text (cut short or changed?)',
  'reason.link.notUtf8': 'the scenario in the link is not UTF-8 text (cut short or changed?)',
  'reason.link.notJson': 'the scenario in the link is not valid JSON (cut short or changed?): {detail}',
  'reason.link.tooBig':
    'the scenario has {n} connections; the lab opens at most {max} (run it with the command line)',

  'reason.add.tooMany': '{n} added actions; at most {max}',
  'reason.add.shape': 'added action {i} "{text}": expected client_kind+time[_message]',
  'reason.add.noClient': 'added action {i} "{text}": no client name, or a bad % escape in it',
  'reason.add.notKind':
    'added action {i} "{text}": "{field}" is not a kind letter (c, s, x, r) and a time in ms',
  'reason.add.unknownKind':
    'added action {i} "{text}": unknown kind "{kind}" (c = connect, s = send, x = close, r = reset)',
  'reason.add.late': 'added action {i} "{text}": time {at} ms is past {max} ms',
  'reason.add.noMessage': 'added action {i} "{text}": a send needs a message (or a bad % escape in it)',
  'reason.add.notSend': 'added action {i} "{text}": only a send carries a message',
} satisfies Messages;
