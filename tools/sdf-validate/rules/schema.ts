import { OBJECT_SCHEMAS } from '../schema/objects';
import { walkObject, type SchemaFindingKind } from '../schema/walk';
import { rule } from '../rule';

/** One rule per kind of schema finding, so a report names what kind of mistake it is. */
function schemaRule(name: string, kind: SchemaFindingKind) {
  return rule(name, (project, report) => {
    for (const obj of project.objects) {
      const shape = OBJECT_SCHEMAS[obj.type];
      if (!shape) continue; // one-object-per-file reports an unknown object type
      for (const f of walkObject(obj.root, shape)) if (f.kind === kind) report(obj.file, `${f.where}: ${f.message}`);
    }
  });
}

/** Every element is one the SDF schema defines for its object type (and place in it). */
export const schemaElement = schemaRule('schema-element', 'unknown-element');
/** Every element (and attribute) the SDF schema marks required is there and not empty. */
export const schemaRequired = schemaRule('schema-required', 'missing-required');
/** List fields hold values from the SDF schema's list (or a [scriptid=...] reference where it accepts one). */
export const schemaValue = schemaRule('schema-value', 'bad-value');
