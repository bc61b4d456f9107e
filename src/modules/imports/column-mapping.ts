import { IMPORT_FIELDS, REQUIRED_IMPORT_FIELDS, type ImportField, type ImportKindValue } from '../../contracts/imports.js';

/**
 * Column headers as Portuguese and English spreadsheets write them, per field, compared without case,
 * accents, spaces or punctuation. Our own exports' headers are among them, so an export imports back.
 */
const ALIASES: Record<ImportKindValue, Partial<Record<ImportField, string[]>>> = {
  clients: {
    phone: ['telefone', 'telemovel', 'telemóvel', 'tel', 'contacto', 'contacto telefonico', 'numero de telefone', 'phone', 'mobile', 'phone number', 'cell'],
    name: ['nome', 'nome completo', 'cliente', 'nome do cliente', 'name', 'full name', 'client', 'client name', 'customer'],
    email: ['email', 'e-mail', 'correio eletronico', 'correio eletrónico', 'mail', 'email address'],
    nif: ['nif', 'nipc', 'nif/nipc', 'contribuinte', 'numero de contribuinte', 'nº contribuinte', 'tax id', 'vat number', 'vat'],
    dateOfBirth: ['data de nascimento', 'nascimento', 'data nascimento', 'date of birth', 'birth date', 'birthdate', 'dob', 'birthday'],
    notes: ['notas', 'observacoes', 'observações', 'obs', 'notes', 'comments', 'remarks'],
    companyName: ['empresa', 'nome da empresa', 'razao social', 'razão social', 'denominacao', 'company', 'company name'],
    isEnterprise: ['cliente empresarial', 'e empresa', 'é empresa', 'empresarial', 'enterprise', 'is enterprise', 'business client'],
    locale: ['idioma', 'lingua', 'língua', 'language', 'locale'],
  },
  properties: {
    clientPhone: ['telefone do cliente', 'telefone cliente', 'telefone', 'telemovel', 'client phone', 'phone'],
    clientNif: ['nif do cliente', 'nif cliente', 'nif', 'contribuinte', 'client nif', 'client tax id'],
    name: ['nome', 'nome do imovel', 'nome do imóvel', 'imovel', 'imóvel', 'propriedade', 'property', 'property name', 'name'],
    addressLine1: ['morada', 'morada 1', 'endereco', 'endereço', 'rua', 'address', 'address line 1', 'street'],
    addressLine2: ['morada 2', 'complemento', 'andar', 'address line 2', 'address 2'],
    city: ['localidade', 'cidade', 'concelho', 'city', 'town'],
    postalCode: ['codigo postal', 'código postal', 'cod postal', 'cp', 'postal code', 'postcode', 'zip', 'zip code'],
    district: ['distrito', 'regiao', 'região', 'district', 'region'],
    propertyType: ['tipo', 'tipo de imovel', 'tipo de imóvel', 'tipologia', 'type', 'property type'],
    accessInstructions: ['instrucoes de acesso', 'instruções de acesso', 'acesso', 'chaves', 'access', 'access instructions', 'keys'],
    isPrimary: ['principal', 'morada principal', 'primary', 'is primary', 'main'],
  },
  services: {
    code: ['codigo', 'código', 'referencia', 'referência', 'ref', 'code', 'service code'],
    name: ['nome', 'servico', 'serviço', 'designacao', 'designação', 'nome (pt)', 'name', 'service', 'service name'],
    nameEn: ['nome em ingles', 'nome em inglês', 'nome (en)', 'name (en)', 'english name', 'name en'],
    pricingUnit: ['unidade', 'unidade de preco', 'unidade de preço', 'tipo de preco', 'unit', 'pricing unit'],
    price: ['preco', 'preço', 'preco (eur)', 'preço (eur)', 'valor', 'price', 'price (eur)', 'unit price'],
    minimumCharge: ['minimo', 'mínimo', 'valor minimo', 'valor mínimo', 'preco minimo', 'minimum', 'minimum charge'],
    description: ['descricao', 'descrição', 'description', 'details'],
  },
};

/** "Código Postal" → "codigopostal": the form headers are compared in. */
export function headerKey(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

const KEYS = Object.fromEntries(
  Object.entries(ALIASES).map(([kind, fields]) => [
    kind,
    new Map(Object.entries(fields).flatMap(([field, aliases]) => [[headerKey(field), field], ...aliases.map((a) => [headerKey(a), field] as const)])),
  ]),
) as Record<ImportKindValue, Map<string, ImportField>>;

/** The field each column fills, from its header; a field goes to the first column that names it. */
export function suggestColumns(kind: ImportKindValue, headers: string[]): Array<ImportField | null> {
  const taken = new Set<ImportField>();
  return headers.map((h) => {
    const field = KEYS[kind].get(headerKey(h));
    if (!field || taken.has(field)) return null;
    taken.add(field);
    return field;
  });
}

/** Required fields that no column fills (`a|b` is satisfied by either). */
export function missingFields(kind: ImportKindValue, columns: ReadonlyArray<string | null>): string[] {
  const mapped = new Set(columns.filter(Boolean));
  return REQUIRED_IMPORT_FIELDS[kind].filter((req) => !req.split('|').some((f) => mapped.has(f)));
}

/** A mapping names only the kind's fields, each at most once; the problems, or an empty list. */
export function mappingProblems(kind: ImportKindValue, columns: ReadonlyArray<string | null>, headerCount: number): string[] {
  const problems: string[] = [];
  if (columns.length !== headerCount) problems.push(`the mapping must have one entry per column (${headerCount})`);
  const allowed = new Set<string>(IMPORT_FIELDS[kind]);
  const seen = new Set<string>();
  for (const f of columns) {
    if (f === null) continue;
    if (!allowed.has(f)) problems.push(`${f} is not a field of a ${kind} import`);
    if (seen.has(f)) problems.push(`${f} is mapped to more than one column`);
    seen.add(f);
  }
  return problems;
}
