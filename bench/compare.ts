/** Paths where two JSON values differ, each with both values. */
export function diff(expected: unknown, actual: unknown, at: string, out: string[] = []): string[] {
  if (out.length >= 50) return out;
  if (Array.isArray(expected) && Array.isArray(actual)) {
    if (expected.length !== actual.length) out.push(`${at}: ${expected.length} items in the baseline, ${actual.length} from the API`);
    for (let i = 0; i < Math.min(expected.length, actual.length); i++) diff(expected[i], actual[i], `${at}[${i}]`, out);
  } else if (expected && actual && typeof expected === 'object' && typeof actual === 'object' && !Array.isArray(expected) && !Array.isArray(actual)) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) diff((expected as Record<string, unknown>)[key], (actual as Record<string, unknown>)[key], `${at}.${key}`, out);
  } else if (expected !== actual) {
    out.push(`${at}: baseline ${JSON.stringify(expected)}, API ${JSON.stringify(actual)}`);
  }
  return out;
}
