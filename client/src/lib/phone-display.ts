/** A stored E.164 phone as people read it: +351 912 345 678 for Portuguese numbers, others as stored. */
export function displayPhone(phone: string): string {
  const match = /^\+351(\d{3})(\d{3})(\d{3})$/.exec(phone);
  return match ? `+351 ${match[1]} ${match[2]} ${match[3]}` : phone;
}
