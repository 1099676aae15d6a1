import slugify from 'slugify';

/** The longest slug made from a title, before any suffix: long enough to read, short enough for an address. */
const MAX_BASE_LENGTH = 80;

/**
 * A PedEx address from a title: lower case ASCII words joined by hyphens (slugify transliterates
 * accents and symbols: "Étude & maths" → "etude-and-maths"), cut at a word boundary. A title with
 * nothing to keep gives "article". Matches the research_projects slug CHECK.
 */
export function slugFromTitle(title: string): string {
  const words = slugify(title, { lower: true, strict: true, locale: 'en', trim: true }).split('-').filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_BASE_LENGTH) break;
    slug = next;
  }
  return slug || words[0]?.slice(0, MAX_BASE_LENGTH) || 'article';
}

/** The first of base, base-2, base-3, ... that is not taken. */
export function firstFreeSlug(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) if (!taken.has(`${base}-${n}`)) return `${base}-${n}`;
}
