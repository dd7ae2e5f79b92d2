; Highlights for .coex rule files. Capture names follow the common set that
; Neovim, Helix and Zed themes know; a theme without a specific name (say
; `@comment.documentation`) falls back to its prefix (`@comment`). No node is
; captured by two patterns: editors disagree on which of two would win.

; Comments

(comment) @comment

(doc_comment) @comment.documentation

; Keywords

[
  "enum"
  "set"
  "decision"
  "table"
  "impossible"
  "because"
  "source"
  "expect"
  "alias"
] @keyword

(ordered) @keyword.modifier

(impossible) @keyword

; Strings

(string) @string

(escape_sequence) @string.escape

; Declarations

(enum_declaration
  name: (identifier) @type.definition)

(enum_value
  name: (identifier) @constant)

(alias
  name: (identifier) @constant)

(set_declaration
  name: (identifier) @constant
  type: (identifier) @type)

(set_declaration
  member: (identifier) @constant)

(decision
  name: (identifier) @function)

(parameter
  name: (identifier) @variable.parameter
  type: (identifier) @type)

; Tables and conditions: input and output names, then values

(header
  input: (identifier) @variable.parameter)

(header
  output: (identifier) @variable.parameter)

(term
  input: (identifier) @variable.parameter)

(pattern
  (identifier) @constant)

(negation
  (identifier) @constant)

(row
  output: (identifier) @constant)

; Examples

(expect
  decision: (identifier) @function.call)

(argument
  name: (identifier) @variable.parameter)

(argument
  value: (identifier) @constant)

; Operators and punctuation

[
  "=="
  "!="
  "&&"
  "->"
  "!"
  "="
] @operator

(wildcard) @operator

[
  "|"
  "||"
] @punctuation.special

[
  ","
  ":"
] @punctuation.delimiter

[
  "("
  ")"
  "{"
  "}"
] @punctuation.bracket
