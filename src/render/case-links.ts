/**
 * Links to case files: with CASES_URL set (the casebook's folder on the team's git host), case
 * `ID` lives at `<CASES_URL>/ID.yaml`. Cards link there, and a pasted link of that shape unfurls
 * as the case's card.
 */

const CASE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The folder URL without trailing slashes. */
function base(casesUrl: string): string {
  return casesUrl.replace(/\/+$/, '');
}

/** `<CASES_URL>/ID.yaml`. */
export function caseFileUrl(casesUrl: string, caseId: string): string {
  return `${base(casesUrl)}/${encodeURIComponent(caseId)}.yaml`;
}

/** The host a pasted case link has (what the Slack and Teams manifests must list). */
export function casesHost(casesUrl: string): string {
  return new URL(casesUrl).hostname;
}

/**
 * The case id a URL points at, or null when it is not a case file under CASES_URL. The scheme and
 * host are compared case-insensitively; a query or fragment (`?plain=1`, `#L12`) is allowed, and
 * so is `.yml`.
 */
export function caseIdOfUrl(casesUrl: string, url: string): string | null {
  let folder: URL;
  let link: URL;
  try {
    folder = new URL(`${base(casesUrl)}/`);
    link = new URL(url);
  } catch {
    return null;
  }
  if (link.origin !== folder.origin || !link.pathname.startsWith(folder.pathname)) return null;
  const rest = link.pathname.slice(folder.pathname.length);
  const match = /^([^/]+)\.ya?ml$/.exec(rest);
  if (!match) return null;
  let id: string;
  try {
    id = decodeURIComponent(match[1]!);
  } catch {
    return null;
  }
  return CASE_ID.test(id) && id.length <= 100 ? id : null;
}
