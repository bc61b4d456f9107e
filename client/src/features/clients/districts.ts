import type { DISTRICTS } from '@contracts/properties';

/** District and region names are proper nouns: the same in both languages. */
export const DISTRICT_NAMES: Record<(typeof DISTRICTS)[number], string> = {
  aveiro: 'Aveiro',
  beja: 'Beja',
  braga: 'Braga',
  braganca: 'Bragança',
  castelo_branco: 'Castelo Branco',
  coimbra: 'Coimbra',
  evora: 'Évora',
  faro: 'Faro',
  guarda: 'Guarda',
  leiria: 'Leiria',
  lisboa: 'Lisboa',
  portalegre: 'Portalegre',
  porto: 'Porto',
  santarem: 'Santarém',
  setubal: 'Setúbal',
  viana_do_castelo: 'Viana do Castelo',
  vila_real: 'Vila Real',
  viseu: 'Viseu',
  acores: 'Açores',
  madeira: 'Madeira',
};
