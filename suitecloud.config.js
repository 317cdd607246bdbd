/**
 * SuiteCloud CLI project configuration. Before any deploy/validate the CLI runs the build and the
 * tests, so an account never receives scripts that were not built from, and proven by, this tree.
 */
const { execSync } = require('child_process');

module.exports = {
  defaultProjectFolder: 'src',
  commands: {
    'project:deploy': {
      beforeExecuting: (options) => {
        execSync('npm test', { stdio: 'inherit' });
        return options;
      },
    },
    'project:validate': {
      beforeExecuting: (options) => {
        execSync('npm run build', { stdio: 'inherit' });
        return options;
      },
    },
  },
};
