/**
 * Lines people paste rather than write: log lines, stack traces, YAML and JSON, command output
 * (kubectl's columns, events), shell commands and alerts. A message made of them, or carrying a
 * code block, is a paste: something to look at, not a question for the casebook.
 *
 * Every pattern here is anchored or bounded, so a line costs linear time however long it is.
 */

const LOG_LINE: readonly RegExp[] = [
  // Timestamps: 2024-06-13 02:14:07, 2024-06-13T02:14:07Z, 02:14:07.123, klog's E0613 02:14:07.
  /^\s*[[(]?\d{4}[-/]\d{2}[-/]\d{2}[ T]\d{2}:\d{2}/,
  /^\s*[[(]?\d{2}:\d{2}:\d{2}(?:[.,]\d+)?\b/,
  /^\s*[EWIFD]\d{4} \d{2}:\d{2}:\d{2}/,
  // Level first: ERROR …, [WARN] …, level=error …
  /^\s*[[(]?(?:error|err|warn|warning|info|debug|fatal|trace|panic|critical|crit)[\]):]/i,
  /^\s*[[(]?(?:ERROR|WARN|WARNING|INFO|DEBUG|FATAL|TRACE|PANIC|CRITICAL)\b/,
  /\blevel=(?:error|warn|warning|info|debug|fatal)\b/i,
  /\b(?:ts|time|msg|caller|logger)=\S/,
  // Stack traces: JS, Java, Python, Go.
  /^\s+at [\w$.<>[\]]+ ?\(/,
  /^\s+at [\w$./<>-]+:\d+:\d+\)?$/,
  /^\s*Traceback \(most recent call last\)/,
  /^\s*File "[^"]{1,300}", line \d+/,
  /^\s*(?:Caused by|Exception in thread)\b/,
  /^\s*[\w.$]{1,120}(?:Error|Exception)(?::|$)/,
  /^\s*goroutine \d+ \[/,
  /^\s*panic: /,
  // JSON objects and arrays.
  /^\s*[{[]\s*"[\w.-]{1,80}"\s*:/,
  // kubectl and Kubernetes events: NAME READY STATUS…, "Warning  FailedScheduling  3m  …".
  /^\s*(?:NAME|NAMESPACE|LAST SEEN)\s{2,}\S/,
  /^\s*(?:Normal|Warning)\s{2,}[A-Z]\w+\s{2,}/,
  /^\s*Error from server\b/,
  /^\s*error: /,
  // Shell prompts and commands as typed.
  /^\s*[$#>] (?:kubectl|helm|docker|curl|git|k9s|istioctl|sudo|npm|go|python|ssh|cat|ls|systemctl|journalctl)\b/,
  /^\s*(?:kubectl|helm|docker|istioctl|systemctl|journalctl) [\w-]+ /,
  // Alerts as monitoring posts them.
  /^\s*\[(?:FIRING|RESOLVED)(?::\d+)?\]/i,
  /^\s*【(?:告警|报警|恢复|故障|通知|预警)】/,
  /\b(?:alertname|severity)=\S/,
  /^\s*(?:ALERT|Alert|告警|报警)\s*[:：]/,
  // HTTP exchanges.
  /^\s*(?:GET|POST|PUT|DELETE|PATCH|HEAD) \/\S*/,
  /^\s*HTTP\/\d(?:\.\d)? \d{3}\b/,
];

/** A YAML mapping line (`key: value`, `- name: x`) or a manifest's tell-tale keys. */
const YAML_LINE = /^\s*(?:- )?[\w.\-/"]{1,60}:(?:\s+\S.*)?$/;
const MANIFEST =
  /^\s*(?:apiVersion|kind|metadata|spec|replicas|containers|image|resources|limits|requests):/;

/** Columns of command output: three or more cells separated by runs of two or more spaces or tabs. */
const COLUMNS = /^\s*\S+(?:(?: {2,}|\t+)\S+){2,}\s*$/;

export function isLogLine(line: string): boolean {
  return LOG_LINE.some((p) => p.test(line));
}

/** Whether the lines of a message, taken together, are a paste (YAML, columns, logs). */
export function pastedLines(lines: readonly string[]): boolean[] {
  const yaml = lines.map((l) => YAML_LINE.test(l) && !/[?？]\s*$/.test(l));
  const yamlRun = yaml.filter(Boolean).length >= 3 || lines.some((l) => MANIFEST.test(l));
  const columns = lines.filter((l) => COLUMNS.test(l)).length >= 2;
  return lines.map(
    (l, i) =>
      isLogLine(l) ||
      (yamlRun && (yaml[i]! || /^\s+\S/.test(l) || /^\s*-\s/.test(l))) ||
      (columns && COLUMNS.test(l)),
  );
}
