/**
 * @file The tree-sitter grammar of `.coex` rule files.
 * @license MIT OR Apache-2.0
 *
 * It follows `grammar/coex.pest`, the compiler's grammar, rule for rule. One
 * difference: the compiler's grammar is line oriented (a table row is one
 * line), while here line ends are whitespace like spaces and tabs. Every
 * construct starts with a keyword or a `|`, so the tree is the same; this
 * grammar only also accepts a few layouts the compiler refuses (two rows on
 * one line, say), which `coex check` reports.
 */

/// <reference types="tree-sitter-cli/dsl" />
// @ts-check

/**
 * One or more `rule`s separated by `separator`.
 *
 * @param {RuleOrLiteral} rule
 * @param {RuleOrLiteral} separator
 */
function sep1(rule, separator) {
  return seq(rule, repeat(seq(separator, rule)));
}

/**
 * One or more `rule`s separated by commas.
 *
 * @param {RuleOrLiteral} rule
 */
function commaSep1(rule) {
  return sep1(rule, ',');
}

module.exports = grammar({
  name: 'coex',

  extras: $ => [/\s/, $.comment],

  word: $ => $.identifier,

  // Keywords cannot be names, as in the compiler's grammar: without this,
  // tree-sitter would take `enum table { ... }` as an enum named `table`.
  reserved: {
    global: _ => [
      'enum', 'set', 'decision', 'table', 'ordered',
      'impossible', 'because', 'source', 'expect', 'alias',
    ],
  },

  rules: {
    source_file: $ => repeat(choice(
      $.enum_declaration,
      $.set_declaration,
      $.decision,
      $.expect,
    )),

    // `// ...` to the end of the line, but not a doc comment (`///` followed
    // by anything but a fourth `/`).
    comment: _ => token(choice(
      seq('//', optional(seq(/[^/\n]/, /[^\n]*/))),
      seq('////', /[^\n]*/),
    )),

    doc_comment: _ => token(seq('///', optional(seq(/[^/\n]/, /[^\n]*/)))),

    // The doc comments of the item that follows them.
    docs: $ => repeat1($.doc_comment),

    identifier: _ => /[A-Za-z_][A-Za-z0-9_]*/,

    string: $ => seq(
      '"',
      repeat(choice($.string_content, $.escape_sequence)),
      token.immediate('"'),
    ),
    string_content: _ => token.immediate(prec(1, /[^"\\\n]+/)),
    escape_sequence: _ => token.immediate(seq('\\', /["\\nt]/)),

    source: $ => seq('source', field('citation', $.string)),

    // ------------------------------------------------------------ enums and sets

    enum_declaration: $ => seq(
      optional($.docs),
      'enum',
      field('name', $.identifier),
      '{',
      repeat(seq($.enum_value, optional(','))),
      '}',
    ),

    enum_value: $ => seq(
      optional($.docs),
      field('name', $.identifier),
      repeat($.alias),
    ),

    alias: $ => seq('alias', field('name', $.identifier)),

    set_declaration: $ => seq(
      optional($.docs),
      'set',
      field('name', $.identifier),
      ':',
      field('type', $.identifier),
      '=',
      commaSep1(field('member', $.identifier)),
    ),

    // ------------------------------------------------------------ decisions

    decision: $ => seq(
      optional($.docs),
      'decision',
      field('name', $.identifier),
      field('inputs', $.inputs),
      '->',
      field('outputs', $.outputs),
      '{',
      repeat(choice($.constraint, $.table, $.expect)),
      '}',
    ),

    inputs: $ => seq(
      '(',
      optional(seq(commaSep1($.parameter), optional(','))),
      ')',
    ),

    outputs: $ => choice(
      seq('(', commaSep1($.parameter), optional(','), ')'),
      $.parameter,
    ),

    parameter: $ => seq(
      field('name', $.identifier),
      ':',
      field('type', $.identifier),
    ),

    // `impossible mode == TeamsOnly && homed == OnPrem because "..." source "..."`
    constraint: $ => seq(
      optional($.docs),
      'impossible',
      field('condition', $.condition),
      field('because', $.because),
      optional(field('source', $.source)),
    ),

    condition: $ => sep1($.term, '&&'),

    term: $ => seq(
      field('input', $.identifier),
      field('operator', choice('==', '!=')),
      field('pattern', $.pattern),
    ),

    because: $ => seq('because', field('reason', $.string)),

    // table "title" [ordered] [source "..."]
    // | input | input || output |
    // | cell  | cell  || value  | [source "..."]
    table: $ => seq(
      optional($.docs),
      'table',
      field('title', $.string),
      optional($.ordered),
      optional(field('source', $.source)),
      field('header', $.header),
      repeat($.row),
    ),

    ordered: _ => 'ordered',

    header: $ => seq(
      '|',
      sep1(field('input', $.identifier), '|'),
      '||',
      sep1(field('output', $.identifier), '|'),
      '|',
    ),

    row: $ => seq(
      '|',
      sep1(field('input', $.pattern), '|'),
      '||',
      sep1(field('output', $.identifier), '|'),
      '|',
      optional(field('source', $.source)),
    ),

    // A cell: `*`, a value or set name, a list `a, b`, or a negation `!a, b`.
    pattern: $ => choice(
      $.wildcard,
      $.negation,
      commaSep1($.identifier),
    ),

    wildcard: _ => '*',

    negation: $ => seq('!', commaSep1($.identifier)),

    // ------------------------------------------------------------ examples

    // expect route(Islands, Teams, OnPrem, SfBOnly, InTenant) == (NotPossible, None)
    // expect route(sender_mode: Islands, ...) == impossible
    expect: $ => seq(
      'expect',
      field('decision', $.identifier),
      field('arguments', $.arguments),
      '==',
      field('expected', choice(
        alias('impossible', $.impossible),
        $.outcomes,
        $.argument,
      )),
      optional(field('source', $.source)),
    ),

    arguments: $ => seq(
      '(',
      optional(seq(commaSep1($.argument), optional(','))),
      ')',
    ),

    outcomes: $ => seq('(', commaSep1($.argument), optional(','), ')'),

    argument: $ => seq(
      optional(seq(field('name', $.identifier), ':')),
      field('value', $.identifier),
    ),
  },
});
