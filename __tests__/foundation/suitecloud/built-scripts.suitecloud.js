/**
 * Every built script in src/FileCabinet/SuiteScripts/scend_connector loads through the
 * `SuiteScripts/...` mapping of @oracle/suitecloud-unit-testing and exports the entry points its
 * @NScriptType promises. Run with: npx jest --config __tests__/foundation/suitecloud/jest.config.js
 */
const fs = require('fs');
const path = require('path');

const BUILT = path.resolve(__dirname, '..', '..', '..', 'src', 'FileCabinet', 'SuiteScripts', 'scend_connector');

/** NetSuite calls these; a script must export at least one from each group listed for its type. */
const ENTRY_POINTS = {
  Suitelet: [['onRequest']],
  Restlet: [['get', 'post', 'put', 'delete']],
  UserEventScript: [['beforeLoad', 'beforeSubmit', 'afterSubmit']],
  ScheduledScript: [['execute']],
  MapReduceScript: [['getInputData'], ['map', 'reduce']],
  ClientScript: [['pageInit', 'fieldChanged', 'postSourcing', 'sublistChanged', 'lineInit', 'validateField', 'validateLine', 'validateInsert', 'validateDelete', 'saveRecord', 'localizationContextEnter', 'localizationContextExit']],
  SDFInstallationScript: [['run']],
};

const builtScripts = fs.existsSync(BUILT) ? fs.readdirSync(BUILT).filter((f) => f.endsWith('.js')).sort() : [];

function scriptType(file) {
  const match = /@NScriptType\s+(\w+)/.exec(fs.readFileSync(path.join(BUILT, file), 'utf8'));
  return match ? match[1] : undefined;
}

describe('built scripts under SuiteCloud unit testing', () => {
  it('finds built scripts to load (run npm run build first)', () => {
    expect(builtScripts.length).toBeGreaterThan(0);
  });

  describe.each(builtScripts)('%s', (file) => {
    it('loads via SuiteScripts/scend_connector/... and exports the entry points of its @NScriptType', () => {
      const type = scriptType(file);
      expect(Object.keys(ENTRY_POINTS)).toContain(type);
      const script = require(`SuiteScripts/scend_connector/${file.replace(/\.js$/, '')}`);
      const missing = ENTRY_POINTS[type]
        .filter((group) => !group.some((name) => typeof script[name] === 'function'))
        .map((group) => group.join(' | '));
      expect({ file, type, missing }).toEqual({ file, type, missing: [] });
    });
  });
});
