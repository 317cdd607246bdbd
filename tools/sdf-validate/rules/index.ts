import type { Rule } from '../rule';
import { deployPaths } from './deploy-paths';
import { deploymentRecordtype } from './deployment-recordtype';
import { deploymentStatus } from './deployment-status';
import { fieldType } from './field-type';
import { fileNamedByScriptid } from './file-named-by-scriptid';
import { manifestFeatures } from './manifest-features';
import { oneObjectPerFile } from './one-object-per-file';
import { placeholderText } from './placeholder-text';
import { referenceResolves } from './reference-resolves';
import { schemaElement, schemaRequired, schemaValue } from './schema';
import { scriptTypeMatchesHeader } from './script-type-matches-header';
import { scriptfileExists } from './scriptfile-exists';
import { scriptidFormat } from './scriptid-format';
import { scriptidPrefix } from './scriptid-prefix';
import { xmlWellFormed } from './xml-well-formed';

/** Every rule, in the order problems are reported. */
export const RULES: readonly Rule[] = [
  xmlWellFormed,
  oneObjectPerFile,
  fileNamedByScriptid,
  schemaElement,
  schemaRequired,
  schemaValue,
  placeholderText,
  scriptidPrefix,
  scriptidFormat,
  scriptfileExists,
  scriptTypeMatchesHeader,
  referenceResolves,
  deploymentRecordtype,
  deploymentStatus,
  fieldType,
  manifestFeatures,
  deployPaths,
];
