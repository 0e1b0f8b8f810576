import { stringify } from 'yaml';
import type { ImportedCasebook } from './import-md.js';
import { CASE_SCHEMA_FILE } from './json-schema.js';

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 });

/**
 * The files an imported document becomes: `<id>.yaml` per case (each says its own `lang`, so it
 * reads the same in any casebook) and, when the folder has none, a `casebook.yaml` with the
 * document's language and title.
 */
export function importedFiles(
  book: ImportedCasebook,
  from: string,
  withCasebookFile: boolean,
): Map<string, string> {
  const files = new Map<string, string>();
  const origin =
    book.lang === 'zh'
      ? `# 由 \`casebot import\` 从 ${from} 导入。`
      : `# Imported by \`casebot import\` from ${from}.`;
  for (const c of book.cases) {
    files.set(
      `${c.id}.yaml`,
      `# yaml-language-server: $schema=./${CASE_SCHEMA_FILE}\n${origin}\n${yaml(c)}`,
    );
  }
  if (withCasebookFile) {
    files.set(
      'casebook.yaml',
      `${origin}\n${yaml({ lang: book.lang, ...(book.title ? { title: book.title } : {}) })}`,
    );
  }
  return files;
}
