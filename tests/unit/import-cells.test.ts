import { describe, expect, it } from 'vitest';
import * as cell from '../../src/modules/imports/cell-parsers.js';
import { detectDelimiter, looksLikeFormula } from '../../src/modules/imports/csv-reader.js';
import { missingFields, suggestColumns } from '../../src/modules/imports/column-mapping.js';

const value = <T>(p: cell.Parsed<T>) => (p.ok ? p.value : p.code);

describe('cells of a spreadsheet', () => {
  it('when euros are written either way, then they become whole cents without a float deciding a cent', () => {
    expect(['3,50', '3.50', '€ 999,99', '1,000.00 €', '0,1', '12', '0.07'].map((v) => value(cell.euros(v)))).toEqual([350, 350, 99999, 100000, 10, 1200, 7]);
    expect(['3,505', '-2', 'abc', '1000,01', ''].map((v) => value(cell.euros(v)))).toEqual(['INVALID_PRICE', 'INVALID_PRICE', 'INVALID_PRICE', 'INVALID_PRICE', 'INVALID_PRICE']);
  });

  it('when districts are written as people write them, then they map to the 20 codes', () => {
    expect(['Lisboa', 'CASTELO BRANCO', 'Bragança', 'Évora', 'Região Autónoma dos Açores', 'Ilha da Madeira', 'viana-do-castelo'].map((v) => value(cell.district(v)))).toEqual([
      'lisboa', 'castelo_branco', 'braganca', 'evora', 'acores', 'madeira', 'viana_do_castelo',
    ]);
    expect(value(cell.district('Galiza'))).toBe('UNKNOWN_DISTRICT');
  });

  it('when dates are ISO or Portuguese, then real past dates are kept and impossible ones refused', () => {
    const today = '2026-03-10';
    expect(['1985-02-14', '14/02/1985', '4-7-1990', '01.12.1960'].map((v) => value(cell.pastDate(v, today)))).toEqual(['1985-02-14', '1985-02-14', '1990-07-04', '1960-12-01']);
    expect(['31/02/1990', '12/13/1990', '1899-12-31', '2026-03-11', '14 Feb 1985'].map((v) => value(cell.pastDate(v, today)))).toEqual(Array(5).fill('INVALID_DATE'));
  });

  it('when postal codes, NIFs, phones and units vary in form, then they are written the standard way', () => {
    expect(['1000-001', '1000 001', '1000001'].map((v) => value(cell.postalCode(v)))).toEqual(['1000-001', '1000-001', '1000-001']);
    expect(value(cell.postalCode('1000-01'))).toBe('INVALID_POSTAL_CODE');
    expect(['PT 123 456 789', '123.456.789'].map((v) => value(cell.nif(v)))).toEqual(['123456789', '123456789']);
    expect(value(cell.nif('123456780'))).toBe('INVALID_NIF');
    expect(['912 345 678', '+351 912345678', '00351912345678'].map((v) => value(cell.phone(v)))).toEqual(Array(3).fill('+351912345678'));
    expect(['kg', '€/kg', 'por peça', 'Unidade', 'per_item'].map((v) => value(cell.pricingUnit(v)))).toEqual(['per_kg', 'per_kg', 'per_item', 'per_item', 'per_item']);
    expect(['Sim', 'não', 'X', '0'].map((v) => value(cell.yesNo(v)))).toEqual([true, false, true, false]);
    expect(value(cell.serviceCode('lavar-engomar grande'))).toBe('LAVAR_ENGOMAR_GRANDE');
  });
});

describe('formulas and separators', () => {
  it('when a cell would run as a formula, then it is caught; signed numbers and phones are not', () => {
    expect(['=1+1', '@SUM(A1)', '+A1', '-2+3', '\tx', '+cmd|calc', '- note'].map(looksLikeFormula)).toEqual(Array(7).fill(true));
    expect(['+351 912 345 678', '-12,50', '+(351) 912-345-678', 'a=b', ''].map(looksLikeFormula)).toEqual(Array(5).fill(false));
  });

  it('when the header line is read, then the separator is the one it has most of outside quotes', () => {
    expect(detectDelimiter('Nome;Telefone;Email')).toBe(';');
    expect(detectDelimiter('Name,Phone,"Notes; free text"')).toBe(',');
    expect(detectDelimiter('Name\tPhone')).toBe('\t');
    expect(detectDelimiter('Nome')).toBe(';');
  });
});

describe('column mapping', () => {
  it('when headers are Portuguese or English, with accents and case, then each names its field once', () => {
    expect(suggestColumns('clients', ['NOME', 'Telemóvel', 'E-mail', 'Nº Contribuinte', 'Data de Nascimento', 'Telefone', 'Outra'])).toEqual([
      'name', 'phone', 'email', 'nif', 'dateOfBirth', null, null,
    ]);
    expect(suggestColumns('services', ['Code', 'Service', 'Unit', 'Price (EUR)'])).toEqual(['code', 'name', 'pricingUnit', 'price']);
  });

  it('when a property names its client by NIF only, then nothing required is missing', () => {
    expect(missingFields('properties', ['clientNif', 'addressLine1', 'city', 'postalCode', 'district'])).toEqual([]);
    expect(missingFields('properties', ['addressLine1', 'city', 'postalCode'])).toEqual(['clientPhone|clientNif', 'district']);
  });
});
