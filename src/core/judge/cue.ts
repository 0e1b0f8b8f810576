/**
 * How the judgement's word lists are written: alternatives separated by ` | ` (any white space
 * around the bar, line breaks too), as regular expression sources. Inside an alternative a group
 * may use `|` without spaces. `en` matches English alternatives as whole words; `zh` anywhere.
 */
function alternatives(strings: TemplateStringsArray, values: readonly unknown[]): string {
  return String.raw({ raw: strings.raw }, ...values)
    .split(/\s+\|\s+/)
    .map((a) => a.trim())
    .filter(Boolean)
    .join('|');
}

export function en(strings: TemplateStringsArray, ...values: unknown[]): RegExp {
  return new RegExp(`\\b(?:${alternatives(strings, values)})\\b`);
}

export function zh(strings: TemplateStringsArray, ...values: unknown[]): RegExp {
  return new RegExp(alternatives(strings, values));
}

/** Whether any of the patterns matches the text. */
export function any(patterns: readonly RegExp[], text: string): boolean {
  return patterns.some((p) => p.test(text));
}
