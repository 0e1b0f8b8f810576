import type { z } from 'zod';

/* How a zod issue reads in `file: path: message`: the path as people write it, the message plain. */

/** Formats a zod issue path the way people write it: `metrics[2].before`. */
export function formatPath(segments: readonly PropertyKey[]): string {
  let out = '';
  for (const seg of segments) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else out += out ? `.${String(seg)}` : String(seg);
  }
  return out;
}

export function zodMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.message.includes('received undefined')) {
    return 'Required';
  }
  if (issue.code === 'unrecognized_keys') return `unknown field(s): ${issue.keys.join(', ')}`;
  if (issue.code === 'invalid_union') {
    // A text field: a plain string or a {zh, en} map. Name what is missing, not "Invalid input".
    const branches = issue.errors.map((errors) => errors[0]);
    if (
      branches.every((b) => b?.code === 'invalid_type' && b.message.includes('received undefined'))
    ) {
      return 'Required';
    }
    const inMap = (code: string) =>
      issue.errors
        .flat()
        .filter((e) => e.code === code && (e.path[0] === 'zh' || e.path[0] === 'en'));
    const missing = inMap('invalid_type')
      .filter((e) => e.message.includes('received undefined'))
      .map((e) => String(e.path[0]));
    if (missing.length > 0) {
      const empty = inMap('too_small').map((e) => String(e.path[0]));
      const unknown = issue.errors
        .flat()
        .flatMap((e) => (e.code === 'unrecognized_keys' ? e.keys : []));
      return [
        `a {zh, en} text needs both languages; missing: ${missing.join(', ')}`,
        ...(empty.length > 0 ? [`empty: ${empty.join(', ')}`] : []),
        ...(unknown.length > 0 ? [`unknown field(s): ${unknown.join(', ')}`] : []),
      ]
        .join('; ')
        .concat(" (or write a plain string in the file's lang)");
    }
    const inner = issue.errors.find((errors) => errors.some((e) => e.path.length > 0));
    if (inner?.[0]) return `${formatPath(inner[0].path)}: ${zodMessage(inner[0])}`;
    return 'must be a text: a string, or a map of zh and en strings';
  }
  return issue.message;
}
