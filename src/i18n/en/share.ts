/** Import and export on the lab page (src/ui/share/), the embed link, offline. */
import type { Messages } from '../core.ts';

export default {
  'share.region': 'Files',
  'share.open': 'Open a scenario file…',
  'share.open.hint': 'or drop a .json file on the page',
  'share.save': 'Save',
  'share.save.scenario': 'Scenario (JSON)',
  'share.save.trace': 'Trace (JSON)',
  'share.save.log': 'System calls (text)',
  'share.save.svg': 'Picture (SVG)',
  'share.save.png': 'Picture (PNG)',
  'share.handout': 'Printable handout',
  'share.drop': 'Drop the scenario file to open it',
  'share.opening': 'Running “{title}” ({clients} clients)…',
  'share.opened': 'Opened “{title}” from {file}.',
  'share.refused': '{file} was not opened: {count} problem(s). Your current scenario is unchanged.',
  'share.refused.close': 'Close',
  'share.tooBig': 'is {size} MB; a scenario file may be at most {max} MB',
  'share.notJson': 'is not a .json file',
  'share.readFailed': 'could not be read: {message}',
  'share.pictureFailed': 'The picture could not be made: {message}',
  'embed.open': 'Open in IO Lab ↗',
  'share.more': '…and {n} more.',
  'nav.handout': 'Handout',
  'share.fold': 'Files: open a scenario, save, handout',
  'share.tooLarge':
    'makes {n} connections; the step-through view opens at most {max} (simulating more in the page takes too long). Run it on the command line: npm run sim -- {file}',
  'app.notice.badStepParam': 'The step "{step}" is not a whole number; showing the first step.',
  'share.copyLink': 'Copy link',
  'share.copyLink.title':
    'A link to this moment (the scenario, the step, the view), in the reader’s own language',
  'share.copyLink.done': 'Link copied',
  'share.copyLink.failed': 'Could not copy: copy the address bar instead',
} satisfies Messages;
