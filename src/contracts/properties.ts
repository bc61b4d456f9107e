import { z } from 'zod';
import { Version } from './users.js';

/** A client's properties (PRODUCT §3). Pure: no Node or server imports. */

/** The 18 mainland districts plus the two autonomous regions. */
export const DISTRICTS = [
  'aveiro', 'beja', 'braga', 'braganca', 'castelo_branco', 'coimbra', 'evora', 'faro', 'guarda', 'leiria',
  'lisboa', 'portalegre', 'porto', 'santarem', 'setubal', 'viana_do_castelo', 'vila_real', 'viseu',
  'acores', 'madeira',
] as const;
export const PROPERTY_TYPES = ['casa', 'apartamento', 'quinta', 'escritorio', 'loja', 'outro'] as const;

export const District = z.enum(DISTRICTS).meta({ id: 'District' });
export const PropertyType = z.enum(PROPERTY_TYPES).meta({ id: 'PropertyType' });
export const PostalCode = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{3}$/, 'a Portuguese postal code: NNNN-NNN')
  .meta({ example: '1200-195' });

const base = {
  id: z.number().int(),
  clientId: z.number().int(),
  name: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  city: z.string(),
  postalCode: z.string(),
  district: District,
  propertyType: PropertyType,
  isPrimary: z.boolean(),
  isActive: z.boolean(),
  createdAt: z.string(),
  updatedAt: z.string(),
  version: z.number().int(),
};

/** As staff (and a worker on one of its jobs) see it: with the access instructions. */
export const Property = z
  .object({
    ...base,
    accessInstructions: z.string().nullable().meta({ description: 'Key and lockbox notes; stored encrypted.' }),
  })
  .meta({ id: 'Property' });

/** As the owning client sees it: no access instructions. */
export const OwnProperty = z.object(base).meta({ id: 'OwnProperty' });

const Name = z.string().trim().min(1).max(120);
const Line = z.string().trim().min(1).max(200);
const City = z.string().trim().min(1).max(100);
const AccessInstructions = z.string().trim().max(2000);

export const CreatePropertyBody = z
  .object({
    name: Name,
    addressLine1: Line,
    addressLine2: Line.nullable().optional(),
    city: City,
    postalCode: PostalCode,
    district: District,
    propertyType: PropertyType,
    accessInstructions: AccessInstructions.nullable().optional(),
    isPrimary: z.boolean().optional().meta({ description: 'The first property is primary anyway; true when another primary exists is refused.' }),
  })
  .strict()
  .meta({
    id: 'CreatePropertyBody',
    example: { name: 'Casa da Graça', addressLine1: 'Rua da Graça 12, 2.º Esq.', city: 'Lisboa', postalCode: '1170-165', district: 'lisboa', propertyType: 'apartamento' },
  });

export const UpdatePropertyBody = z
  .object({
    version: Version,
    name: Name.optional(),
    addressLine1: Line.optional(),
    addressLine2: Line.nullable().optional(),
    city: City.optional(),
    postalCode: PostalCode.optional(),
    district: District.optional(),
    propertyType: PropertyType.optional(),
    accessInstructions: AccessInstructions.nullable().optional(),
  })
  .strict()
  .meta({ id: 'UpdatePropertyBody' });

export type PropertyDto = z.infer<typeof Property>;
export type OwnPropertyDto = z.infer<typeof OwnProperty>;
export type CreatePropertyInput = z.infer<typeof CreatePropertyBody>;
export type UpdatePropertyInput = z.infer<typeof UpdatePropertyBody>;
