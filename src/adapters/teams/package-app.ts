import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAppPackage } from './app-package.js';

/**
 * `npm run teams:package [-- OUT.zip]`: writes the Teams app package (default
 * build/casebot-teams.zip) with MICROSOFT_APP_ID filled in. An entry point, like cli.ts: it
 * reads the environment and exits with 1 and a clear message when something is missing.
 */
function main(argv: readonly string[], env: NodeJS.ProcessEnv): number {
  const out = path.resolve(argv[0] ?? 'build/casebot-teams.zip');
  try {
    const { zip, manifest } = buildAppPackage(env);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, zip);
    process.stdout.write(
      `Wrote ${out} (manifest ${String(manifest.manifestVersion)}, app id ${String(manifest.id)}).\n` +
        'Upload it in Teams: Apps → Manage your apps → Upload an app → Upload a custom app.\n',
    );
    return 0;
  } catch (error) {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
}

process.exitCode = main(process.argv.slice(2), process.env);
