/** 实验页上的导入与导出（src/ui/share/）、嵌入链接、离线。 */
import type { Messages } from '../core.ts';

export default {
  'share.region': '文件',
  'share.open': '打开场景文件…',
  'share.open.hint': '也可以把 .json 文件拖到页面上',
  'share.save': '保存',
  'share.save.scenario': '场景（JSON）',
  'share.save.trace': '事件轨迹（JSON）',
  'share.save.log': '系统调用记录（文本）',
  'share.save.svg': '当前画面（SVG）',
  'share.save.png': '当前画面（PNG）',
  'share.handout': '可打印讲义',
  'share.drop': '松开鼠标即可打开这个场景文件',
  'share.opening': '正在运行“{title}”（{clients} 个客户端）…',
  'share.opened': '已从 {file} 打开“{title}”。',
  'share.refused': '{file} 没有打开：发现 {count} 处问题。当前的场景没有改动。',
  'share.refused.close': '关闭',
  'share.tooBig': '大小为 {size} MB，场景文件最多 {max} MB',
  'share.notJson': '不是 .json 文件',
  'share.readFailed': '无法读取：{message}',
  'share.pictureFailed': '画面导出失败：{message}',
  'embed.open': '在 IO Lab 中打开 ↗',
  'share.more': '……还有 {n} 处。',
  'nav.handout': '讲义',
  'share.fold': '文件：打开场景、保存、讲义',
  'share.tooLarge': '一共有 {n} 个连接；逐步演示在每一步都要画出所有连接，超过 {max} 个就会卡顿。请在命令行运行：npm run sim -- {file}',
} satisfies Messages;
