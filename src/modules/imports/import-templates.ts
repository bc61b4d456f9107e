import type { ImportKindValue } from '../../contracts/imports.js';
import { BOM, DIALECTS, textCell } from '../../lib/csv.js';

type Template = { headers: Record<'pt' | 'en', string[]>; examples: string[][] };

/**
 * Files to fill in: the headers the import recognises and two example rows each (their NIFs have valid
 * check digits, so a template uploaded as it is imports cleanly). `;` and a BOM, as Portuguese Excel
 * opens them with a double click.
 */
const TEMPLATES: Record<ImportKindValue, Template> = {
  clients: {
    headers: {
      pt: ['Nome', 'Telefone', 'Email', 'NIF', 'Data de nascimento', 'Empresa', 'Cliente empresarial', 'Idioma', 'Notas'],
      en: ['Name', 'Phone', 'Email', 'NIF', 'Date of birth', 'Company name', 'Enterprise', 'Language', 'Notes'],
    },
    examples: [
      ['Joana Ribeiro', '912 345 678', 'joana.ribeiro@example.pt', '245678913', '14/02/1985', '', 'não', 'pt', 'Prefere contacto por SMS'],
      ['Alojamentos do Tejo', '213 456 789', 'reservas@tejo.example.pt', '501234560', '', 'Alojamentos do Tejo, Lda.', 'sim', 'en', ''],
    ],
  },
  properties: {
    headers: {
      pt: ['Telefone do cliente', 'NIF do cliente', 'Nome', 'Morada', 'Morada 2', 'Código postal', 'Localidade', 'Distrito', 'Tipo', 'Instruções de acesso', 'Principal'],
      en: ['Client phone', 'Client NIF', 'Name', 'Address', 'Address line 2', 'Postal code', 'City', 'District', 'Type', 'Access instructions', 'Primary'],
    },
    examples: [
      ['912 345 678', '', 'Casa da Graça', 'Rua da Graça 12', '2.º Esq.', '1170-165', 'Lisboa', 'Lisboa', 'apartamento', 'Chave na portaria', 'sim'],
      ['', '501234560', 'Estúdio Ribeira', 'Cais da Ribeira 8', '', '4050-510', 'Porto', 'Porto', 'apartamento', 'Cofre 4321', 'não'],
    ],
  },
  services: {
    headers: {
      pt: ['Código', 'Nome', 'Nome (EN)', 'Unidade', 'Preço (EUR)', 'Mínimo (EUR)', 'Descrição'],
      en: ['Code', 'Name', 'Name (EN)', 'Unit', 'Price (EUR)', 'Minimum charge', 'Description'],
    },
    examples: [
      ['EDREDOM', 'Edredão', 'Duvet', 'peça', '12,50', '', 'Lavagem e secagem de edredão'],
      ['CAMISAS_KG', 'Camisas ao quilo', 'Shirts by weight', 'kg', '4,00', '8,00', ''],
    ],
  },
};

export function importTemplate(kind: ImportKindValue, locale: 'pt' | 'en'): string {
  const { separator } = DIALECTS.semicolon;
  const t = TEMPLATES[kind];
  const line = (cells: string[]) => `${cells.map(textCell).join(separator)}\r\n`;
  return BOM + line(t.headers[locale]) + t.examples.map(line).join('');
}
