//! The largest rule sets coex accepts, each enforced with an
//! `E0017 limit-exceeded` diagnostic at the place that exceeds it (see
//! docs/RELIABILITY.md, "Limits (structure)"). Under these limits a decision
//! whose input space can be enumerated checks in seconds.

/// Rows in one decision, all its tables together (a 100,000-row table,
/// one row per input of a 1,000 × 100 space, checks in about a second).
pub const MAX_ROWS: usize = 1 << 17;

/// Inputs of one decision.
pub const MAX_INPUTS: usize = 1024;

/// Values of one enum (aliases not counted).
pub const MAX_VALUES: usize = 65_536;

/// How deeply sets may be built from sets: a set of values has depth 1, a
/// set naming it depth 2, and so on.
pub const MAX_SET_DEPTH: usize = 64;
