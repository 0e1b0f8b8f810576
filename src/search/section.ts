import type { Section } from '../catalog/schema.js';

/**
 * The ways people ask for one part of a case, in both languages. `ask` holds whole questions
 * ("what went wrong", "how did they fix", "画一下", "前后对比"); `word` the part's names and
 * words that point at it ("challenges", "numbers", "方案"). Each is a way of *asking*, never a
 * topic. Matched on the normalised question (lower case, punctuation as spaces); English
 * alternatives are whole words. `{who}` stands for whom the question is about ("they", "the
 * shop"), `{what}` for any few words ("gpu serving"): part of the question, but their words
 * still name the case.
 */
interface Asking {
  readonly ask: { readonly en: readonly string[]; readonly zh: string };
  readonly word: { readonly en: readonly string[]; readonly zh: string };
}

const ASKING: Readonly<Record<Section, Asking>> = {
  challenges: {
    ask: {
      en: [
        'why (was|is|were) (it|that|this) (so )?(hard|difficult|tricky)',
        'what (was|is|were) (so |actually |really |most |the most )?(hard|difficult|tricky|wrong)',
        'what made {what} (so )?(painful|hard|difficult|tricky|tough|slow)',
        'what (went|goes|was going) wrong',
        'what (broke|breaks|failed|was broken|kept (breaking|failing))',
        'what (problems?|issues|trouble) did',
        '(run|ran) into',
        'up against',
        'struggled( with)?',
        '(what|things) to (watch out for|look out for|be careful (of|about)|consider)',
        'what kept {who} up at night',
        'what (was|were) holding {who} back',
        'why (was|were) {what} (so )?(hard|tough|difficult|tricky|painful)',
        'what risks',
      ],
      zh: '最难的|最难|最大的问题|主要问题|核心问题|关键问题|难搞|难办|难的地方|难处|要注意什么|注意什么|注意事项|需要注意|踩过的坑|什么坑|哪些坑|遇到了?什么|遇到了?哪些|遇到的问题|难在哪|难在什么|哪里难|卡在哪|卡在什么|什么问题|哪些问题|出了什么',
    },
    word: {
      en: [
        'challenges?',
        'challenging',
        'difficult(y|ies)?',
        'hard(est)? (part|bit)s?',
        'pain ?points?',
        'problems?',
        'issues',
        'troubles?',
        'headaches?',
        'struggles?',
        'bottlenecks?',
        'limitations?',
        'obstacles?',
        'blockers?',
        'gotchas?',
        'pitfalls?',
        'hurdles?',
      ],
      zh: '挑战|难点|痛点|难题|困难|瓶颈|制约|顾虑|踩坑|有坑|障碍|短板|阻碍',
    },
  },
  architecture: {
    ask: {
      en: [
        'how (is|was|are|were) {who} (built|structured|designed|laid out|put together|wired( up)?|connected|hooked up|organi[sz]ed)',
        '(fits?|fitted|hangs?|hung|goes|go) together',
        'wired (up|together)',
        'what talks to what',
        'how {who} (is|was|are|were) (built|structured|designed|laid out|put together|wired( up)?|connected|hooked up|organi[sz]ed)',
        'what are the (pieces|parts|building blocks)',
        'walk (me |us )?through',
        '(requests?|data|traffic) flows?',
        'flows? through',
        'what (does|did|do) (?!(the |their |its )?(numbers?|metrics?|results?|figures|stats|before|benchmarks?|outcomes?|challenges|problems|issues)\\b){who} look like',
        'draw(ing|n)?',
        'sketch',
        'picture of',
      ],
      zh: '怎么设计的|是怎么设计|如何设计的|数据流是怎样|数据流怎么走|数据怎么流|数据流向|请求流向|画一下|画个|画张|画出来|画图|怎么画|给个图|发个图|上个图|有图|长什么样|长啥样|什么样子|怎么组织|如何组织|哪一层|分几层|怎么流转|怎么连|怎么串|怎么搭|怎么拼|怎么组成|由什么组成|有哪些服务|调用关系|全貌',
    },
    word: {
      en: [
        'architecture',
        'architectural',
        'diagrams?',
        'chart',
        'blueprint',
        'topology',
        'components?',
        'building blocks',
        'moving parts',
        'layers',
        'wiring',
        'request flow',
        'data flow',
        'layout',
        'design overview',
        'system design',
      ],
      zh: '整体架构|架构|结构|拓扑|组件|结构图|流程图|示意图|框图|部署图|分层|模块|系统设计',
    },
  },
  metrics: {
    ask: {
      en: [
        'how much',
        'how many',
        'how fast',
        'how (did|does) (it|that|this) (turn out|go|pay off|end up)',
        'turn(ed)? out',
        'pay(s|ed)? off',
        'was it worth',
        'worth it',
        '(get|got|gotten|getting) (better|faster|cheaper)',
        'by how much',
        'how (reliable|stable|available|quick|cheap|efficient|scalable|secure) (did|does|has|have|was|is|were|are)',
        'what did {what} save',
        'by what (percent|percentage|factor)',
        'how did (it|they|\\w+) (change|perform)',
        '(go|goes|went|come|came) (down|up) to',
        'what (changed|improved)',
        'perform(ed)? after(wards)?',
        'what did {who} measure',
        'before (and |vs |versus |to )?after',
      ],
      zh: '有什么收获|优化后怎么样|改完怎么样|之后怎么样|后来怎么样|数据怎么样|有没有数据|结果怎么样|提升了?多少|提高了?多少|快了多少|省了多少|好了多少|少了多少|降低了?多少|多少|多久|几倍|几个9|前后对比|值不值',
    },
    word: {
      en: [
        'metrics?',
        'numbers?',
        'figures',
        'stats',
        'statistics',
        'data points?',
        'kpis?',
        'benchmarks?',
        'results?',
        'outcomes?',
        'improve(d|ments?)?',
        'payoff',
        'measured',
        'impact',
        'faster',
        'cheaper',
        'slower',
        'difference',
        'gains?',
        'speed ?ups?',
        'roi',
      ],
      zh: '指标|数字|效果|成效|收效|成果|收益|缩短|降到|对比数据|性能数据|做到了|改善|变化大|见效',
    },
  },
  solutions: {
    ask: {
      en: [
        'how (did|have|has) {who} (solve|fix|do|handle|tackle|approach|manage|deal with|get around|pull off|address)',
        'how (was|is|were) (it|that|this) (solved|fixed|done|handled|tackled|addressed)',
        'what did {who} (use|do|build|pick|choose|go with|change)',
        'end(ed)? up (doing|using|with)',
        'how did {who} (cope with|get|make|keep|stop|prevent|reduce|cut|speed up|scale)',
        'which \\w+ did {who} (use|deploy|run|pick|choose|adopt)',
        'what (software|products|frameworks|tools) did',
        'what (tech|technology|technologies|software|tools|stack) (runs|ran|is|was|are|were|do|did)',
        'what (was|is) (their|the) answer',
        'doing about',
        'tech did',
        'tech was used',
      ],
      zh: '用的技术|用到的技术|用到了什么|用到哪些|技术选型|选型|部署方式|用了什么|用的什么|用了哪些|用什么技术|用啥|用的啥|靠什么|靠啥|怎么实现|如何实现|怎么落地|怎么搞定|搞定的|怎么做的|是怎么做|咋做的|咋弄的|怎么弄的|怎么处理的|怎么改的',
    },
    word: {
      en: [
        'solutions?',
        'solved?',
        'fix(ed|es)?',
        'workarounds?',
        'remed(y|ies)',
        'recipe',
        'playbook',
        'tech stack',
        'stack',
        'technolog(y|ies)',
        'tools?',
        'tooling',
        'approach',
      ],
      zh: '方案|解决|技术栈|什么技术|落地方案|改造方案|做法|思路|对策|招数|解法',
    },
  },
};

/**
 * A whole question outranks a word ("how did they fix the problems" asks for the fix); among
 * equals, this order decides, so "要解决哪些挑战" asks for the challenges and "架构图" for the
 * architecture.
 */
const ORDER: readonly Section[] = ['challenges', 'architecture', 'metrics', 'solutions'];

type Forms = { readonly en: readonly string[]; readonly zh: string };

/**
 * One pattern per section and tier. Each `{who}` becomes its own named group (`who0`, `who1`…,
 * as a pattern may not repeat a group name), so a match says where its subject was.
 */
function pattern({ en, zh }: Forms): RegExp {
  let n = 0;
  const alternatives = en.map((q) =>
    q
      .replaceAll(
        '{who}',
        () => `(?<who${n++}>they|them|it|that|this|(?:the|their|its) \\w+(?: \\w+){0,2})`,
      )
      .replaceAll('{what}', () => `(?<who${n++}>\\w+(?: \\w+){0,3}?)`),
  );
  return new RegExp(`\\b(?:${alternatives.join('|')})\\b|${zh}`, n > 0 ? 'dgu' : 'gu');
}

const SECTION_PATTERNS: readonly (readonly [Section, RegExp])[] = [
  ...ORDER.map((s): [Section, RegExp] => [s, pattern(ASKING[s].ask)]),
  ...ORDER.map((s): [Section, RegExp] => [s, pattern(ASKING[s].word)]),
];

/** The part of a case a question asks for, and where in the normalised text it said so. */
export interface SectionIntent {
  readonly section: Section | null;
  /** [start, end) character ranges of every section word, so they do not count as case terms. */
  readonly spans: readonly (readonly [number, number])[];
}

/** Section intent of a normalised question (see `normalize`). */
export function detectSection(normalized: string): SectionIntent {
  let section: Section | null = null;
  const spans: [number, number][] = [];
  for (const [name, pattern] of SECTION_PATTERNS) {
    for (const m of normalized.matchAll(pattern)) {
      section ??= name;
      const start = m.index ?? 0;
      const end = start + m[0].length;
      const groups = m.indices?.groups;
      const who = groups && Object.values(groups).find((g) => g !== undefined);
      if (who) spans.push([start, who[0]], [who[1], end]);
      else spans.push([start, end]);
    }
  }
  return { section, spans };
}
