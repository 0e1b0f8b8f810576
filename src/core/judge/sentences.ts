/**
 * A message's prose cut into sentences, lower-cased (NFKC already applied), each with whether it
 * ends in a question mark. Chinese full stops and question marks count; a line break ends a
 * sentence too (chat messages rarely punctuate their last line).
 */
export interface Sentence {
  readonly text: string;
  readonly questionMark: boolean;
}

/**
 * After a stop, question or exclamation mark, a line break, a full stop before a space (not
 * "v2.3"), or a Chinese sentence-final particle before a space: chat drops the question mark
 * and spaces sentences apart ("有完整的 case 吗 发我看看").
 */
const END =
  /(?<=[!?;。！？；\n])(?![!?;。！？；\n])|(?<=\.)(?=\s)|(?<=(?<![什怎这那多要干])[吗呢吧么嘛])(?=\s+\S)/u;

export function sentences(prose: string): Sentence[] {
  const out: Sentence[] = [];
  for (const raw of prose.toLowerCase().split(END)) {
    const text = raw.replace(/[.!?;。！？；\s]+$/u, '').trim();
    if (!/[\p{L}\p{N}]/u.test(text)) continue;
    out.push({ text, questionMark: /[?？]/.test(raw.slice(raw.lastIndexOf(text) + text.length)) });
  }
  return out;
}

/**
 * The clauses of a message: its sentences cut at commas, colons and dashes, which is where a
 * question is set apart from its setting ("金融交易系统上k8s，等保和合规一般怎么做？"). Only a
 * sentence's last clause carries its question mark; `emphatic` marks "??" and "?!".
 */
export interface Clause extends Sentence {
  readonly emphatic: boolean;
}

export function clauses(prose: string): Clause[] {
  const out: Clause[] = [];
  for (const raw of prose.toLowerCase().split(END)) {
    const parts = raw
      .split(/[,，:：]|\s[-–—]+\s|[—–]{1,2}/)
      .map((c) => c.replace(/[.!?;。！？；\s]+$/u, '').trim())
      .filter((c) => /[\p{L}\p{N}]/u.test(c));
    const tail = raw.replace(/^[\s\S]*?(?=[.!?;。！？；\s]*$)/u, '');
    const questionMark = /[?？]/.test(tail);
    const emphatic = /[?？][?？!！]|[!！][?？]/.test(tail);
    parts.forEach((text, i) => {
      const last = i === parts.length - 1;
      out.push({ text, questionMark: last && questionMark, emphatic: last && emphatic });
    });
  }
  return out;
}
