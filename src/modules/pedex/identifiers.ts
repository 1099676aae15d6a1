import spdxCorrect from 'spdx-correct';
import spdxLicenseIds from 'spdx-license-ids';

/**
 * The identifiers of a PedEx publication, checked before anything is saved. ISSN and ORCID carry a
 * check digit, so a mistyped one is caught here rather than published: small functions, as the
 * registry's packages for them are little used; licences are matched against the SPDX list.
 */

/** ISSN (ISO 3297): seven digits weighted 8 down to 2, and a check character making the sum a multiple of 11 (10 written X). */
export function isValidIssn(value: string): boolean {
  const match = /^(\d{4})-?(\d{3})([\dX])$/i.exec(value.trim());
  if (!match) return false;
  const digits = `${match[1]}${match[2]}`;
  const sum = [...digits].reduce((total, d, i) => total + Number(d) * (8 - i), 0);
  const check = (11 - (sum % 11)) % 11;
  return match[3].toUpperCase() === (check === 10 ? 'X' : String(check));
}

/** An ISSN as printed: 2049-3630. Assumes isValidIssn. */
export const formatIssn = (value: string): string => {
  const compact = value.trim().replace('-', '').toUpperCase();
  return `${compact.slice(0, 4)}-${compact.slice(4)}`;
};

/** ORCID iD: 16 characters whose last is the ISO 7064 MOD 11-2 check character of the first 15 digits. */
export function isValidOrcid(value: string): boolean {
  const bare = orcidBare(value);
  if (!/^\d{15}[\dX]$/.test(bare)) return false;
  let total = 0;
  for (const d of bare.slice(0, 15)) total = (total + Number(d)) * 2;
  const result = (12 - (total % 11)) % 11;
  return bare[15] === (result === 10 ? 'X' : String(result));
}

/** The 16 characters of an ORCID iD, written with or without hyphens or as its https://orcid.org/ address. */
const orcidBare = (value: string) => value.trim().replace(/^https?:\/\/orcid\.org\//i, '').replace(/-/g, '').toUpperCase();

/** An ORCID iD as stored: 0000-0002-1825-0097. Assumes isValidOrcid. */
export const formatOrcid = (value: string): string => orcidBare(value).match(/.{4}/g)!.join('-');

/**
 * A DOI in Crossref's recommended pattern, which matches 74.4M of their 74.9M DOIs and admits no
 * quote or angle bracket (a DOI reaches the site's JSON-LD script and its links); also given as its
 * https://doi.org/ address; DOIs are case-insensitive.
 */
const DOI = /^10\.\d{4,9}\/[-._;()/:A-Z0-9]+$/i;
export const normaliseDoi = (value: string): string => value.trim().replace(/^https?:\/\/(dx\.)?doi\.org\//i, '').replace(/^doi:/i, '');
export const isValidDoi = (value: string): boolean => DOI.test(normaliseDoi(value)) && normaliseDoi(value).length <= 300;

/** An absolute http or https address, nothing else (no javascript:, data: or relative links on the public site). */
export function isHttpUrl(value: string): boolean {
  if (value.length > 2000) return false;
  try {
    const url = new URL(value.trim());
    return (url.protocol === 'http:' || url.protocol === 'https:') && !!url.hostname;
  } catch {
    return false;
  }
}

const BY_LOWER_CASE = new Map<string, string>(spdxLicenseIds.map((id: string) => [id.toLowerCase(), id]));

/**
 * A licence as its SPDX identifier: an identifier in any case ("cc-by-4.0"), or a name spdx-correct
 * recognises ("CC BY 4.0", "Apache 2"). Null for anything else ("All rights reserved" is not a licence
 * a journal can publish under openly; such a publication states no licence and is refused).
 */
export function spdxLicence(value: string): string | null {
  const trimmed = value.trim();
  if (!trimmed || trimmed.length > 100) return null;
  const exact = BY_LOWER_CASE.get(trimmed.toLowerCase());
  if (exact) return exact;
  const corrected = spdxCorrect(trimmed, { upgrade: true });
  return corrected && BY_LOWER_CASE.has(corrected.toLowerCase()) ? BY_LOWER_CASE.get(corrected.toLowerCase())! : null;
}
