/**
 * Writes docs/catalog.schema.json, the JSON Schema of Epirank's catalogue file format, from the
 * TypeBox schema the importer validates with. A test fails while the file is stale.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { catalogJsonSchema } from '../src/importers/catalog-format.js';

const target = fileURLToPath(new URL('../docs/catalog.schema.json', import.meta.url));
writeFileSync(target, catalogJsonSchema());
console.log(`wrote ${target}`);
