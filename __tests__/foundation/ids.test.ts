/**
 * src/ts/ids.ts and src/Objects agree: every custom id the code names is defined by an SDF object
 * (under the right parent), and every object, field, value, deployment and parameter is named.
 */
import * as path from 'node:path';
import * as ids from '../../src/ts/ids';
import { loadProject } from '../../tools/sdf-validate';
import { compareIds } from './ids-agreement';

const project = loadProject(path.join(__dirname, '..', '..', 'src'));
const real = compareIds({ ...ids }, project);

describe('ids.ts ↔ src/Objects', () => {
  it('compares a non-trivial set of ids (guards against walking nothing)', () => {
    expect(real.named).toBeGreaterThan(10);
    expect(real.defined).toBeGreaterThan(10);
  });

  it('defines every custom id that ids.ts names', () => expect(real.missing).toEqual([]));
  it('defines each nested id inside the object ids.ts groups it under', () => expect(real.misplaced).toEqual([]));
  it('names every object, field, list value, deployment and parameter defined in src/Objects', () => expect(real.orphans).toEqual([]));
  it('gives each script the file its SDF object deploys, inside the script folder', () => expect(real.scriptFiles).toEqual([]));
});

describe('the ids comparison catches drift', () => {
  const { LISTS, RECORDS, SCRIPTS } = ids;
  const drifted = (changes: Record<string, unknown>) => compareIds({ ...ids, ...changes }, project);

  it('names an id that src/Objects does not define', () => {
    const result = drifted({ EXTRA: { field: 'custitem_scend_not_there' } });
    expect(result.missing).toEqual(['EXTRA.field = custitem_scend_not_there is not defined in src/Objects']);
  });

  it('names a field src/Objects defines that ids.ts forgot', () => {
    const { baseUrl: _dropped, ...fields } = RECORDS.config.fields;
    const result = drifted({ RECORDS: { ...RECORDS, config: { ...RECORDS.config, fields } } });
    expect(result.orphans).toEqual([expect.stringMatching(/^custrecord_scend_cfg_base_url \(<customrecordcustomfield> in Objects\/customrecord_scend_config\.xml\) is not named/)]);
  });

  it('names a list value grouped under the wrong list', () => {
    const moved = { ...LISTS.ownerTeam, values: { ...LISTS.ownerTeam.values, open: LISTS.exceptionStatus.values.open } };
    const result = drifted({ LISTS: { ...LISTS, ownerTeam: moved } });
    expect(result.misplaced).toEqual(['LISTS.ownerTeam.values.open = val_scend_exc_open belongs to customlist_scend_exc_status, not customlist_scend_owner_team']);
  });

  it('names a script file that is not the one its object deploys', () => {
    const script = Object.entries(SCRIPTS)[0];
    const result = drifted({ SCRIPTS: { ...SCRIPTS, [script[0]]: { ...script[1], file: '/SuiteScripts/scend_connector/renamed.js' } } });
    expect(result.scriptFiles).toEqual(expect.arrayContaining([expect.stringContaining('renamed.js is not the <scriptfile> of')]));
  });
});
