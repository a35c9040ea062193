const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const checkChars = '10X98765432';

/**
 * Mainland resident ID numbers (GB 11643-1999): 18 characters whose last is an ISO 7064
 * MOD 11-2 check character, with a real birth date in positions 7–14.
 */
export function isValidIdNumber(raw: string, today: Date): boolean {
  const id = raw.toUpperCase();
  if (!/^[1-9][0-9]{16}[0-9X]$/.test(id)) return false;
  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const birth = new Date(Date.UTC(year, month - 1, day));
  if (birth.getUTCFullYear() !== year || birth.getUTCMonth() !== month - 1 || birth.getUTCDate() !== day) return false;
  if (year < 1900 || birth > today) return false;
  return checkCharacter(id.slice(0, 17)) === id[17];
}

/** The ISO 7064 MOD 11-2 check character for the first 17 digits. */
export function checkCharacter(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * weights[i]!;
  return checkChars[sum % 11]!;
}
