import type { Lang } from '../catalog/schema.js';

/** Words only the Adaptive Card (Teams) surfaces need, in both languages. */
const ADAPTIVE_LABELS = {
  sections: { en: 'Parts of this case', zh: '查看案例的部分' },
  welcome: {
    en: 'Hi, I’m casebot. I answer cloud-native architecture questions with real-world cases: e-commerce flash sales, finance, edge/IoT and AI inference. In a channel, mention me (@casebot flash sale traffic); here, just ask.',
    zh: '你好，我是 casebot。我用真实案例回答云原生架构问题：电商秒杀、金融系统、边缘计算/物联网和 AI 推理。在频道里请 @casebot 提问（如 @casebot 秒杀流量），在这里直接提问即可。',
  },
  draftTitle: { en: '📝 Draft case: {file}', zh: '📝 案例草稿：{file}' },
  draftHow: {
    en: 'Copy this into {file} in your casebook folder, replace every “TODO:”, then run casebot validate (it names the ones left). Teams gives casebot only the message you picked, not its replies: when it is a reply, its author is the first owner.',
    zh: '把下面的内容复制到案例库目录下的 {file}，替换掉每个 “TODO:”，然后运行 casebot validate（它会列出剩下的）。Teams 只把你选中的那条消息交给 casebot，不含回复：如果它是一条回复，它的作者会成为第一位负责人。',
  },
  draftDialog: { en: 'Draft a case', zh: '起草案例' },
} as const satisfies Record<string, { en: string; zh: string }>;

export type AdaptiveLabelKey = keyof typeof ADAPTIVE_LABELS;

export function adaptiveLabel(
  key: AdaptiveLabelKey,
  lang: Lang,
  vars: Record<string, string> = {},
): string {
  return ADAPTIVE_LABELS[key][lang].replace(/\{(\w+)\}/g, (_, name: string) => vars[name] ?? '');
}
