import { englishDate } from '../../common/academic-year';
import { BadUserInput } from '../../common/errors';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const PHONE = /^\+?[0-9][0-9 ()-]{5,19}$/;

export function requiredText(value: string, field: string, max = 100): string {
  const trimmed = value.trim();
  if (!trimmed) throw new BadUserInput(`${field} must not be empty`, field);
  if (trimmed.length > max) throw new BadUserInput(`${field} must be at most ${max} characters`, field);
  return trimmed;
}

export function optionalText(value: string | null | undefined, field: string, max = 200): string | null {
  if (value === null || value === undefined) return null;
  const trimmed = value.trim();
  if (trimmed.length > max) throw new BadUserInput(`${field} must be at most ${max} characters`, field);
  return trimmed || null;
}

export function optionalEmail(value: string | null | undefined, field: string): string | null {
  const email = optionalText(value, field, 254)?.toLowerCase() ?? null;
  if (email !== null && !EMAIL.test(email)) throw new BadUserInput(`${field} is not an email address`, field);
  return email;
}

export function optionalPhone(value: string | null | undefined, field: string): string | null {
  const phone = optionalText(value, field, 20);
  if (phone !== null && !PHONE.test(phone)) throw new BadUserInput(`${field} is not a phone number`, field);
  return phone;
}

/** A past date, not before 1950: nobody led a school before then and is still working. */
export function optionalPastDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  const today = englishDate();
  if (value > today || value < '1950-01-01') throw new BadUserInput(`${field} must be a date between 1950 and today`, field);
  return value;
}
