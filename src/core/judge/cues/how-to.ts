import { en, zh } from '../cue.js';

/**
 * How to operate or configure a tool, and what a word means: the tool's manual answers these,
 * not a case. Patterns run on the lower-cased, NFKC-normalised asking clauses.
 */

/** A tool's own operations ("roll back a helm release", "helm怎么回滚"): its manual answers them, not a case. */
const TOOL =
  '(?:helm|kubectl|docker|terraform|git|argo ?cd|argo|flux|istioctl|istio|keda|karpenter|kustomize|prometheus|grafana|jenkins|kafka|redis|nginx)';
export const TOOL_OPERATION = new RegExp(
  [
    String.raw`\bhow (?:do|can|should|would|to) (?:i |you |we )?(?:roll ?back|rollback|revert|install|uninstall|upgrade|configure|restart|delete|debug|template|lint|tag|push|pull|log ?in|set)\b.{0,40}\b${TOOL}\b`,
    String.raw`\b${TOOL}\b.{0,40}\b(?:roll ?back|rollback|revert|install|uninstall|upgrade|configure|restart|delete|template|lint)\b`,
    String.raw`\b${TOOL}\b.{0,20}(?:怎么|如何|咋)(?:回滚|升级|安装|卸载|配置|设置|删除|重启|调试|打包|推送|拉取|登录)`,
  ].join('|'),
);

/**
 * Kubernetes' and tools' own objects and knobs ("node pool", "taint", "helm release", "探针"): a
 * question about them is about configuring a cluster, which no case walks through.
 */
export const CLUSTER_OBJECT =
  /\b(?:namespaces?|configmaps?|service ?accounts?|node ?pools?|taints?|tolerations?|(?:node |pod )?affinity|pvcs?|persistent volumes?|helm (?:releases?|charts?|values)|values\.yaml|crds?|sidecars?|(?:liveness|readiness|startup) probes?|probes?|revisions?|target cpu|cron scaler|resource (?:requests|limits)|requests and limits|quotas?)\b|命名空间|污点|容忍|亲和性|探针|配额|资源限制/;

/**
 * How a technology works ("how does Raft work?", "清算系统是怎么运作的", "…的原理"): its docs and
 * textbooks answer that, not a case of how someone ran it.
 */
export const MECHANISM =
  /^how (?:does|do|is|are) (?!they\b)[\w -]{1,40} (?:work|works|function|operate)\b|\bunder the hood\b|\bin (?:simple|plain|layman's) (?:terms|words)\b|(?:是怎么|是如何|怎么|如何)(?:运作|运转|工作)的?|原理/;

export const HOW_TO = [
  TOOL_OPERATION,
  CLUSTER_OBJECT,
  en`
    how (?:do|can|should|would) (?:i|you) (?:configure|config|set up|setup|install|write|enable|disable|tune|pass|mount|expose|upgrade|template|patch|override) |
    how to (?:configure|config|set up|setup|install|write|enable|disable|add|set|tune|pass|mount|expose|upgrade|delete|remove|create|template|patch|override) |
    what(?:'s| is) the (?:command|flag|syntax|annotation|field|setting|option|parameter|param|value|default) |
    (?:syntax|flag|annotation|parameter|field|env var|environment variable|values\.yaml|helm values) (?:for|to) |
    does \w+(?: \w+)? support | is there a (?:way|flag|option|setting|knob) to |
    what (?:does|is) .{1,40} (?:even |actually )?mean | difference between | scale to zero |
    ^what(?:'s| is| are) (?:a |an )?[\w-]+$ | eli5 | explain like |
    what (?:a|an) [\w ]{1,30} (?:actually |really |even )?(?:does|is) |
    how (?:do|can|should) i (?:set|add|create|get|make|change|increase|decrease|limit|give|assign|allocate|request)
  `,
  zh`
    怎么(?:配置|配(?!合)|写|装|安装|设置|开启|关闭|打开|启用|禁用|调参|传参|挂载|暴露) | (?:命令|参数|配置项|字段|注解|语法)是(?:什么|啥) |
    (?:yaml|helm|values|chart).{0,10}怎么写 | (?:有什么|有啥|的)区别 | 什么意思 | 支持不支持 | 能不能(?:根据|按|基于|设置|配置) |
    缩到0 | ^什么是 | 干嘛的 | 干什么的 | 是做什么的 | 有什么用 | 通俗 | ^[\w-]+是(?:什么|啥)(?:东西)?$ | 缩容到0
  `,
];
