/**
 * Phone numbers are stored and compared in E.164. A bare Portuguese 9-digit number gets +351; other
 * countries must be written with their + prefix (or 00). Returns null when the input is not a number.
 */
export function normalizePhone(input: string): string | null {
  const trimmed = input.trim();
  if (trimmed === '') return null;
  if (/[^\d\s().+-]/.test(trimmed)) return null;
  let digits = trimmed.replace(/[\s().-]/g, '');
  if (digits.startsWith('00')) digits = `+${digits.slice(2)}`;
  if (digits.startsWith('+')) {
    const rest = digits.slice(1);
    if (!/^\d{8,15}$/.test(rest)) return null;
    if (rest.startsWith('351') && !isPortugueseNational(rest.slice(3))) return null;
    return `+${rest}`;
  }
  if (!/^\d+$/.test(digits)) return null;
  if (digits.length === 12 && digits.startsWith('351') && isPortugueseNational(digits.slice(3))) return `+${digits}`;
  if (isPortugueseNational(digits)) return `+351${digits}`;
  return null;
}

/** Portuguese numbers have 9 digits: mobiles start with 9, landlines with 2, service numbers with 3, 7 or 8. */
function isPortugueseNational(digits: string): boolean {
  return /^[23789]\d{8}$/.test(digits);
}

/** A stored E.164 phone as people read it: +351 912 345 678 for Portuguese numbers, others as stored. */
export function displayPhone(phone: string): string {
  const match = /^\+351(\d{3})(\d{3})(\d{3})$/.exec(phone);
  return match ? `+351 ${match[1]} ${match[2]} ${match[3]}` : phone;
}
