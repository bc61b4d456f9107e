import type { TFunction } from 'i18next';

/** A draft's error token ("max:200 kg", "decimals:3") as a sentence in the interface language. */
export function fieldMessage(token: string | undefined, t: TFunction<'laundry'>): string | undefined {
  if (!token) return undefined;
  const [name = 'invalid', ...rest] = token.split(':');
  const arg = rest.join(':');
  switch (name) {
    case 'required':
    case 'number':
    case 'positive':
    case 'chooseClient':
    case 'chooseService':
    case 'deliveryPlace':
    case 'invalid':
      return t(`validation.${name}`);
    // A server refusal tied to this field ('api:<CODE>'): the form's notice says why.
    case 'api':
      return t('validation.invalid');
    case 'max':
      return t('validation.max', { max: arg });
    case 'decimals':
      return t('validation.decimals', { count: Number(arg) });
    case 'tooLong':
      return t('validation.tooLong', { count: Number(arg) });
    default:
      return t('validation.invalid');
  }
}
