/** Strings of the panels concern (Chinese; the same keys as src/i18n/en/panels.ts): code, clients, strace log, meters, narration frame. */
import type { Messages } from '../core.ts';

export default {
  'panels.narr.step': '第 {k} 步，共 {n} 步',
  'panels.narr.time': 't = {ms} 毫秒',
  'panels.where.start': '开始',
  'panels.where.python': 'Python（用户空间）',
  'panels.where.syscall': '系统调用',
  'panels.where.kernel': '内核',
  'panels.where.network': '网络',
  'panels.where.client': '客户端',
  'panels.where.operator': '管理员',
  'panels.where.error': '未捕获的异常',
  'panels.where.end': '结束',
} satisfies Messages;
