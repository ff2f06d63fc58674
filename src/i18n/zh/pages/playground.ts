/** 练习场“自己写服务器”（中文；英文见 src/i18n/en/pages/playground.ts，键相同）。 */
import type { Messages } from '../../core.ts';

export default {
  'playground.title': '自己写服务器',
  'playground.intro':
    '写一个 Python 服务器（或者改一改我们的），选好客户端，按“运行”：真正的 CPython 3.14 就在这个页面里运行你的程序，它发出的每个套接字调用都由模拟的 Linux 内核执行。然后一步步看内核做了什么，你的代码运行到哪一行就高亮哪一行。只有一个线程、一个进程：线程、fork 和文件都不在模拟范围内。',
  'playground.editor': '你的 Python 程序',
  'playground.start': '从这里开始',
  'playground.start.blank': '空白程序',
  'playground.start.listing': '代码清单 {file}',
  'playground.start.load': '替换我的程序',
  'playground.start.confirm': '用这段程序替换你的程序吗？你的修改会丢失。',
  'playground.clients': '客户端',
  'playground.clients.option': '{title}（{n} 个客户端）',
  'playground.budget': 'CPU 预算（不做系统调用时最多运行的毫秒数）',
  'playground.run': '运行',
  'playground.cancel': '取消',
  'playground.copyLink': '复制链接',
  'playground.link.copied': '链接已复制：打开它，练习场会载入这段程序和这些客户端，并运行它。',
  'playground.link.failed': '链接没能复制（浏览器拒绝了）：请直接从地址栏复制。',
  'playground.link.tooLong':
    '这段程序太长，放不进链接（{n} 个字符，最多 {max} 个）。请改为保存场景文件（运行之后，“保存”里的“场景”）：用“打开场景文件…”就能在这里打开。',
  'playground.draft.kept': '你输入的程序会随时保存在这个浏览器里：刷新页面也不会丢。',
  'playground.draft.notKept': '这个浏览器没法保存你的程序（存储被关闭或已满）：请另外复制一份保存。',
  'playground.stage.loading':
    '正在载入 Python（编译成 WebAssembly 的 CPython，压缩后约 4 MB；只有第一次需要下载，之后离线也能用）……',
  'playground.stage.running': '正在让你的程序对着模拟内核运行……',
  'playground.progress': '进度',
  'playground.cancelled': '已取消。按“运行”重新开始（Python 会重新载入）。',
  'playground.failed': '运行失败：{message}',
  'playground.invalid': '这段程序无法运行：{problems}',
  'playground.ran':
    '运行完毕：共 {calls} 次系统调用。Python 载入用了 {load} 毫秒，运行用了 {run} 毫秒。在下面一步步查看。',
  'playground.error.syntax': '你的程序第 {line} 行有语法错误，CPython 的提示是：',
  'playground.error.import': '第 {line} 行的导入失败了，CPython 的提示是：',
  'playground.error.unsupported':
    '第 {line} 行用到了 IO Lab 没有模拟的功能（这里只模拟一个单线程进程和它的套接字），CPython 抛出了：',
  'playground.error.error':
    '第 {line} 行抛出的异常没有被捕获，进程因此结束（退出状态 1），和在 Linux 上一样。CPython 的提示是：',
  'playground.error.cpu-budget':
    'IO Lab 在第 {line} 行停下了你的程序：它连续运行了 {ms} 毫秒的 CPU，却一次系统调用也没做（是死循环吗？）。停下之前的每一步都在下面。如果你的程序确实需要更久，请把上面的“CPU 预算”调高（最多 {max} 毫秒）再按“运行”；命令行里是：npm run sim -- <场景> --program <文件.py> --cpu-budget-ms N。',
  'playground.error.output-cap': 'IO Lab 在第 {line} 行停下了你的程序：它的输出超过了 1 MiB。',
  'playground.error.noListen': '你的程序一直没有调用 listen()：客户端的连接都被拒绝了。',
  'playground.traceback': '回溯信息',
} satisfies Messages;
