import { CUSTOM_FIELD_TYPES, FIELD_TYPES, SELECT_FIELD_TYPES } from '../catalogue';
import { rule } from '../rule';
import { childText, descendants } from '../xml';

/** Custom fields have a known `<fieldtype>`; SELECT and MULTISELECT fields say what they select. */
export const fieldType = rule('field-type', (project, report) => {
  for (const obj of project.objects) {
    const fields = [{ el: obj.root }, ...descendants(obj.root)].map((d) => d.el).filter((el) => CUSTOM_FIELD_TYPES.has(el.name));
    for (const field of fields) {
      const id = field.attrs.scriptid ?? `<${field.name}>`;
      const type = childText(field, 'fieldtype');
      if (!type) report(obj.file, `${id} has no <fieldtype>`);
      else if (!FIELD_TYPES.has(type)) report(obj.file, `${id}: <fieldtype>${type}</fieldtype> is not one of ${[...FIELD_TYPES].join(', ')}`);
      else if (SELECT_FIELD_TYPES.has(type) && !childText(field, 'selectrecordtype')) report(obj.file, `${id} is ${type} but has no <selectrecordtype>`);
    }
  }
});
