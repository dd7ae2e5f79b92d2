// Spot checks of the scopes the TextMate grammar gives, token by token, on
// small snippets of every construct. Run with `npm test`.
'use strict';

const test = require('node:test');
const assert = require('node:assert/strict');
const { tokenize, problems } = require('./tokenize.js');

/**
 * The most specific scope (ignoring `meta.*`) of every token of `text` that
 * is not blank, as `[token, scope]` pairs, the `.coex` suffix dropped.
 */
async function scopes(text) {
  const { lines } = await tokenize(text);
  return lines.flatMap(line =>
    line.tokens
      .filter(token => token.text.trim() !== '')
      .map(token => {
        const specific = token.scopes.filter(scope => !scope.startsWith('meta.')).pop();
        return [token.text.trim(), specific.replace(/\.coex$/, '')];
      }),
  );
}

/** The scope of the `nth` token (0-based) whose text is `word`. */
async function scopeOf(text, word, nth = 0) {
  const found = (await scopes(text)).filter(([token]) => token === word);
  assert.ok(found.length > nth, `\`${word}\` is not a token of ${JSON.stringify(text)}`);
  return found[nth][1];
}

test('comments: `//` is a comment, `///` a doc comment, `////` a comment again', async () => {
  assert.deepEqual(await scopes('// note'), [
    ['//', 'punctuation.definition.comment'],
    ['note', 'comment.line.double-slash'],
  ]);
  assert.deepEqual(await scopes('/// doc'), [
    ['///', 'punctuation.definition.comment'],
    ['doc', 'comment.line.documentation'],
  ]);
  assert.deepEqual(await scopes('//// banner'), [
    ['//', 'punctuation.definition.comment'],
    ['// banner', 'comment.line.double-slash'],
  ]);
});

test('enum: keyword, name, values, alias', async () => {
  assert.deepEqual(await scopes('enum Mode { Islands, TeamsOnly alias Upgraded }'), [
    ['enum', 'storage.type.enum'],
    ['Mode', 'entity.name.type.enum'],
    ['{', 'punctuation.section.block.begin'],
    ['Islands', 'variable.other.enummember'],
    [',', 'punctuation.separator.comma'],
    ['TeamsOnly', 'variable.other.enummember'],
    ['alias', 'keyword.other.alias'],
    ['Upgraded', 'variable.other.enummember.alias'],
    ['}', 'punctuation.section.block.end'],
  ]);
});

test('set: keyword, name, enum, members', async () => {
  assert.deepEqual(await scopes('set SfBAny: Mode = SfBOnly, SfBWithTeamsCollab'), [
    ['set', 'storage.type.set'],
    ['SfBAny', 'entity.name.constant.set'],
    [':', 'punctuation.separator.colon'],
    ['Mode', 'entity.name.type'],
    ['=', 'keyword.operator.assignment'],
    ['SfBOnly', 'variable.other.constant'],
    [',', 'punctuation.separator.comma'],
    ['SfBWithTeamsCollab', 'variable.other.constant'],
  ]);
});

const decision = `decision route(
    sender_mode: Mode,
    scope: Scope,
) -> (lands: Landing, thread: Thread) {
    impossible sender_mode == TeamsOnly && scope != !InTenant, Federated
        because "a \\"quoted\\" reason\\n" source "seed 000"
    table "Table 1a" ordered
        source "seed 001, Table 1a"
    | sender_mode | scope    || lands | thread |
    | Islands     | *        || Teams | Native | source "row 1"
    expect route(Islands, InTenant) == (Teams, Native)
    expect route(sender_mode: TeamsOnly, scope: InTenant) == impossible
}`;

test('decision signature: name, parameter names and types, arrow', async () => {
  assert.equal(await scopeOf(decision, 'decision'), 'storage.type.decision');
  assert.equal(await scopeOf(decision, 'route'), 'entity.name.function.decision');
  assert.equal(await scopeOf(decision, 'sender_mode'), 'variable.parameter');
  assert.equal(await scopeOf(decision, 'Mode'), 'entity.name.type');
  assert.equal(await scopeOf(decision, 'lands'), 'variable.parameter');
  assert.equal(await scopeOf(decision, 'Landing'), 'entity.name.type');
  assert.equal(await scopeOf(decision, '->'), 'keyword.operator.arrow');
});

test('constraint: keywords, inputs, operators, strings with escapes', async () => {
  assert.equal(await scopeOf(decision, 'impossible'), 'keyword.other.impossible');
  assert.equal(await scopeOf(decision, 'sender_mode', 1), 'variable.parameter');
  assert.equal(await scopeOf(decision, '=='), 'keyword.operator.comparison');
  assert.equal(await scopeOf(decision, 'TeamsOnly'), 'variable.other.constant');
  assert.equal(await scopeOf(decision, '&&'), 'keyword.operator.logical');
  assert.equal(await scopeOf(decision, '!='), 'keyword.operator.comparison');
  assert.equal(await scopeOf(decision, '!'), 'keyword.operator.negation');
  assert.equal(await scopeOf(decision, 'because'), 'keyword.other.because');
  assert.equal(await scopeOf(decision, 'a'), 'string.quoted.double');
  assert.equal(await scopeOf(decision, '\\"'), 'constant.character.escape');
  assert.equal(await scopeOf(decision, '\\n'), 'constant.character.escape');
  assert.equal(await scopeOf(decision, 'source'), 'keyword.other.source');
});

test('table: title, ordered, header columns, cells, separators, row source', async () => {
  assert.equal(await scopeOf(decision, 'table'), 'keyword.other.table');
  assert.equal(await scopeOf(decision, 'Table 1a'), 'string.quoted.double');
  assert.equal(await scopeOf(decision, 'ordered'), 'storage.modifier.ordered');
  // The header names the columns; the rows below hold values.
  assert.equal(await scopeOf(decision, 'sender_mode', 2), 'variable.parameter.column');
  assert.equal(await scopeOf(decision, 'lands', 1), 'variable.parameter.column');
  assert.equal(await scopeOf(decision, 'Islands'), 'variable.other.constant');
  assert.equal(await scopeOf(decision, '*'), 'keyword.operator.wildcard');
  assert.equal(await scopeOf(decision, '|'), 'punctuation.separator.table');
  assert.equal(await scopeOf(decision, '||'), 'punctuation.separator.table.outputs');
  assert.equal(await scopeOf(decision, '||', 1), 'punctuation.separator.table.outputs');
  assert.equal(await scopeOf(decision, 'source', 2), 'keyword.other.source');
  assert.equal(await scopeOf(decision, 'row 1'), 'string.quoted.double');
});

test('expect: keyword, decision, named arguments, `impossible`', async () => {
  assert.equal(await scopeOf(decision, 'expect'), 'keyword.other.expect');
  assert.equal(await scopeOf(decision, 'route', 1), 'entity.name.function');
  assert.equal(await scopeOf(decision, 'sender_mode', 3), 'variable.parameter');
  assert.equal(await scopeOf(decision, 'impossible', 1), 'keyword.other.impossible');
  assert.equal(await scopeOf(decision, '}'), 'punctuation.section.block.end');
});

test('names that start with a keyword are names', async () => {
  assert.equal(await scopeOf('expect enumerate(settings) == tables', 'settings'), 'variable.other.constant');
  assert.equal(await scopeOf('expect enumerate(settings) == tables', 'tables'), 'variable.other.constant');
});

test('what the grammar does not cover is reported', async () => {
  assert.deepEqual(await problems('"bad \\q escape"'), [
    { line: 1, column: 6, message: '`\\q` is scoped `invalid.illegal.unknown-escape.coex`' },
  ]);
  assert.deepEqual(await problems('enum Mode { Islands'), [
    { line: 1, column: 1, message: 'the file ends inside 1 unclosed rule(s)' },
  ]);
  assert.deepEqual(await problems('expect d(A) == B ?'), [
    { line: 1, column: 17, message: 'no rule matches `?`' },
  ]);
  assert.deepEqual(await problems(decision), []);
});
