// Tokenizes `.coex` files with the extension's TextMate grammar, as VS Code
// does (vscode-textmate with the Oniguruma regex engine), and reports every
// place the grammar does not cover:
//
// - a piece of text (other than spaces) that no rule scoped,
// - a scope named `invalid.*`,
// - a file that ends inside a multi-line rule (an enum body or a decision
//   signature never closed, a table heading that swallowed the rows).
//
// Usage: node test/tokenize.js FILE...   (exit status 1 when a file has a problem)
'use strict';

const fs = require('node:fs');
const path = require('node:path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const extensionDir = path.join(__dirname, '..');

/** The grammar VS Code loads: the one package.json contributes for `coex`. */
function contributedGrammar() {
  const manifest = JSON.parse(fs.readFileSync(path.join(extensionDir, 'package.json'), 'utf8'));
  const contribution = manifest.contributes.grammars.find(grammar => grammar.language === 'coex');
  return { scopeName: contribution.scopeName, file: path.join(extensionDir, contribution.path) };
}

let loaded;

/** @returns {Promise<import('vscode-textmate').IGrammar>} */
function loadGrammar() {
  if (loaded === undefined) {
    const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
    const onigLib = oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength)).then(() => ({
      createOnigScanner: patterns => new oniguruma.OnigScanner(patterns),
      createOnigString: text => new oniguruma.OnigString(text),
    }));
    const { scopeName, file } = contributedGrammar();
    const registry = new vsctm.Registry({
      onigLib,
      loadGrammar: async wanted =>
        wanted === scopeName ? vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file) : null,
    });
    loaded = registry.loadGrammar(scopeName);
  }
  return loaded;
}

/**
 * The tokens of a text, line by line.
 *
 * @param {string} text
 * @returns {Promise<{lines: {text: string, tokens: {text: string, start: number, scopes: string[]}[]}[], openRules: number}>}
 */
async function tokenize(text) {
  const grammar = await loadGrammar();
  let state = vsctm.INITIAL;
  const lines = text.split(/\r?\n/).map(line => {
    const result = grammar.tokenizeLine(line, state);
    state = result.ruleStack;
    return {
      text: line,
      tokens: result.tokens.map(token => ({
        text: line.slice(token.startIndex, token.endIndex),
        start: token.startIndex,
        scopes: token.scopes,
      })),
    };
  });
  // The root of the stack has depth 1; every rule still open adds one.
  return { lines, openRules: state.depth - 1 };
}

/**
 * Where the grammar does not cover a text: `{line, column, message}`, 1-based.
 *
 * @param {string} text
 */
async function problems(text) {
  const { lines, openRules } = await tokenize(text);
  const found = [];
  lines.forEach((line, index) => {
    for (const token of line.tokens) {
      const invalid = token.scopes.find(scope => scope.startsWith('invalid'));
      const scoped = token.scopes.some(scope => scope !== 'source.coex' && !scope.startsWith('meta.'));
      if (invalid !== undefined) {
        found.push({ line: index + 1, column: token.start + 1, message: `\`${token.text}\` is scoped \`${invalid}\`` });
      } else if (!scoped && token.text.trim() !== '') {
        found.push({ line: index + 1, column: token.start + 1, message: `no rule matches \`${token.text.trim()}\`` });
      }
    }
  });
  if (openRules > 0) {
    found.push({ line: lines.length, column: 1, message: `the file ends inside ${openRules} unclosed rule(s)` });
  }
  return found;
}

async function main(files) {
  if (files.length === 0) {
    console.error('usage: node test/tokenize.js FILE...');
    process.exit(2);
  }
  let lines = 0;
  let failed = 0;
  for (const file of files) {
    const text = fs.readFileSync(file, 'utf8');
    lines += text.split(/\r?\n/).length;
    const found = await problems(text);
    for (const problem of found) {
      console.log(`${file}:${problem.line}:${problem.column}: ${problem.message}`);
    }
    if (found.length > 0) failed += 1;
  }
  console.log(`tokenized ${files.length} files (${lines} lines): ${files.length - failed} clean, ${failed} with problems`);
  process.exit(failed > 0 ? 1 : 0);
}

module.exports = { loadGrammar, tokenize, problems };

if (require.main === module) {
  main(process.argv.slice(2)).catch(error => {
    console.error(error);
    process.exit(2);
  });
}
