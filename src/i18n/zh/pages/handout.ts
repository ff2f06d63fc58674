/** 可打印讲义（src/ui/handout/）。 */
import type { Messages } from '../../core.ts';

export default {
  'handout.title': '讲义：{title}',
  'handout.intro':
    '“{scenario}”中 {n} 个步骤的机器快照，每张都附有这一步发生了什么。可以直接打印，也可以另存为 PDF。',
  'handout.print': '打印…',
  'handout.back': '回到逐步演示',
  'handout.still': '图 {k}',
  'handout.think': '先想一想：',
  'handout.listing': '服务器程序：{file}',
  'handout.source': 'IO Lab，场景“{id}”，随机种子 {seed}。',
  'handout.notice.badLesson': '没有名为“{id}”的课程，下面改为显示一个场景的讲义。',
  'handout.notice.badScenario': '没有名为“{id}”的场景，讲义改为显示“{fallback}”。',
  'handout.notice.badSteps': '有些步骤被略去了（{steps}）：步骤必须是小于 {total} 的整数。',
  'handout.notice.badLink': '这个链接里携带的场景“{id}”无法读取（在实验室中打开该链接可以看到原因）。',
  'handout.notice.notRun':
    '“{id}”运行的是你自己的程序：请先在实验室中打开它（程序在那里运行），再打开它的讲义。',
  'handout.notice.tooMany': '一份讲义最多 {max} 张图，这里只显示前 {max} 张。',
  'handout.question': '问题 {k}：',
  'handout.pickOne': '选一项。',
  'handout.pickMany': '选出所有符合的项。',
  'handout.why': '为什么？',
  'handout.key': '参考答案',
  'handout.key.answer': '答案：',
} satisfies Messages;
