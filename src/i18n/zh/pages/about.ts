/** The about page (Chinese; the same keys as src/i18n/en/pages/about.ts). */
import type { Messages } from '../../core.ts';

export default {
  'about.title': '关于这个模拟',
  'about.intro': 'IO Lab 运行的是一台 Linux 机器的小型确定性模型：同样的场景和种子，总是得到同样的轨迹。',
} satisfies Messages;
